/**
 * A round's published summary, for anyone: no sign-in. Not found until the coordinators
 * publish it. Only what the publication rule allows is in this page's data (summary.server.ts).
 */
import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/respondent?worker&url";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SummaryView } from "~/components/summary/summary-view";
import { notFound } from "~/modules/auth/authorization.server";
import { serverT } from "~/modules/i18n/language.server";
import { localeOf } from "~/modules/i18n/languages";
import { loadPublishedSummary, summaryView } from "~/modules/summary/summary.server";

// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `${data.title}: ${data.summary.roundTitle}` : "Summary"} – Consult` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const summary = await loadPublishedSummary(params.roundId!);
  if (!summary) notFound("No published summary here.");
  const { t, language } = await serverT(request);
  return { title: t("title", { ns: "summary" }), summary: summaryView(summary!, localeOf(language)) };
}

export default function PublishedSummary() {
  const d = useLoaderData<typeof loader>();
  return <SummaryView summary={d.summary} />;
}

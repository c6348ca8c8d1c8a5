/**
 * The link from the sign-in email. Opening it (GET) changes nothing, so mail scanners that
 * prefetch links cannot use it up; the person confirms with one button (POST).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/respondent?worker&url";
import { createSession, safeRedirect } from "~/modules/auth/session.server";
import { postedTimeZone, rememberTimeZone } from "~/modules/auth/time-zone.server";
import { readForm } from "~/modules/forms/read-form.server";
import { inspectSignInLink, verifySignInLink } from "~/modules/auth/sign-in.server";

// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);

export const meta: MetaFunction = () => [{ title: "Consult" }, { name: "robots", content: "noindex" }];

type Problem = "invalid" | "expired" | "used";

export async function loader({ params }: LoaderFunctionArgs) {
  const { state } = await inspectSignInLink(params.token ?? "");
  if (state === "valid") return data({ problem: null as Problem | null });
  return data({ problem: state as Problem }, { status: state === "invalid" ? 404 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const outcome = await verifySignInLink(params.token ?? "");
  if (!outcome.ok) {
    const problem = (outcome.reason === "rate-limited" ? "invalid" : outcome.reason) as Problem;
    return data({ problem }, { status: problem === "invalid" ? 404 : 410 });
  }
  await rememberTimeZone(outcome.userId, postedTimeZone(form));
  const cookie = await createSession(outcome.userId, request);
  return redirect(safeRedirect(outcome.redirectTo, "/"), { headers: { "Set-Cookie": cookie } });
}

export default function ConfirmSignIn() {
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const problem = acted?.problem ?? loaded.problem;
  const { t } = useTranslation("signin");
  if (problem) {
    return (
      <div className="prose">
        <h1>{t("linkProblemTitle")}</h1>
        <p className="lead">{t(`link.${problem}`)}</p>
        <p>
          <Link className="button" to="/sign-in">
            {t("newLink")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="prose">
      <h1>{t("linkTitle")}</h1>
      <p>{t("linkContinue")}</p>
      <Form method="post">
        {/* Filled by the page script with the browser's zone (app/enhance/respondent.ts). */}
        <input type="hidden" name="timeZone" value="" data-time-zone="" />
        <button className="button" type="submit">
          {t("continue")}
        </button>
      </Form>
    </div>
  );
}

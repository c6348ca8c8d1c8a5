import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/respondent?worker&url";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RoundHeader } from "~/components/respondent/round-header";
import { SubmittedVersions } from "~/components/respondent/submitted-versions";
import { notFound } from "~/modules/auth/authorization.server";
import { localeOf } from "~/modules/i18n/languages";
import { formatSize } from "~/modules/response/attachment-rules";
import { attachmentsOf } from "~/modules/response/attachments.server";
import { loadRespondentPage } from "~/modules/response/respondent-page.server";
import { reviewText } from "~/modules/response/review-text.server";
import { submissionsOf } from "~/modules/response/submission.server";

// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Response submitted"} – Consult` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, header, round, when, t: commonT, language } = await loadRespondentPage(request, params.invitationId!);
  const t = reviewText(commonT);
  if (round.response?.status !== "SUBMITTED" || !round.response.submittedAt) notFound(t("notSubmittedYet"));
  const versions = await submissionsOf(round.response.id);
  const latest = versions[0]!;
  const attachments = await attachmentsOf(round.response.id, latest);
  return {
    title: t("submittedTitle"),
    header: { ...header, current: t("submittedTitle") },
    invitationId: round.invitationId,
    organisation: round.organisation.name,
    roundTitle: round.round.title,
    number: latest.number,
    submittedText: when(latest.submittedAt),
    deadlineText: round.isOpen && round.deadline ? when(round.deadline) : null,
    email: user.email,
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, size: formatSize(a.size, localeOf(language)) })),
    earlier: versions.slice(1).map((v) => ({ number: v.number, date: when(v.submittedAt), by: v.by })),
  };
}

export default function Submitted() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("review");
  return (
    <>
      <RoundHeader {...d.header} />
      <div className="prose">
        <div className="notice notice--success">
          <h1 className="flush">{t("submittedTitle")}</h1>
          <p>{t("submittedBody", { organisation: d.organisation, round: d.roundTitle, date: d.submittedText })}</p>
          <p>{t("thisVersion", { number: d.number })}</p>
        </div>
        <p>{t("receiptSent", { email: d.email })}</p>
        {d.deadlineText ? <p>{t("canChange", { deadline: d.deadlineText })}</p> : null}
        <h2>{t("attachmentsTitle")}</h2>
        {d.attachments.length > 0 ? (
          <ul>
            {d.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/attachments/${a.id}`} download={a.filename}>
                  {a.filename}
                </a>{" "}
                <span className="muted">({a.size})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("noAttachments")}</p>
        )}
        <div className="button-row">
          <Link className="button button--secondary" to={`/respond/${d.invitationId}/review`}>
            {t("reviewLink")}
          </Link>
          <Link className="back-link" to={`/respond/${d.invitationId}`}>
            {t("backToContents")}
          </Link>
        </div>
      </div>
      <SubmittedVersions versions={d.earlier} />
    </>
  );
}

import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/respondent?worker&url";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RoundHeader } from "~/components/respondent/round-header";
import { untranslated } from "~/modules/i18n/languages";
import { loadRespondentPage } from "~/modules/response/respondent-page.server";
import { missingRequired, sectionStatus } from "~/modules/response/respondent-round.server";

// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.header.roundTitle ?? "Contents"} – Consult` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { header, contact, round, when, invitation } = await loadRespondentPage(request, params.invitationId!);
  return {
    summaryPublished: !!invitation.round.summaryPublishedAt,
    header,
    instructions: round.round.instructions,
    canSubmit: contact.role === "SUBMITTER",
    status: round.response?.status ?? null,
    submittedText: round.response?.submittedAt ? when(round.response.submittedAt) : null,
    unsubmittedChanges: round.response?.status === "SUBMITTED" ? round.response.unsubmittedChanges : 0,
    missing: missingRequired(round).length,
    sections: round.sections.map((s) => ({
      key: s.key,
      heading: s.heading,
      headingFrom: s.headingFrom,
      questions: s.questions.length,
      status: sectionStatus(s, round.answers),
    })),
  };
}

export default function Contents() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("respond");
  const { t: ts } = useTranslation("summary");
  return (
    <>
      <RoundHeader {...d.header} />
      <h1 {...untranslated(d.header.titlesFrom)}>{d.header.roundTitle}</h1>
      {d.status === "SUBMITTED" ? (
        <div className="notice notice--success">
          <p>{t("submittedOn", { date: d.submittedText })}</p>
        </div>
      ) : null}
      {d.unsubmittedChanges > 0 ? (
        <div className="notice notice--warning">
          <p>{t("unsubmittedChanges", { count: d.unsubmittedChanges })}</p>
        </div>
      ) : null}
      {d.summaryPublished ? (
        <div className="notice notice--success">
          <p>
            {ts("summaryPublished")} <Link to="outcome">{ts("seeOutcome")}</Link>
          </p>
        </div>
      ) : null}
      {d.instructions ? (
        <p className="lead" {...untranslated(d.header.titlesFrom)}>
          {d.instructions}
        </p>
      ) : null}
      <p>{t("anyOrder")}</p>
      <h2 id="contents-title">{t("contents")}</h2>
      <ol className="contents" aria-labelledby="contents-title">
        {d.sections.map((s) => (
          <li key={s.key}>
            <span>
              <Link to={`sections/${s.key}`} {...untranslated(s.headingFrom)}>
                {s.heading}
              </Link>
              <span className="muted"> · {t("questionCount", { count: s.questions })}</span>
            </span>
            <span className={`badge badge--${s.status}`}>{t(`status.${s.status}`)}</span>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <Link className="button" to="review">
          {d.canSubmit ? t("reviewAndSubmit") : t("reviewAnswers")}
        </Link>
        {d.missing > 0 ? <span className="muted">{t("missing", { count: d.missing })}</span> : null}
      </div>
    </>
  );
}

/**
 * What happened to the organisation's own comments, once the round's summary is published:
 * for each written answer, the decision, its reason and the resulting change. Only the
 * organisation's contacts get here (loadRespondentPage); before publication it says so.
 */
import { htmlOnly } from "~/components/page-handle";
import enhance from "~/enhance/respondent?worker&url";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RedlineView } from "~/components/respondent/redline-view";
import { RoundHeader } from "~/components/respondent/round-header";
import { untranslated } from "~/modules/i18n/languages";
import { loadRespondentPage } from "~/modules/response/respondent-page.server";
import { loadOutcome } from "~/modules/summary/outcome.server";

// Served as HTML with one small enhancement script (docs/decisions/007-html-only-respondent-pages.md).
export const handle = htmlOnly(enhance);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Outcome"} – Consult` }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { header, round, invitation, t } = await loadRespondentPage(request, params.invitationId!);
  const title = t("outcomeTitle", { ns: "summary" });
  const outcome = await loadOutcome(invitation.roundId, invitation.organisationId);
  const sectionOf = (key: string | null) => round.sections.find((s) => s.key === key);
  // Prompts in the reader's language where translated (retired questions keep their original).
  const questionOf = (id: string) => round.sections.flatMap((s) => s.questions).find((q) => q.id === id);
  return {
    title,
    header: { ...header, current: t("outcomeCrumb", { ns: "summary" }) },
    roundId: invitation.roundId,
    invitationId: invitation.id,
    published: outcome.published,
    submitted: outcome.published ? outcome.submitted : false,
    sourceLanguage: outcome.published ? outcome.sourceLanguage : "en",
    comments: outcome.published
      ? outcome.comments.map((c) => {
          const section = sectionOf(c.sectionKey);
          const question = questionOf(c.questionId);
          return {
            ...c,
            question: question?.prompt ?? c.question,
            questionFrom: question ? question.promptFrom : outcome.sourceLanguage,
            heading: section?.heading ?? null,
            headingFrom: section?.headingFrom,
          };
        })
      : [],
  };
}

export default function Outcome() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("summary");
  return (
    <>
      <RoundHeader {...d.header} />
      <h1>{d.title}</h1>
      {!d.published ? (
        <p className="lead">{t("notPublished")}</p>
      ) : (
        <>
          <p className="lead">{d.submitted ? (d.comments.length > 0 ? t("outcomeIntro") : t("noComments")) : t("notSubmitted")}</p>
          <p>
            <Link to={`/summaries/${d.roundId}`}>{t("readSummary")}</Link>
          </p>
          {d.comments.map((c, i) => (
            <section key={c.answerId} className="outcome-comment" aria-labelledby={`comment-${i}`}>
              <h2 id={`comment-${i}`} {...untranslated(c.heading ? c.headingFrom : undefined)}>
                {c.heading ?? t("wholeDocument")}
              </h2>
              <p className="muted" {...untranslated(c.questionFrom)}>
                {c.question}
              </p>
              <h3>{t("yourComment")}</h3>
              <blockquote dir="auto" className="outcome-text">
                {c.text}
              </blockquote>
              <h3>{t("decisionsTitle")}</h3>
              {c.decisions.length > 0 ? (
                <ul className="summary-decisions">
                  {c.decisions.map((decision, j) => (
                    <li key={j}>
                      <p>
                        <span lang={d.sourceLanguage}>{decision.summary}</span>{" "}
                        <span className={`badge badge--decision-${decision.status.toLowerCase()}`}>
                          {decision.resolvedIn ? t("doneIn", { decision: t(`status.${decision.status}`), number: decision.resolvedIn }) : t(`status.${decision.status}`)}
                        </span>
                      </p>
                      {decision.rationale ? (
                        <p>
                          <strong>{t("rationale")}</strong> <span lang={d.sourceLanguage}>{decision.rationale}</span>
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t("noDecision")}</p>
              )}
              {c.parts ? (
                <RedlineView parts={c.parts} title={t("resultingChange")} id={`change-${i}`} />
              ) : (
                <>
                  <h3>{t("resultingChange")}</h3>
                  <p className="muted">{t("noChange")}</p>
                </>
              )}
            </section>
          ))}
        </>
      )}
      <p>
        <Link className="back-link" to={`/respond/${d.invitationId}`}>
          {t("backToContents")}
        </Link>
      </p>
    </>
  );
}

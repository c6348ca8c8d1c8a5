/**
 * A round's summary as it is published: the public page shows it, and the coordinators'
 * editor shows the very same component as its preview (nested one heading level down).
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { RedlineView } from "~/components/respondent/redline-view";
import type { RedlinePart } from "~/modules/document/redline";
import { quietLine, textChanged } from "~/modules/summary/quiet";

export type SummaryViewData = {
  roundTitle: string;
  consultationTitle: string;
  sourceLanguage: string;
  publishedText: string | null;
  introHtml: string;
  baseNumber: number;
  revised: { number: number } | null;
  sections: Array<{
    key: string;
    heading: string;
    change: string | null;
    empty: boolean;
    parts: RedlinePart[] | null;
    themesHtml: string;
    items: Array<{ id: string; summary: string; status: string; rationale: string; doneIn: number | null; quotes: Array<{ name?: string; type?: string; text: string }> }>;
  }>;
};

function Heading({ level, id, children }: { level: number; id?: string; children: ReactNode }) {
  const Tag = `h${Math.min(level, 6)}` as "h2";
  return <Tag id={id}>{children}</Tag>;
}

export function SummaryView({ summary, nested = false }: { summary: SummaryViewData; nested?: boolean }) {
  const { t } = useTranslation("summary");
  const top = nested ? 2 : 1;
  const sections = summary.sections.filter((s) => s.key !== "" || s.themesHtml || s.items.length > 0);
  const anchor = (key: string) => `summary-${key || "whole-document"}`;
  return (
    <article className="summary" aria-labelledby="summary-title">
      <Heading level={top} id="summary-title">
        {t("title")}
      </Heading>
      <p className="lead" lang={summary.sourceLanguage}>
        {t("roundOf", { consultation: summary.consultationTitle, round: summary.roundTitle })}
      </p>
      {summary.publishedText ? <p className="muted">{t("publishedOn", { date: summary.publishedText })}</p> : null}
      {summary.introHtml ? <div className="prose" lang={summary.sourceLanguage} dangerouslySetInnerHTML={{ __html: summary.introHtml }} /> : null}
      <p>{summary.revised ? t("revised", { from: summary.baseNumber, to: summary.revised.number }) : t("notRevised")}</p>
      <nav aria-labelledby="summary-contents">
        <Heading level={top + 1} id="summary-contents">
          {t("contents")}
        </Heading>
        <ol>
          {sections.map((s) => (
            <li key={s.key}>
              <a href={`#${anchor(s.key)}`} lang={s.key ? summary.sourceLanguage : undefined}>
                {s.key ? s.heading : t("wholeDocument")}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {sections.map((s) => (
        <section key={s.key} id={anchor(s.key)} className="summary-section" aria-labelledby={`${anchor(s.key)}-heading`}>
          <Heading level={top + 1} id={`${anchor(s.key)}-heading`}>
            <span lang={s.key ? summary.sourceLanguage : undefined}>{s.key ? s.heading : t("wholeDocument")}</span>
            {s.change && s.change !== "unchanged" ? <span className={`badge badge--change-${s.change}`}>{t(`change.${s.change}`)}</span> : null}
          </Heading>
          {quietLine(s) ? (
            <p className="muted">{t(quietLine(s)!)}</p>
          ) : (
            <>
              <Heading level={top + 2}>{t("themesTitle")}</Heading>
              {s.themesHtml ? (
                <div className="prose" lang={summary.sourceLanguage} dangerouslySetInnerHTML={{ __html: s.themesHtml }} />
              ) : (
                <p className="muted">{t("noThemes")}</p>
              )}
              <Heading level={top + 2}>{t("decisionsTitle")}</Heading>
              {s.items.length > 0 ? (
                <ul className="summary-decisions">
                  {s.items.map((item) => (
                    <li key={item.id}>
                      <p>
                        <span lang={summary.sourceLanguage}>{item.summary}</span> <span className={`badge badge--decision-${item.status.toLowerCase()}`}>{item.doneIn ? t("doneIn", { decision: t(`status.${item.status}`), number: item.doneIn }) : t(`status.${item.status}`)}</span>
                      </p>
                      {item.rationale ? (
                        <p>
                          <strong>{t("rationale")}</strong> <span lang={summary.sourceLanguage}>{item.rationale}</span>
                        </p>
                      ) : null}
                      {item.quotes.length > 0 ? (
                        <div className="summary-quotes">
                          <p className="muted">{t("commentsTitle")}</p>
                          {item.quotes.map((q, i) => (
                            <figure key={i}>
                              <blockquote dir="auto">{q.text}</blockquote>
                              <figcaption>{q.name ?? t("byType", { type: q.type })}</figcaption>
                            </figure>
                          ))}
                        </div>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t("noDecisions")}</p>
              )}
              {s.key ? <SectionChange section={s} /> : null}
            </>
          )}
        </section>
      ))}
    </article>
  );
}

type SummarySection = SummaryViewData["sections"][number];

function SectionChange({ section }: { section: SummarySection }) {
  const { t } = useTranslation("summary");
  const id = `summary-${section.key}-change`;
  if (section.parts && textChanged(section)) return <RedlineView parts={section.parts} title={t("changeTitle")} id={id} />;
  return (
    <section className="redline" aria-labelledby={id}>
      <h3 id={id} className="redline__title">
        {t("changeTitle")}
      </h3>
      <p className="muted">{!section.parts ? t("notRevised") : section.empty ? t("noText") : t("unchanged")}</p>
    </section>
  );
}

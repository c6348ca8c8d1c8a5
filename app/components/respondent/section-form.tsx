/**
 * The section page: the section's text (collapsible, numbered paragraphs) beside its
 * questions, the save buttons, and what saving reports: saved, conflicts, a closed round,
 * text kept from an ended session. Rendered on the server only (the page is html-only, see
 * docs/decisions/007): autosave, this device's draft, the idle warning and the live redline
 * are app/enhance/section.ts, which reads the hidden notices and the JSON block below.
 */
import { Form, Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms";
import { QuestionField } from "~/components/respondent/question-field";
import { RoundHeader, UntranslatedNote, type RoundHeaderProps } from "~/components/respondent/round-header";
import { SECTION_CONFIG_ID, type SectionConfig } from "~/enhance/section-config";
import { untranslated } from "~/modules/i18n/languages";
import { fieldName, isChoiceType, type FormQuestion } from "~/modules/questionnaire/questions";
import { PAGE_ID, SAVE_KEY, type ConflictView } from "~/modules/response/save-fields";

type Fields = Record<string, string | string[]>;

export type SectionPageData = {
  header: RoundHeaderProps;
  invitationId: string;
  isOpen: boolean;
  locale: string;
  section: { key: string; heading: string; html: string; body: string; number: number | null; untranslatedFrom?: string; headingFrom?: string };
  /** Questions are numbered straight through the round (modules/questionnaire/numbering.ts). */
  firstNumber: number;
  questions: FormQuestion[];
  values: Fields;
  revisions: Record<string, number>;
  /** Text posted after the session ended, offered back (saved or discarded by a POST). */
  stash: { time: string; answers: Array<{ prompt: string; text: string }> } | null;
  saveKey: string;
  pageId: string;
  idleMinutes: number;
  next: { key: string; heading: string; headingFrom?: string } | null;
  done: "saved" | "discarded" | null;
};

export type SectionActionData = {
  kind: "invalid" | "closed" | "conflict";
  errors: Record<string, string>;
  values: Fields;
  closed: boolean;
  conflicts?: ConflictView[];
  revisions?: Record<string, number>;
};

export function SectionForm({ page: d, actionData }: { page: SectionPageData; actionData?: SectionActionData }) {
  const { t } = useTranslation("section");
  // A post may leave out text answers it did not change (the script's saves): those show as stored.
  const values = actionData ? withStoredText(actionData.values, d) : d.values;
  const revisions = { ...d.revisions, ...actionData?.revisions };
  const conflicts = actionData?.conflicts ?? [];
  const errors = actionData?.errors ?? {};
  const closed = !!actionData?.closed;
  const path = `/respond/${d.invitationId}/sections/${d.section.key}`;
  const warnMinutes = Math.max(1, Math.min(5, Math.floor(d.idleMinutes / 3)));
  const config: SectionConfig = {
    autosaveUrl: `${path}/autosave`,
    storageKey: `consult:draft:${d.invitationId}:${d.section.key}`,
    enabled: d.isOpen,
    justSaved: d.done === "saved" && !actionData,
    idleMinutes: d.idleMinutes,
    warnMinutes,
    locale: d.locale,
    start: d.questions.some((q) => q.type === "PROPOSED_WORDING") ? d.section.body : "",
    text: {
      saving: t("saving"),
      savedAt: t("savedAt"),
      offline: t("offline"),
      failed: t("failed"),
      invalid: t("invalid"),
      closed: t("closedError"),
      expired: `${t("expiredTitle")}. ${t("expiredBody")}`,
      signInAgain: t("signInAgain"),
      restoreBody: t("restoreBody"),
      showChanges: t("showChanges"),
      hideChanges: t("hideChanges"),
      changesTitle: t("changesTitle"),
      inserted: t("inserted"),
      deleted: t("deleted"),
      changeEnd: t("changeEnd"),
      noChanges: t("noChanges"),
    },
  };

  return (
    <>
      <RoundHeader {...d.header} current={d.section.heading} currentFrom={d.section.headingFrom} />
      <h1>
        {d.section.number ? `${d.section.number}. ` : ""}
        <span {...untranslated(d.section.headingFrom)}>{d.section.heading}</span>
      </h1>
      <UntranslatedNote from={d.section.untranslatedFrom} />
      {d.done && !actionData ? (
        <div className="notice notice--success" role="status">
          <p>{d.done === "saved" ? t("saved") : t("stashDiscarded")}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      {conflicts.length > 0 ? (
        <div className="notice notice--warning">
          <p>{t("conflictIntro", { count: conflicts.length })}</p>
        </div>
      ) : null}
      {d.stash && !actionData ? <StashOffer stash={d.stash} /> : null}
      {closed ? (
        // A plain form (not the page's): the answer is a file to keep, with or without JavaScript.
        <form method="post" action={`${path}/download`} className="notice notice--error download-form">
          {Object.entries(values)
            .filter(([name]) => name.startsWith("q_"))
            .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((one, i) => <input key={`${name}-${i}`} type="hidden" name={name} value={one} />))}
          <button className="button button--secondary" type="submit">
            {t("download")}
          </button>
        </form>
      ) : null}
      {/* Shown by the script when this device holds text the server does not have. */}
      <div className="notice notice--warning" role="status" id="draft-restore" hidden>
        <p>
          <strong>{t("restoreTitle")}</strong> <span data-draft-time />
        </p>
        <div className="button-row">
          <button type="button" className="button" data-draft="restore">
            {t("restore")}
          </button>
          <button type="button" className="button button--secondary" data-draft="discard">
            {t("discard")}
          </button>
        </div>
      </div>
      <div className="idle-warning" aria-live="polite">
        {/* Moved into this live region by the script a few minutes before the session would end. */}
        <div className="notice notice--warning" id="idle-warning" hidden>
          <p>{t("idleWarning", { count: warnMinutes })}</p>
          <button type="button" className="button button--secondary" data-stay-in>
            {t("stayIn")}
          </button>
        </div>
      </div>
      <p className="skip-to-questions">
        <a href="#answers">{t("toQuestions")}</a>
      </p>
      <div className="section-layout">
        {d.section.html ? (
          <section className="section-text" aria-label={t("sectionText")}>
            <details open>
              <summary>{t("sectionText")}</summary>
              <div className="prose" {...untranslated(d.section.untranslatedFrom)} dangerouslySetInnerHTML={{ __html: d.section.html }} />
            </details>
          </section>
        ) : null}
        <Form method="post" id="answers" noValidate aria-label={t("yourAnswers")}>
          <input type="hidden" name={SAVE_KEY} value={d.saveKey} />
          <input type="hidden" name={PAGE_ID} value={d.pageId} />
          {d.questions.map((q, i) => (
            <QuestionField
              key={q.id}
              question={q}
              number={d.firstNumber + i}
              value={values[fieldName(q.id)]}
              savedValue={d.values[fieldName(q.id)]}
              revision={revisions[q.id] ?? 0}
              conflict={conflicts.find((c) => c.questionId === q.id)}
              error={errors[fieldName(q.id)]}
              proposedStart={d.section.body}
            />
          ))}
          {d.isOpen || closed ? (
            <div className="button-row">
              <button className="button" type="submit" name="intent" value="continue">
                {t("saveContinue")}
              </button>
              <button className="button button--secondary" type="submit" name="intent" value="save">
                {t("saveDraft")}
              </button>
            </div>
          ) : null}
          <p className="save-status" role="status" aria-live="polite" id="save-status" />
          <p>
            {d.next ? (
              <Link to={`/respond/${d.invitationId}/sections/${d.next.key}`}>
                <Trans t={t} i18nKey="nextSection" values={{ heading: d.next.heading }} components={{ heading: <span {...untranslated(d.next.headingFrom)} /> }} />
              </Link>
            ) : (
              <Link to={`/respond/${d.invitationId}/review`}>{t("review")}</Link>
            )}
          </p>
        </Form>
      </div>
      {/* Data for app/enhance/section.ts, never run; "<" escaped so no text can end the block. */}
      <script type="application/json" id={SECTION_CONFIG_ID} dangerouslySetInnerHTML={{ __html: JSON.stringify(config).replace(/</g, "\\u003c") }} />
    </>
  );
}

/** The text posted after the session ended: save it into the answers or discard it (both POSTs). */
function StashOffer({ stash }: { stash: NonNullable<SectionPageData["stash"]> }) {
  const { t } = useTranslation("section");
  return (
    <section className="notice notice--warning" aria-labelledby="stash-title">
      <h2 id="stash-title">{t("stashTitle", { time: stash.time })}</h2>
      <p>{t("stashBody")}</p>
      {stash.answers.map((a, i) => (
        <div key={i} className="kept-text">
          <h3>{a.prompt}</h3>
          <div className="kept-text__body" dir="auto">
            {a.text}
          </div>
        </div>
      ))}
      <Form method="post" className="button-row">
        <button className="button" type="submit" name="intent" value="stash-save">
          {t("stashSave")}
        </button>
        <button className="button button--secondary" type="submit" name="intent" value="stash-discard">
          {t("discard")}
        </button>
      </Form>
    </section>
  );
}

/** The posted values, with the stored text of each text question the post left out. */
function withStoredText(posted: Fields, d: SectionPageData): Fields {
  const values = { ...posted };
  for (const q of d.questions) {
    const name = fieldName(q.id);
    if (!isChoiceType(q.type) && values[name] === undefined && d.values[name] !== undefined) values[name] = d.values[name]!;
  }
  return values;
}

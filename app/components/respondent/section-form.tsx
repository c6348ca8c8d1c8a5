/**
 * The section page: the section's text (collapsible, numbered paragraphs) beside its
 * questions, the save buttons, and what saving reports: saved, conflicts, a closed round,
 * an ended session, text kept on this device.
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms";
import { QuestionField } from "~/components/respondent/question-field";
import { RoundHeader, UntranslatedNote, type RoundHeaderProps } from "~/components/respondent/round-header";
import { useValidatedForm } from "~/components/use-validated-form";
import { localeOf, isLanguage } from "~/modules/i18n/languages";
import { answersSchema, fieldName, type FormQuestion } from "~/modules/questionnaire/questions";
import { SAVE_KEY, type ConflictView } from "~/modules/response/save-fields";
import { useAutosave, type SaveStatus } from "./use-autosave";

type Fields = Record<string, string | string[]>;

export type SectionPageData = {
  header: RoundHeaderProps;
  invitationId: string;
  isOpen: boolean;
  section: { key: string; heading: string; html: string; body: string; number: number; untranslatedFrom?: string };
  questions: FormQuestion[];
  values: Fields;
  revisions: Record<string, number>;
  conflicts: ConflictView[];
  closed: boolean;
  notice: { kind: "success" | "warning"; text: string } | null;
  saveKey: string;
  idleMinutes: number;
  next: { key: string; heading: string } | null;
  saved: boolean;
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
  const { t, i18n } = useTranslation("section");
  const navigation = useNavigation();
  const form = useValidatedForm(answersSchema(d.questions, { requireAll: false }), actionData?.errors);
  const values = actionData?.values ?? d.values;
  const autosave = useAutosave({
    formRef: form.formRef,
    storageKey: `consult:draft:${d.invitationId}:${d.section.key}`,
    revisions: actionData?.revisions ?? d.revisions,
    idleMinutes: d.idleMinutes,
    enabled: d.isOpen,
    navigating: navigation.state !== "idle",
    justSaved: d.saved && !actionData,
  });
  const conflicts = autosave.conflicts?.list ?? actionData?.conflicts ?? d.conflicts;
  const mine = autosave.conflicts?.mine ?? values;
  const closed = !!actionData?.closed || d.closed;
  const busy = navigation.state !== "idle";
  const locale = localeOf(isLanguage(i18n.language) ? i18n.language : "en");
  const time = (iso: string | number) => new Date(iso).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
  const errors = autosave.conflicts
    ? { ...form.errors, ...Object.fromEntries(conflicts.map((c) => [fieldName(c.questionId), t("conflictField")])) }
    : form.errors;

  return (
    <>
      <RoundHeader {...d.header} current={d.section.heading} />
      <h1>
        {d.section.number}.{" "}
        <span lang={d.section.untranslatedFrom} dir={d.section.untranslatedFrom ? "auto" : undefined}>
          {d.section.heading}
        </span>
      </h1>
      <UntranslatedNote from={d.section.untranslatedFrom} />
      {d.saved && !actionData && !d.notice ? (
        <div className="notice notice--success" role="status">
          <p>{t("saved")}</p>
        </div>
      ) : null}
      {d.notice ? (
        <div className={`notice notice--${d.notice.kind}`} role="status">
          <p>{d.notice.text}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} focusKey={[form.submitCount, actionData, autosave.conflicts]} />
      {conflicts.length > 0 ? (
        <div className="notice notice--warning">
          <p>{t("conflictIntro", { count: conflicts.length })}</p>
        </div>
      ) : null}
      {closed ? (
        // A plain form (not the page's): the answer is a file to keep, with or without JavaScript.
        <form method="post" action={`/respond/${d.invitationId}/sections/${d.section.key}/download`} className="notice notice--error download-form">
          {Object.entries(values)
            .filter(([name]) => name.startsWith("q_"))
            .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((one, i) => <input key={`${name}-${i}`} type="hidden" name={name} value={one} />))}
          <p>{d.notice ? t("closedError") : null}</p>
          <button className="button button--secondary" type="submit">
            {t("download")}
          </button>
        </form>
      ) : null}
      {autosave.restore ? (
        <div className="notice notice--warning" role="status">
          <p>
            <strong>{t("restoreTitle")}</strong> {t("restoreBody", { time: time(autosave.restore.at) })}
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={autosave.acceptRestore}>
              {t("restore")}
            </button>
            <button type="button" className="button button--secondary" onClick={autosave.discardRestore}>
              {t("discard")}
            </button>
          </div>
        </div>
      ) : null}
      <div className="idle-warning" aria-live="polite">
        {autosave.idleWarning ? (
          <div className="notice notice--warning">
            <p>{t("idleWarning", { count: autosave.warnMinutes })}</p>
            <button type="button" className="button button--secondary" onClick={autosave.stayIn}>
              {t("stayIn")}
            </button>
          </div>
        ) : null}
      </div>
      <p className="skip-to-questions">
        <a href="#answers">{t("toQuestions")}</a>
      </p>
      <div className="section-layout">
        {d.section.html ? (
          <section className="section-text" aria-label={t("sectionText")}>
            <details open>
              <summary>{t("sectionText")}</summary>
              <div className="prose" lang={d.section.untranslatedFrom} dir={d.section.untranslatedFrom ? "auto" : undefined} dangerouslySetInnerHTML={{ __html: d.section.html }} />
            </details>
          </section>
        ) : null}
        <Form
          method="post"
          id="answers"
          ref={form.formRef}
          onSubmit={(event) => {
            autosave.cancel();
            form.onSubmit(event);
          }}
          onChange={autosave.onChange}
          onInput={autosave.onChange}
          noValidate
          aria-label={t("yourAnswers")}
        >
          <input type="hidden" name={SAVE_KEY} value={d.saveKey} />
          {d.questions.map((q, i) => (
            <QuestionField
              key={q.id}
              question={q}
              number={i + 1}
              value={conflicts.some((c) => c.questionId === q.id) ? (mine[fieldName(q.id)] ?? values[fieldName(q.id)]) : values[fieldName(q.id)]}
              savedValue={d.values[fieldName(q.id)]}
              revision={autosave.revisions[q.id] ?? 0}
              conflict={conflicts.find((c) => c.questionId === q.id)}
              error={errors[fieldName(q.id)]}
              proposedStart={d.section.body}
              register={form.register}
            />
          ))}
          {d.isOpen || closed ? (
            <div className="button-row">
              <button className="button" type="submit" name="intent" value="continue" disabled={busy}>
                {t("saveContinue")}
              </button>
              <button className="button button--secondary" type="submit" name="intent" value="save" disabled={busy}>
                {t("saveDraft")}
              </button>
            </div>
          ) : null}
          <p className="save-status" role="status" aria-live="polite">
            <StatusText status={autosave.status} time={time} />
          </p>
          <p>
            {d.next ? (
              <Link to={`/respond/${d.invitationId}/sections/${d.next.key}`}>{t("nextSection", { heading: d.next.heading })}</Link>
            ) : (
              <Link to={`/respond/${d.invitationId}/review`}>{t("review")}</Link>
            )}
          </p>
        </Form>
      </div>
    </>
  );
}

function StatusText({ status, time }: { status: SaveStatus; time: (iso: string) => string }) {
  const { t } = useTranslation("section");
  switch (status.kind) {
    case "saving":
      return <>{t("saving")}</>;
    case "saved":
      return <>{t("savedAt", { time: time(status.at) })}</>;
    case "offline":
      return <>{t("offline")}</>;
    case "failed":
      return <>{t("failed")}</>;
    case "invalid":
      return <>{t("invalid")}</>;
    case "closed":
      return <>{t("closedError")}</>;
    case "conflict":
      return <>{t("conflictTitle")}</>;
    case "expired":
      return (
        <>
          {t("expiredTitle")}. {t("expiredBody")} <a href={status.signInHref}>{t("signInAgain")}</a>
        </>
      );
    default:
      return null;
  }
}

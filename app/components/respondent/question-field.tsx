/**
 * One question as a form field, for every question type. Works as plain HTML; with
 * JavaScript on, react-hook-form's register() adds validation on blur. Each field carries the
 * revision of the stored answer it started from, so a save cannot silently overwrite someone
 * else's; a conflict shows both versions with the two ways out. Proposed wording shows the
 * saved redline against the section's text, and with JavaScript a live preview (React where the
 * page hydrates, app/enhance/redline.ts on the html-only section page).
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { UseFormRegister, FieldValues } from "react-hook-form";
import { describedBy, FieldError, fieldId, Hint } from "~/components/forms";
import { UntranslatedNote } from "~/components/respondent/round-header";
import { redline } from "~/modules/document/redline";
import { untranslated } from "~/modules/i18n/languages";
import { fieldName, isChoiceType, type FormQuestion } from "~/modules/questionnaire/questions";
import { RESOLVE, revName, seenName, type ConflictView } from "~/modules/response/save-fields";
import { RedlineView } from "./redline-view";

type Value = string | string[] | undefined;

export function QuestionField(props: {
  question: FormQuestion;
  number: number;
  value: Value;
  /** The stored value, for the saved redline of proposed wording. */
  savedValue?: Value;
  /** Absent where answers are not saved against revisions (previews, offline entry). */
  revision?: number;
  conflict?: ConflictView;
  error?: string;
  proposedStart?: string;
  register?: UseFormRegister<FieldValues>;
}) {
  const { question: q, value, error } = props;
  const { t } = useTranslation("section");
  const name = fieldName(q.id);
  const reg = props.register ? props.register(name) : { name };
  const label = (
    <>
      {props.number}. <span {...untranslated(q.promptFrom)}>{q.prompt}</span>
      {q.required ? null : <span className="muted"> {t("optional")}</span>}
    </>
  );
  const proposed = q.type === "PROPOSED_WORDING";
  const help = q.help ? <span {...untranslated(q.helpFrom)}>{q.help}</span> : null;
  // Proposed wording always has a hint (how the redline works), tied to the field like any other.
  const hint = proposed ? (
    <>
      {help}
      {help ? " " : null}
      {t("proposedHint")}
    </>
  ) : (
    help ?? undefined
  );
  const ids = describedBy({ name, hint: proposed || !!q.help, error });
  const revision = props.revision === undefined ? null : <input type="hidden" name={revName(q.id)} value={props.revision} />;
  const chosenOf = (v: Value) => (Array.isArray(v) ? v : v ? [v] : []);

  if (isChoiceType(q.type)) {
    const multiple = q.type === "MULTIPLE_CHOICE";
    const chosen = chosenOf(value);
    const mine = chosen.map((id) => q.options.find((o) => o.id === id)?.label ?? id).join("; ");
    return (
      <div className={`field question${error ? " field--error" : ""}`}>
        {revision}
        <fieldset id={fieldId(name)} aria-describedby={ids} tabIndex={-1}>
          <legend>{label}</legend>
          <UntranslatedNote from={q.untranslatedFrom} />
          <Hint name={name} hint={hint} />
          <FieldError name={name} error={error} />
          <div className={`choices${q.type === "YES_NO" ? " choices--inline" : ""}`}>
            {q.options.map((o) => (
              <label className="choice" key={o.id}>
                <input type={multiple ? "checkbox" : "radio"} value={o.id} defaultChecked={chosen.includes(o.id)} {...reg} />
                <span {...untranslated(o.from)}>{o.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {props.conflict ? <Conflict conflict={props.conflict} mine={mine} /> : null}
      </div>
    );
  }

  const text = typeof value === "string" ? value : "";
  const common = {
    id: fieldId(name),
    dir: "auto",
    "aria-describedby": ids,
    "aria-invalid": error ? true : undefined,
    ...reg,
  };
  const initial = text || (proposed ? (props.proposedStart ?? "") : "");
  return (
    <div className={`field question${error ? " field--error" : ""}`}>
      {revision}
      <label htmlFor={fieldId(name)}>{label}</label>
      <UntranslatedNote from={q.untranslatedFrom} />
      <Hint name={name} hint={hint} />
      <FieldError name={name} error={error} />
      {q.type === "SHORT_TEXT" ? (
        <input type="text" defaultValue={text} {...common} />
      ) : proposed ? (
        <ProposedWording common={common as FieldProps} initial={initial} start={props.proposedStart ?? ""} saved={props.savedValue} id={q.id} />
      ) : (
        <textarea rows={7} defaultValue={text} {...common} />
      )}
      {props.conflict ? <Conflict conflict={props.conflict} mine={text} /> : null}
    </div>
  );
}

type FieldProps = React.TextareaHTMLAttributes<HTMLTextAreaElement>;

/** The wording field, the redline of the saved wording, and (JavaScript) a live preview. */
function ProposedWording(props: { common: FieldProps; initial: string; start: string; saved: Value; id: string }) {
  const { t } = useTranslation("section");
  const [hydrated, setHydrated] = useState(false);
  const [live, setLive] = useState<string | null>(null);
  const [current, setCurrent] = useState(props.initial);
  useEffect(() => setHydrated(true), []);
  const saved = typeof props.saved === "string" && props.saved.trim() ? props.saved : null;
  return (
    <>
      <textarea rows={12} defaultValue={props.initial} {...props.common} onInput={(e) => setCurrent(e.currentTarget.value)} />
      {/* Useless without JavaScript: shown once React hydrates, or by app/enhance/redline.ts on html-only pages. */}
      <p hidden={!hydrated}>
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={live !== null}
          data-redline-toggle={props.id}
          onClick={() => setLive(live === null ? current : null)}
        >
          {live === null ? t("showChanges") : t("hideChanges")}
        </button>
      </p>
      {live !== null ? (
        <RedlineView parts={redline(props.start, current)} title={t("changesTitle")} id={`live-${props.id}`} />
      ) : saved ? (
        <RedlineView parts={redline(props.start, saved)} title={t("savedChangesTitle")} id={`saved-${props.id}`} />
      ) : null}
    </>
  );
}

function Conflict({ conflict, mine }: { conflict: ConflictView; mine: string }) {
  const { t } = useTranslation("section");
  const id = `conflict-${conflict.questionId}`;
  return (
    <div className="conflict" role="group" aria-labelledby={id}>
      <p id={id} className="conflict__title">
        <strong>{t("conflictTitle")}</strong>
      </p>
      <input type="hidden" name={seenName(conflict.questionId)} value={conflict.revision} />
      <div className="conflict__versions">
        <div className="conflict__version">
          <p className="conflict__label">{t("yourVersion")}</p>
          <div className="conflict__text" dir="auto">{mine || t("noAnswer")}</div>
        </div>
        <div className="conflict__version">
          <p className="conflict__label">
            {conflict.by ? t("theirVersion", { name: conflict.by, time: conflict.at }) : t("theirVersionNoName", { time: conflict.at })}
          </p>
          <div className="conflict__text" dir="auto">{conflict.theirsText || t("noAnswer")}</div>
        </div>
      </div>
      <div className="button-row">
        <button className="button" type="submit" name={RESOLVE} value={`mine:${conflict.questionId}`}>
          {t("keepMine")}
        </button>
        <button className="button button--secondary" type="submit" name={RESOLVE} value={`theirs:${conflict.questionId}`}>
          {t("useTheirs")}
        </button>
      </div>
    </div>
  );
}

/** The fields of a worklist item shared by "new item" and the item page, and its source answers. */
import type { FieldValues, UseFormRegister } from "react-hook-form";
import { FieldError, fieldId } from "~/components/forms";
import { RedlineView } from "~/components/respondent/redline-view";
import type { RedlinePart } from "~/modules/document/redline";
import type { FieldErrors } from "~/modules/forms/validation";
import { WORKLIST_PRIORITIES, WORKLIST_TYPES } from "~/modules/worklist/schemas";

type Values = Record<string, string | string[] | undefined>;
const str = (v: Values[string]) => (typeof v === "string" ? v : "");

export function Choices(props: {
  name: string;
  legend: string;
  options: ReadonlyArray<{ id: string; label: string }>;
  value: string;
  error?: string;
  register: UseFormRegister<FieldValues>;
  inline?: boolean;
}) {
  const { name, error } = props;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <fieldset id={fieldId(name)} tabIndex={-1} aria-describedby={error ? `${fieldId(name)}-error` : undefined}>
        <legend>{props.legend}</legend>
        <FieldError name={name} error={error} />
        <div className={`choices${props.inline ? " choices--inline" : ""}`}>
          {props.options.map((o) => (
            <label className="choice" key={o.id}>
              <input type="radio" value={o.id} defaultChecked={props.value === o.id} {...props.register(name)} />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function ItemFields(props: {
  values: Values;
  errors: FieldErrors;
  register: UseFormRegister<FieldValues>;
  team: Array<{ id: string; name: string }>;
}) {
  const { values, errors, register } = props;
  return (
    <>
      <div className={`field${errors.summary ? " field--error" : ""}`}>
        <label htmlFor={fieldId("summary")}>Summary of the change</label>
        <span className="hint" id={`${fieldId("summary")}-hint`}>
          What the comments ask for, in a line or two.
        </span>
        <FieldError name="summary" error={errors.summary} />
        <textarea
          id={fieldId("summary")}
          rows={3}
          defaultValue={str(values.summary)}
          aria-invalid={errors.summary ? true : undefined}
          aria-describedby={[`${fieldId("summary")}-hint`, errors.summary ? `${fieldId("summary")}-error` : ""].filter(Boolean).join(" ")}
          {...register("summary")}
        />
      </div>
      <Choices name="type" legend="Type of change" options={WORKLIST_TYPES} value={str(values.type)} error={errors.type} register={register} inline />
      <Choices name="priority" legend="Priority" options={WORKLIST_PRIORITIES} value={str(values.priority)} error={errors.priority} register={register} inline />
      <div className={`field${errors.ownerId ? " field--error" : ""}`}>
        <label htmlFor={fieldId("ownerId")}>Owner</label>
        <FieldError name="ownerId" error={errors.ownerId} />
        <select id={fieldId("ownerId")} defaultValue={str(values.ownerId)} {...register("ownerId")}>
          <option value="">Nobody yet</option>
          {props.team.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** `link`: null for an answer of a withdrawn response (no longer among the written answers). */
export type SourceView = { id: string; who: string; question: string; text: string; redline: RedlinePart[] | null; link: string | null; withdrawn: boolean; limit: string | null };

export function SourceAnswers({ sources, headingId }: { sources: SourceView[]; headingId: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Source answers ({sources.length})</h2>
      {sources.length === 0 ? (
        <p className="muted">Added by hand: no source answers.</p>
      ) : (
        <ol className="answer-list">
          {sources.map((s) => (
            <li key={s.id} className="answer">
              <p className="answer__head">
                <strong>{s.who}</strong>
                {s.limit ? <span className="badge badge--limit">{s.limit}</span> : null}
                {s.withdrawn ? <span className="badge badge--withdrawn">withdrawn by the organisation</span> : null}
              </p>
              <p className="answer__question muted">{s.question}</p>
              {s.redline ? (
                <RedlineView parts={s.redline} title="Proposed wording, against the section" id={`source-${s.id}`} />
              ) : (
                <blockquote className="answer__text" dir="auto">
                  {s.text}
                </blockquote>
              )}
              {s.link ? (
                <p>
                  <a href={s.link}>Read it among the written answers</a>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

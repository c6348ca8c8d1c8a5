/**
 * One question as a form field, for every question type. Works as plain HTML; with
 * JavaScript on, react-hook-form's register() adds validation on blur.
 */
import type { UseFormRegister, FieldValues } from "react-hook-form";
import { describedBy, FieldError, fieldId, Hint } from "~/components/forms";
import { fieldName, isChoiceType, type FormQuestion } from "~/modules/questionnaire/questions";

type Value = string | string[] | undefined;

export function QuestionField(props: {
  question: FormQuestion;
  number: number;
  value: Value;
  error?: string;
  proposedStart?: string;
  register?: UseFormRegister<FieldValues>;
}) {
  const { question: q, value, error } = props;
  const name = fieldName(q.id);
  const reg = props.register ? props.register(name) : { name };
  const label = (
    <>
      {props.number}. {q.prompt}
      {q.required ? null : <span className="muted"> (optional)</span>}
    </>
  );
  const ids = describedBy({ name, hint: q.help || undefined, error });

  if (isChoiceType(q.type)) {
    const multiple = q.type === "MULTIPLE_CHOICE";
    const chosen = Array.isArray(value) ? value : value ? [value] : [];
    return (
      <div className={`field question${error ? " field--error" : ""}`}>
        <fieldset id={fieldId(name)} aria-describedby={ids} tabIndex={-1}>
          <legend>{label}</legend>
          <Hint name={name} hint={q.help || undefined} />
          <FieldError name={name} error={error} />
          <div className={`choices${q.type === "YES_NO" ? " choices--inline" : ""}`}>
            {q.options.map((o) => (
              <label className="choice" key={o.id}>
                <input type={multiple ? "checkbox" : "radio"} value={o.id} defaultChecked={chosen.includes(o.id)} {...reg} />
                <span>{o.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
    );
  }

  const text = typeof value === "string" ? value : "";
  const common = {
    id: fieldId(name),
    "aria-describedby": ids,
    "aria-invalid": error ? true : undefined,
    ...reg,
  };
  return (
    <div className={`field question${error ? " field--error" : ""}`}>
      <label htmlFor={fieldId(name)}>{label}</label>
      <Hint
        name={name}
        hint={
          q.type === "PROPOSED_WORDING"
            ? [q.help, "Edit the text below into the wording you propose."].filter(Boolean).join(" ")
            : q.help || undefined
        }
      />
      <FieldError name={name} error={error} />
      {q.type === "SHORT_TEXT" ? (
        <input type="text" defaultValue={text} {...common} />
      ) : (
        <textarea rows={q.type === "PROPOSED_WORDING" ? 12 : 7} defaultValue={text || (q.type === "PROPOSED_WORDING" ? props.proposedStart : "")} {...common} />
      )}
    </div>
  );
}

/**
 * The fields of a question in the questionnaire builder, shared by the "add" and "edit"
 * pages. Without JavaScript every field shows (the options with a hint saying which types use
 * them); with JavaScript the option fields show only for single and multiple choice.
 */
import { useEffect, useState } from "react";
import type { FieldValues, UseFormRegister } from "react-hook-form";
import { describedBy, FieldError, fieldId, Hint } from "~/components/forms";
import type { FieldErrors } from "~/modules/forms/validation";
import { hasOwnOptions, languageName, QUESTION_TYPES, translationField } from "~/modules/questionnaire/schemas";

type Values = Record<string, string | string[] | undefined>;

const str = (v: unknown) => (typeof v === "string" ? v : "");

const SECTION_HINT = "Respondents see the question beside this section's text.";

function TextArea(props: { name: string; label: string; hint?: string; error?: string; value: string; rows?: number; lang?: string; register: UseFormRegister<FieldValues> }) {
  const { name, error } = props;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={fieldId(name)}>{props.label}</label>
      <Hint name={name} hint={props.hint} />
      <FieldError name={name} error={error} />
      <textarea
        id={fieldId(name)}
        rows={props.rows ?? 3}
        defaultValue={props.value}
        lang={props.lang}
        dir={props.lang === "ar" ? "rtl" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ name, hint: props.hint, error })}
        {...props.register(name)}
      />
    </div>
  );
}

export function QuestionFields(props: {
  sections: Array<{ id: string; label: string }>;
  translationLanguages: string[];
  values: Values;
  errors: FieldErrors;
  register: UseFormRegister<FieldValues>;
  answers?: number;
}) {
  const { values, errors, register } = props;
  const [type, setType] = useState(str(values.type));
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const showOptions = !enhanced || hasOwnOptions(type);
  // A translation already begun, or with an error, starts open; the others stay folded away.
  const started = (language: string) =>
    (["prompt", "help", "options"] as const).some((part) => str(values[translationField(language, part)]) || errors[translationField(language, part)]);
  const typeField = register("type");
  const optionsHint = enhanced
    ? "One option per line, in the order respondents see them."
    : "For single and multiple choice only: one option per line, in the order respondents see them.";

  return (
    <>
      <div className={`field${errors.type ? " field--error" : ""}`}>
        <fieldset id={fieldId("type")} tabIndex={-1} aria-describedby={errors.type ? `${fieldId("type")}-error` : undefined}>
          <legend>Type of question</legend>
          <FieldError name="type" error={errors.type} />
          <div className="choices">
            {QUESTION_TYPES.map((t) => (
              <label className="choice" key={t.id}>
                <input
                  type="radio"
                  value={t.id}
                  defaultChecked={str(values.type) === t.id}
                  {...typeField}
                  onChange={(event) => {
                    void typeField.onChange(event);
                    setType(event.target.value);
                  }}
                />
                <span>
                  {t.label} <span className="muted">— {t.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>

      <div className={`field${errors.sectionId ? " field--error" : ""}`}>
        <label htmlFor={fieldId("sectionId")}>About</label>
        <Hint name="sectionId" hint={SECTION_HINT} />
        <FieldError name="sectionId" error={errors.sectionId} />
        <select
          id={fieldId("sectionId")}
          defaultValue={str(values.sectionId)}
          aria-describedby={describedBy({ name: "sectionId", hint: SECTION_HINT, error: errors.sectionId })}
          {...register("sectionId")}
        >
          <option value="">The document as a whole</option>
          {props.sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </div>

      <TextArea name="prompt" label="Question" value={str(values.prompt)} error={errors.prompt} rows={2} register={register} />
      <TextArea name="help" label="Help text (optional)" hint="Shown under the question, for example what a good answer covers." value={str(values.help)} error={errors.help} register={register} />

      <div className="field">
        <div className="choices">
          <label className="choice">
            <input type="checkbox" value="yes" defaultChecked={str(values.required) === "yes"} {...register("required")} />
            <span>Respondents must answer this question before they submit</span>
          </label>
        </div>
      </div>

      <div hidden={!showOptions}>
        <TextArea name="options" label="Options" hint={optionsHint} value={str(values.options)} error={errors.options} rows={5} register={register} />
      </div>

      {props.translationLanguages.map((language) => (
        <details className="translation" key={language} open={started(language) || undefined}>
          <summary>
            {languageName(language)} translation <span className="muted">(optional)</span>
          </summary>
          <p className="hint">Where a translation is missing, respondents reading in {languageName(language)} see the original wording.</p>
          <TextArea name={translationField(language, "prompt")} label={`Question in ${languageName(language)}`} lang={language} rows={2} value={str(values[translationField(language, "prompt")])} error={errors[translationField(language, "prompt")]} register={register} />
          <TextArea name={translationField(language, "help")} label={`Help text in ${languageName(language)}`} lang={language} value={str(values[translationField(language, "help")])} error={errors[translationField(language, "help")]} register={register} />
          <div hidden={!showOptions}>
            <TextArea
              name={translationField(language, "options")}
              label={`Options in ${languageName(language)}`}
              hint={enhanced ? "One per line, in the same order as the options above." : "For single and multiple choice only: one per line, in the same order as the options above."}
              lang={language}
              rows={5}
              value={str(values[translationField(language, "options")])}
              error={errors[translationField(language, "options")]}
              register={register}
            />
          </div>
        </details>
      ))}

      {props.answers ? (
        <div className="field">
          <div className="choices">
            <label className="choice">
              <input type="checkbox" value="yes" defaultChecked={str(values.startNew) === "yes"} {...register("startNew")} />
              <span>
                The meaning changes: retire this question and start a new one. The {props.answers} answers already given stay with the old question.
              </span>
            </label>
          </div>
        </div>
      ) : null}
    </>
  );
}

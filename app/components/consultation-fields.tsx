import type { UseFormRegister, FieldValues } from "react-hook-form";
import { FieldError, fieldId, TextField } from "~/components/forms";
import { CONSULTATION_LANGUAGES } from "~/modules/consultation/schemas";
import type { FieldErrors } from "~/modules/forms/validation";

type Values = { title?: string; summary?: string; languages?: string[]; originalLanguage?: string; timeZone?: string };

/** The fields of a consultation, shared by the "new" and "settings" pages. */
export function ConsultationFields({ values, errors, register }: { values: Values; errors: FieldErrors; register: UseFormRegister<FieldValues> }) {
  return (
    <>
      <TextField name="title" label="Title" defaultValue={values.title} error={errors.title} inputProps={register("title")} />
      <div className={`field${errors.summary ? " field--error" : ""}`}>
        <label htmlFor={fieldId("summary")}>Summary</label>
        <span className="hint" id={`${fieldId("summary")}-hint`}>
          Shown to invited organisations: what the document is and why their views matter.
        </span>
        <FieldError name="summary" error={errors.summary} />
        <textarea id={fieldId("summary")} rows={4} defaultValue={values.summary} aria-describedby={`${fieldId("summary")}-hint`} {...register("summary")} />
      </div>
      <div className={`field${errors.originalLanguage ? " field--error" : ""}`}>
        <fieldset
          id={fieldId("originalLanguage")}
          tabIndex={-1}
          aria-describedby={[`${fieldId("originalLanguage")}-hint`, errors.originalLanguage ? `${fieldId("originalLanguage")}-error` : ""].join(" ").trim()}
        >
          <legend>Language the draft is written in</legend>
          <span className="hint" id={`${fieldId("originalLanguage")}-hint`}>
            Sections and questions are written in this language; the other languages are translations of it.
          </span>
          <FieldError name="originalLanguage" error={errors.originalLanguage} />
          <div className="choices choices--inline">
            {CONSULTATION_LANGUAGES.map((l) => (
              <label className="choice" key={l.id}>
                <input type="radio" value={l.id} defaultChecked={(values.originalLanguage ?? values.languages?.[0] ?? "en") === l.id} {...register("originalLanguage")} />
                <span lang={l.id}>{l.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className={`field${errors.languages ? " field--error" : ""}`}>
        <fieldset id={fieldId("languages")} tabIndex={-1} aria-describedby={errors.languages ? `${fieldId("languages")}-error` : undefined}>
          <legend>Languages it runs in</legend>
          <FieldError name="languages" error={errors.languages} />
          <div className="choices choices--inline">
            {CONSULTATION_LANGUAGES.map((l) => (
              <label className="choice" key={l.id}>
                <input type="checkbox" value={l.id} defaultChecked={values.languages?.includes(l.id)} {...register("languages")} />
                <span lang={l.id}>{l.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <TextField
        name="timeZone"
        label="Time zone of the coordinators"
        hint="Deadlines are set in this zone and shown to each respondent in theirs. For example Europe/Vienna."
        defaultValue={values.timeZone}
        error={errors.timeZone}
        inputProps={register("timeZone")}
      />
    </>
  );
}

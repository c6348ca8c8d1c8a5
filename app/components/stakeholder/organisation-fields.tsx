import type { FieldValues, UseFormRegister } from "react-hook-form";
import { FieldError, fieldId, Hint, TextField } from "~/components/forms";
import { CONSULTATION_LANGUAGES } from "~/modules/consultation/schemas";
import type { FieldErrors } from "~/modules/forms/validation";
import { COUNTRIES } from "~/modules/stakeholder/countries";

export type OrganisationValues = { name: string; shortName: string; typeId: string; country: string; languages: string[]; survivorLed: string };

/** Reads an action's echoed values (strings or arrays) back into the fields' shape. */
export function organisationValues(v: Record<string, string | string[]>): OrganisationValues {
  const str = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : "");
  const list = v.languages === undefined ? [] : Array.isArray(v.languages) ? v.languages : [v.languages];
  return { name: str("name"), shortName: str("shortName"), typeId: str("typeId"), country: str("country"), languages: list, survivorLed: str("survivorLed") };
}

/** The fields of an organisation, shared by the "new" and "edit" pages. */
export function OrganisationFields({
  values,
  errors,
  register,
  types,
}: {
  values: OrganisationValues;
  errors: FieldErrors;
  register: UseFormRegister<FieldValues>;
  types: Array<{ id: string; label: string }>;
}) {
  const described = (name: string, hint = false) =>
    [hint ? `${fieldId(name)}-hint` : null, errors[name] ? `${fieldId(name)}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <TextField name="name" label="Name" defaultValue={values.name} error={errors.name} inputProps={register("name")} />
      <TextField
        name="shortName"
        label="Short name (optional)"
        hint="An acronym used in tables, such as HI or Lao PDR."
        defaultValue={values.shortName}
        error={errors.shortName}
        inputProps={register("shortName")}
      />
      <div className={`field${errors.typeId ? " field--error" : ""}`}>
        <label htmlFor={fieldId("typeId")}>Type of stakeholder</label>
        <FieldError name="typeId" error={errors.typeId} />
        <select id={fieldId("typeId")} defaultValue={values.typeId} aria-invalid={errors.typeId ? true : undefined} aria-describedby={described("typeId")} {...register("typeId")}>
          <option value="">Choose…</option>
          {types.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${errors.country ? " field--error" : ""}`}>
        <label htmlFor={fieldId("country")}>Country</label>
        <Hint name="country" hint="Leave as “None” for international organisations and networks." />
        <FieldError name="country" error={errors.country} />
        <select id={fieldId("country")} defaultValue={values.country} aria-invalid={errors.country ? true : undefined} aria-describedby={described("country", true)} {...register("country")}>
          <option value="">None (international)</option>
          {COUNTRIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${errors.languages ? " field--error" : ""}`}>
        <fieldset id={fieldId("languages")} tabIndex={-1} aria-describedby={described("languages")}>
          <legend>Languages it works in</legend>
          <FieldError name="languages" error={errors.languages} />
          <div className="choices choices--inline">
            {CONSULTATION_LANGUAGES.map((l) => (
              <label className="choice" key={l.id}>
                <input type="checkbox" value={l.id} defaultChecked={values.languages.includes(l.id)} {...register("languages")} />
                <span lang={l.id}>{l.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className={`field${errors.survivorLed ? " field--error" : ""}`}>
        <fieldset id={fieldId("survivorLed")} tabIndex={-1} aria-describedby={described("survivorLed")}>
          <legend>Is it led by survivors?</legend>
          <FieldError name="survivorLed" error={errors.survivorLed} />
          <div className="choices choices--inline">
            <label className="choice">
              <input type="radio" value="yes" defaultChecked={values.survivorLed === "yes"} {...register("survivorLed")} />
              <span>Yes</span>
            </label>
            <label className="choice">
              <input type="radio" value="no" defaultChecked={values.survivorLed === "no"} {...register("survivorLed")} />
              <span>No</span>
            </label>
          </div>
        </fieldset>
      </div>
    </>
  );
}

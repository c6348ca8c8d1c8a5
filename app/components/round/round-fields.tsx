import type { FieldValues, UseFormRegister } from "react-hook-form";
import { describedBy, FieldError, fieldId, Hint, TextField } from "~/components/forms";
import type { FieldErrors } from "~/modules/forms/validation";
import { MAX_REMINDERS_LIMIT, REMINDER_DAY_CHOICES } from "~/modules/round/schemas";

export type RoundFieldValues = {
  title: string;
  versionId: string;
  instructions: string;
  timeZone: string;
  opensAt: string;
  closesAt: string;
  reminderDays: string[];
  maxReminders: string;
};

/** Typed values first (nothing typed is lost), else the stored ones. */
export function roundFieldValues(typed: Record<string, string | string[]> | undefined, stored: RoundFieldValues): RoundFieldValues {
  if (!typed) return stored;
  const one = (k: string) => (typeof typed[k] === "string" ? (typed[k] as string) : "");
  const list = typed.reminderDays;
  return {
    title: one("title"),
    versionId: one("versionId"),
    instructions: one("instructions"),
    timeZone: one("timeZone"),
    opensAt: one("opensAt"),
    closesAt: one("closesAt"),
    reminderDays: Array.isArray(list) ? list : typeof list === "string" ? [list] : [],
    maxReminders: one("maxReminders"),
  };
}

const INSTRUCTIONS_HINT = "Shown at the start of the questionnaire. Markdown: paragraphs, lists, links.";
const REMINDERS_HINT = "Only to organisations that have not submitted, at the same time of day as the closing.";
const MAX_HINT = `Scheduled and sent by hand together, 0 to ${MAX_REMINDERS_LIMIT}.`;

function DateTimeField(props: { name: "opensAt" | "closesAt"; label: string; hint: string; value: string; error?: string; register: UseFormRegister<FieldValues> }) {
  const { name, error } = props;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={fieldId(name)}>{props.label}</label>
      <Hint name={name} hint={props.hint} />
      <FieldError name={name} error={error} />
      <input
        id={fieldId(name)}
        type="datetime-local"
        defaultValue={props.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ name, hint: props.hint, error })}
        {...props.register(name)}
      />
    </div>
  );
}

/** The settings of a round, shared by the "new round" and "dates and status" pages. */
export function RoundFields(props: {
  values: RoundFieldValues;
  errors: FieldErrors;
  register: UseFormRegister<FieldValues>;
  versions: Array<{ id: string; label: string }>;
}) {
  const { values, errors, register } = props;
  const zoneHint = `Wall-clock time in the round's time zone (below). Respondents see it in their own time zone.`;
  return (
    <>
      <TextField name="title" label="Title" defaultValue={values.title} error={errors.title} inputProps={register("title")} />
      <div className={`field${errors.versionId ? " field--error" : ""}`}>
        <label htmlFor={fieldId("versionId")}>Version of the document</label>
        <FieldError name="versionId" error={errors.versionId} />
        <select
          id={fieldId("versionId")}
          defaultValue={values.versionId}
          aria-invalid={errors.versionId ? true : undefined}
          aria-describedby={describedBy({ name: "versionId", error: errors.versionId })}
          {...register("versionId")}
        >
          {props.versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${errors.instructions ? " field--error" : ""}`}>
        <label htmlFor={fieldId("instructions")}>Instructions for respondents (optional)</label>
        <Hint name="instructions" hint={INSTRUCTIONS_HINT} />
        <FieldError name="instructions" error={errors.instructions} />
        <textarea
          id={fieldId("instructions")}
          rows={5}
          defaultValue={values.instructions}
          aria-describedby={describedBy({ name: "instructions", hint: INSTRUCTIONS_HINT, error: errors.instructions })}
          {...register("instructions")}
        />
      </div>
      <TextField
        name="timeZone"
        label="Time zone of the dates"
        hint="The coordinators' zone, e.g. Europe/Vienna or America/Panama."
        defaultValue={values.timeZone}
        error={errors.timeZone}
        inputProps={register("timeZone")}
      />
      <DateTimeField name="opensAt" label="Opens" hint={zoneHint} value={values.opensAt} error={errors.opensAt} register={register} />
      <DateTimeField name="closesAt" label="Closes" hint={zoneHint} value={values.closesAt} error={errors.closesAt} register={register} />
      <div className={`field${errors.reminderDays ? " field--error" : ""}`}>
        <fieldset id={fieldId("reminderDays")} tabIndex={-1} aria-describedby={describedBy({ name: "reminderDays", hint: REMINDERS_HINT, error: errors.reminderDays })}>
          <legend>Send reminders automatically</legend>
          <Hint name="reminderDays" hint={REMINDERS_HINT} />
          <FieldError name="reminderDays" error={errors.reminderDays} />
          <div className="choices choices--inline">
            {REMINDER_DAY_CHOICES.map((d) => (
              <label className="choice" key={d}>
                <input type="checkbox" value={String(d)} defaultChecked={values.reminderDays.includes(String(d))} {...register("reminderDays")} />
                <span>
                  {d} day{d === 1 ? "" : "s"} before closing
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className={`field${errors.maxReminders ? " field--error" : ""}`}>
        <label htmlFor={fieldId("maxReminders")}>Most reminders an organisation can receive</label>
        <Hint name="maxReminders" hint={MAX_HINT} />
        <FieldError name="maxReminders" error={errors.maxReminders} />
        <input
          id={fieldId("maxReminders")}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_REMINDERS_LIMIT}
          className="input-short"
          defaultValue={values.maxReminders}
          aria-invalid={errors.maxReminders ? true : undefined}
          aria-describedby={describedBy({ name: "maxReminders", hint: MAX_HINT, error: errors.maxReminders })}
          {...register("maxReminders")}
        />
      </div>
    </>
  );
}

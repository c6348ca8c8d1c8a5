/**
 * Form building blocks shared by every page: an error summary that takes focus, and fields
 * whose errors and hints are tied to the input (aria-describedby), GOV.UK style.
 * Error messages may be keys of the "common" namespace (validation.*): shown translated.
 */
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "~/modules/forms/validation";

export function fieldId(name: string) {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

/**
 * `focusKey` changes on each submit attempt: the summary then takes focus (not on every keystroke).
 * `idPrefix`: the prefix of the form's field ids, when two forms on a page share field names.
 */
export function ErrorSummary({ errors, focusKey, idPrefix = "" }: { errors: FieldErrors | undefined; focusKey?: unknown; idPrefix?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useTranslation("common");
  const entries = Object.entries(errors ?? {});
  const hasErrors = entries.length > 0;
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [focusKey]); // eslint-disable-line react-hooks/exhaustive-deps
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t("errorSummaryTitle")}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            {name === "form" ? t(message) : <a href={`#${idPrefix}${fieldId(name)}`}>{t(message)}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}

type DescribedProps = { name: string; hint?: React.ReactNode; error?: string; idPrefix?: string };

/** ids for the hint and error of a field, to put in aria-describedby */
export function describedBy({ name, hint, error, idPrefix = "" }: DescribedProps) {
  const ids = [hint ? `${idPrefix}${fieldId(name)}-hint` : null, error ? `${idPrefix}${fieldId(name)}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function Hint({ name, hint, idPrefix = "" }: { name: string; hint?: React.ReactNode; idPrefix?: string }) {
  return hint ? (
    <span className="hint" id={`${idPrefix}${fieldId(name)}-hint`}>
      {hint}
    </span>
  ) : null;
}

export function FieldError({ name, error, idPrefix = "" }: { name: string; error?: string; idPrefix?: string }) {
  const { t } = useTranslation("common");
  return error ? (
    <span className="error-message" id={`${idPrefix}${fieldId(name)}-error`}>
      <span className="visually-hidden">{t("errorPrefix")}</span>
      {t(error)}
    </span>
  ) : null;
}

export function TextField(
  props: DescribedProps & {
    label: string;
    type?: "text" | "email";
    defaultValue?: string;
    autoComplete?: string;
    inputMode?: "numeric" | "email" | "text";
    className?: string;
    inputProps?: React.InputHTMLAttributes<HTMLInputElement>;
  },
) {
  const { name, label, hint, error, type = "text", idPrefix = "" } = props;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={`${idPrefix}${fieldId(name)}`}>{label}</label>
      <Hint name={name} hint={hint} idPrefix={idPrefix} />
      <FieldError name={name} error={error} idPrefix={idPrefix} />
      <input
        id={`${idPrefix}${fieldId(name)}`}
        name={name}
        type={type}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        className={props.className}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props)}
        {...props.inputProps}
      />
    </div>
  );
}

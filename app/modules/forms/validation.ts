/**
 * One way of doing forms: a zod schema per form, used by the action (authoritative) and, with
 * JavaScript on, by react-hook-form in the browser. Errors travel as { field: message } and
 * the typed values are sent back so nothing is lost.
 */
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T; values: Record<string, string | string[]> }
  | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

/** PostgreSQL text cannot hold a NUL character (a query with one fails): typed or pasted ones are dropped. */
export const withoutNul = (value: string) => (value.includes("\u0000") ? value.replaceAll("\u0000", "") : value);

/** A page's GET parameters without NUL characters, for the readers of filters and links. */
export function cleanSearchParams(params: URLSearchParams): URLSearchParams {
  return new URLSearchParams([...params].map(([name, value]) => [withoutNul(name), withoutNul(value)]));
}

/** FormData to a plain object (NUL characters dropped); repeated names (checkboxes) become arrays. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [rawName, raw] of formData.entries()) {
    if (typeof raw !== "string") continue;
    const name = withoutNul(rawName);
    const value = withoutNul(raw);
    const existing = values[name];
    if (existing === undefined) values[name] = value;
    else values[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return values;
}

export function errorsFromZod(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function validateForm<S extends z.ZodType>(formData: FormData, schema: S): FormResult<z.infer<S>> {
  const values = formValues(formData);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, errors: errorsFromZod(parsed.error), values };
}

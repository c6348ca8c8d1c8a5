/**
 * This device's copy of a section's answers (localStorage, per invitation and section): kept
 * on every change, so a dropped connection or a closed tab loses nothing, and offered back
 * on the next visit when it differs from what the server has.
 */
import { formValues } from "~/modules/forms/validation";

export type Fields = Record<string, string | string[]>;
export type Draft = { at: number; fields: Fields };

/** Only the answers: the rest of the form (keys, revisions) belongs to one page load. */
export function answersOf(form: HTMLFormElement): Fields {
  return Object.fromEntries(Object.entries(formValues(new FormData(form))).filter(([name]) => name.startsWith("q_")));
}

export function sameAnswers(a: Fields, b: Fields) {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].every((n) => JSON.stringify(a[n] ?? "") === JSON.stringify(b[n] ?? ""));
}

export function readDraft(key: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, draft: Draft | null) {
  try {
    if (draft) window.localStorage.setItem(key, JSON.stringify(draft));
    else window.localStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the server save still runs.
  }
}

/** Puts kept answers back into the form's fields (an input event each, for autosave and the redline). */
export function fillForm(form: HTMLFormElement, fields: Fields) {
  for (const element of Array.from(form.elements)) {
    const field = element as HTMLInputElement | HTMLTextAreaElement;
    if (!field.name?.startsWith("q_")) continue;
    const value = fields[field.name];
    const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
    if (field instanceof HTMLInputElement && (field.type === "radio" || field.type === "checkbox")) field.checked = list.includes(field.value);
    else field.value = list[0] ?? "";
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

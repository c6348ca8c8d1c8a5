/**
 * A namespace of interface strings in every language. English is the reference: the type
 * makes every other language carry exactly the same keys, so a missing translation is a
 * compile error, not an English fragment on an Arabic page.
 * Placeholders use i18next's {{name}}; plurals use i18next's _one/_other suffixes (Arabic
 * also has _zero, _two, _few, _many, and falls back to _other where a form is not given).
 */
import type { Language } from "./languages";

export type Messages = Record<string, string>;

export function defineCatalog<T extends Messages>(catalog: { en: T } & Record<Exclude<Language, "en">, { [K in keyof T]: string } & Messages>) {
  return catalog as Record<Language, Messages>;
}

/**
 * The languages the respondent interface speaks. Client-safe: the switcher and the root
 * layout use these to name each language in itself and to set the text direction.
 */
export const LANGUAGES = ["en", "fr", "es", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = "en";

/** Each language named in itself, as people look for it in a switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", fr: "Français", es: "Español", ar: "العربية" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: Language): "ltr" | "rtl" {
  return language === "ar" ? "rtl" : "ltr";
}

/**
 * The attributes of consultation text shown in its original language for want of a
 * translation (none when it is in the reader's): its language for screen readers and
 * hyphenation, and its own direction, so an English heading on an Arabic page reads left to right.
 */
export function untranslated(from?: string | null): { lang?: string; dir?: "ltr" | "rtl" | "auto" } {
  return from ? { lang: from, dir: isLanguage(from) ? directionOf(from) : "auto" } : {};
}

/** The locale for dates and numbers: British English keeps day-month order for an international audience. */
export function localeOf(language: Language) {
  return language === "en" ? "en-GB" : language;
}

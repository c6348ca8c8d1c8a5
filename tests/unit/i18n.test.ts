/**
 * The interface catalogues: every language has every English key (the type says so; this
 * checks the built resources too), plurals follow each language's rules, and the request's
 * language is chosen as documented.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "~/modules/i18n/i18n";
import { fromAcceptLanguage } from "~/modules/i18n/language.server";
import { directionOf, LANGUAGES } from "~/modules/i18n/languages";
import { NAMESPACES, resourcesFor } from "~/modules/i18n/resources.server";

describe("catalogues", () => {
  it("give every language every English key, with no empty string", () => {
    for (const [ns, catalog] of Object.entries(NAMESPACES)) {
      const english = Object.keys(catalog.en!).filter((k) => !/_(zero|two|few|many)$/.test(k));
      for (const language of LANGUAGES) {
        const messages = catalog[language]!;
        for (const key of english) {
          const plural = key.replace(/_(one|other)$/, "");
          const present = key in messages || (plural !== key && `${plural}_other` in messages);
          expect(present, `${ns}:${key} in ${language}`).toBe(true);
        }
        for (const [key, value] of Object.entries(messages)) expect(value.trim(), `${ns}:${key} in ${language}`).not.toBe("");
      }
    }
  });

  it("translate with plurals in each language's own forms", () => {
    const t = (language: (typeof LANGUAGES)[number]) => createI18n(language, resourcesFor(language)).t;
    expect(t("en")("questionCount", { ns: "respond", count: 1 })).toBe("1 question");
    expect(t("fr")("questionCount", { ns: "respond", count: 3 })).toBe("3 questions");
    expect(t("ar")("questionCount", { ns: "respond", count: 2 })).toBe("سؤالان");
    expect(t("ar")("questionCount", { ns: "respond", count: 5 })).toBe("5 أسئلة");
    expect(t("es")("validation.answer")).toBe("Responda a esta pregunta");
    // A message that is not a key (an English sentence from a coordinator page) passes through.
    expect(t("fr")("Enter a title.")).toBe("Enter a title.");
  });
});

describe("the request's language", () => {
  it("takes the best supported language from Accept-Language", () => {
    expect(fromAcceptLanguage("fr-CH, fr;q=0.9, en;q=0.8")).toBe("fr");
    expect(fromAcceptLanguage("de-DE, es;q=0.5, ar;q=0.7")).toBe("ar");
    expect(fromAcceptLanguage("de, ja")).toBeNull();
    expect(fromAcceptLanguage("fr;q=0, en")).toBe("en");
    expect(fromAcceptLanguage(null)).toBeNull();
  });

  it("sets right-to-left for Arabic only", () => {
    expect(LANGUAGES.map(directionOf)).toEqual(["ltr", "ltr", "ltr", "rtl"]);
  });
});

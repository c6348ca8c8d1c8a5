/**
 * One i18next instance per render, made from the messages the root loader sent: the same
 * call on the server and in the browser, so hydration sees the same text.
 * Keys are flat within a namespace ("saveDraft" in "section"); a string that is not a key
 * (an English message from a coordinator page) is shown as it is.
 */
import i18next, { type i18n } from "i18next";
import type { Language } from "./languages";
import type { Messages } from "./catalog";

export type Resources = Record<string, Messages>;

export function createI18n(language: Language, resources: Resources): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: false,
    resources: { [language]: resources },
    ns: Object.keys(resources),
    defaultNS: "common",
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  return instance;
}

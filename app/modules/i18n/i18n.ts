/**
 * The i18next instance for a page, made from the messages the root loader sent: the same
 * call on the server and in the browser, so hydration sees the same text.
 * Keys are flat within a namespace ("saveDraft" in "section"); a string that is not a key
 * (an English message from a coordinator page) is shown as it is.
 */
import i18next, { type i18n } from "i18next";
import type { Language } from "./languages";
import type { Messages } from "./catalog";

export type Resources = Record<string, Messages>;

// An instance only translates (its language never changes), so one per set of messages and
// language serves every request: the server passes the same resources object each time.
const instances = new WeakMap<Resources, Map<Language, i18n>>();

export function createI18n(language: Language, resources: Resources): i18n {
  let forResources = instances.get(resources);
  if (!forResources) instances.set(resources, (forResources = new Map()));
  let instance = forResources.get(language);
  if (!instance) forResources.set(language, (instance = newInstance(language, resources)));
  return instance;
}

function newInstance(language: Language, resources: Resources): i18n {
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

/**
 * Every namespace of interface strings. The root loader sends the current language's
 * messages to the page, so the browser never downloads the other three.
 */
import type { Resources } from "./i18n";
import type { Language } from "./languages";
import { common } from "./messages/common";
import { options } from "./messages/options";
import { respond } from "./messages/respond";
import { review } from "./messages/review";
import { section } from "./messages/section";
import { signin } from "./messages/signin";
import { summary } from "./messages/summary";

export const NAMESPACES = { common, respond, options, review, section, signin, summary };

const byLanguage = new Map<Language, Resources>();

/** The messages of every namespace in one language: built once, the same object every time. */
export function resourcesFor(language: Language): Resources {
  let resources = byLanguage.get(language);
  if (!resources) {
    resources = Object.fromEntries(Object.entries(NAMESPACES).map(([ns, catalog]) => [ns, catalog[language]]));
    byLanguage.set(language, resources);
  }
  return resources;
}

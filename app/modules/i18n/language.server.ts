/**
 * Which language a request is answered in: the one the person chose with the switcher
 * (a cookie, and their account's language when signed in), else their account's language
 * (the contact's language from the registry), else the browser's Accept-Language, else English.
 * On an invitation's landing page the invited contact's language comes before whoever may be
 * signed in on this browser: the page speaks to them (and sets the cookie: invitations.$token.tsx).
 */
import { createCookie } from "@remix-run/node";
import { getSessionUser } from "~/modules/auth/session.server";
import { invitationLinkOfPage } from "~/modules/invitation/links.server";
import { isHttps, env } from "~/modules/config/env.server";
import { createI18n } from "./i18n";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "./languages";
import { resourcesFor } from "./resources.server";

let cookie: ReturnType<typeof createCookie> | undefined;
export function languageCookie() {
  return (cookie ??= createCookie("consult_lang", {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure: isHttps(env()),
    maxAge: 365 * 24 * 60 * 60,
  }));
}

/** The best of our languages for an Accept-Language header ("fr-CH, fr;q=0.9, en;q=0.8"). */
export function fromAcceptLanguage(header: string | null): Language | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: tag.trim().toLowerCase().split("-")[0]!, q: q === undefined ? 1 : Number(q) };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((t) => t.base).find(isLanguage) ?? null;
}

export async function requestLanguage(request: Request): Promise<Language> {
  const chosen = await languageCookie().parse(request.headers.get("cookie"));
  if (isLanguage(chosen)) return chosen;
  const invited = (await invitationLinkOfPage(request))?.link?.contact.user.language;
  if (isLanguage(invited)) return invited;
  const user = await getSessionUser(request);
  if (user && isLanguage(user.language)) return user.language;
  return fromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LANGUAGE;
}

/** Whether the person has chosen a language with the switcher (the cookie is set). */
export async function hasChosenLanguage(request: Request): Promise<boolean> {
  return isLanguage(await languageCookie().parse(request.headers.get("cookie")));
}

/** A translator for loaders and actions (page titles, messages built on the server). */
export async function serverT(request: Request) {
  const language = await requestLanguage(request);
  const i18n = createI18n(language, resourcesFor(language));
  return { language, t: i18n.t.bind(i18n) };
}



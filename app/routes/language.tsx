/**
 * The language switcher's form posts here: remember the choice in a cookie (and on the
 * account, so emails follow it too), then go back to the page the person was reading.
 */
import { readForm } from "~/modules/forms/read-form.server";
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getSessionUser, safeRedirect } from "~/modules/auth/session.server";
import { db } from "~/modules/db/client.server";
import { languageCookie } from "~/modules/i18n/language.server";
import { isLanguage } from "~/modules/i18n/languages";

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const language = form.get("language");
  const back = safeRedirect(form.get("returnTo"), "/");
  if (!isLanguage(language)) return redirect(back);
  const user = await getSessionUser(request);
  if (user && user.language !== language) await db().user.update({ where: { id: user.id }, data: { language } });
  return redirect(back, { headers: { "Set-Cookie": await languageCookie().serialize(language) } });
}

export function loader() {
  return redirect("/");
}

/**
 * The reader's time zone, learnt when they sign in: respondent pages' script fills a hidden
 * `timeZone` field from the browser (app/enhance/respondent.ts) on the invitation landing page
 * and the sign-in confirmations. Kept only when it is a real IANA zone, and only when the
 * person has none yet (a zone they set stays). Without JavaScript the field is empty and dates
 * stay in the round's zone, always named.
 */
import { db } from "~/modules/db/client.server";
import { isTimeZone } from "~/modules/round/dates";

export const TIME_ZONE_FIELD = "timeZone";

// Area/Location names only (and UTC): no offsets like "+05:00", which some runtimes accept.
const IANA_NAME = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;

/** The posted zone in its canonical spelling, or null when absent or not an IANA zone. */
export function postedTimeZone(form: FormData): string | null {
  const zone = form.get(TIME_ZONE_FIELD);
  if (typeof zone !== "string" || zone.length > 64 || !IANA_NAME.test(zone) || !isTimeZone(zone)) return null;
  return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
}

/** Stores the zone on the user when they have none. */
export async function rememberTimeZone(userId: string, zone: string | null) {
  if (!zone) return;
  await db().user.updateMany({ where: { id: userId, timeZone: null }, data: { timeZone: zone } });
}

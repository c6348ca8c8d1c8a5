/** Dates are stored in UTC and shown in a named time zone, always saying which. */
const DATE_TIME: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };
const DATE: Intl.DateTimeFormatOptions = { dateStyle: "long" };
// For table cells, where the zone is named once in the caption.
const SHORT_DATE_TIME: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" };

// Making a formatter costs far more than using one, and a tracking page formats hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${options === DATE ? "d" : options === SHORT_DATE_TIME ? "s" : "dt"}|${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return f;
}

export function formatDateTime(date: Date | string, timeZone: string, locale = "en-GB") {
  const d = typeof date === "string" ? new Date(date) : date;
  return formatter(locale, timeZone, DATE_TIME).format(d);
}

/** "22 Nov 2026, 20:01": for tables whose caption names the time zone. */
export function formatShortDateTime(date: Date | string, timeZone: string, locale = "en-GB") {
  const d = typeof date === "string" ? new Date(date) : date;
  return formatter(locale, timeZone, SHORT_DATE_TIME).format(d);
}

export function formatDate(date: Date | string, timeZone: string, locale = "en-GB") {
  const d = typeof date === "string" ? new Date(date) : date;
  return formatter(locale, timeZone, DATE).format(d);
}

// Building a DateTimeFormat costs about a tenth of a millisecond, on every respondent page: the
// set of zones is finite, so each answer is remembered (strings that are no zone are not kept).
const knownZones = new Set<string>();

/** Is this an IANA time zone name the runtime knows (e.g. "Europe/Vienna")? */
export function isTimeZone(zone: string) {
  if (!zone) return false;
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    knownZones.add(zone);
    return true;
  } catch {
    return false;
  }
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** How far `zone` is ahead of UTC at the instant `utcMs`, in milliseconds (whole seconds). */
function zoneOffsetMs(utcMs: number, zone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/**
 * A wall-clock time in a zone ("2026-06-30T17:00" in "Asia/Kabul") to the UTC instant.
 * A time skipped by a daylight-saving change moves forward by the gap; a time that happens
 * twice is taken as the later one. Null when the text is not a real date and time.
 */
export function zonedTimeToUtc(local: string, zone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(local.trim());
  if (!m || !isTimeZone(zone)) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  // Date.UTC rolls 30 February over into March: refuse what does not exist.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // Two passes: the offset at the first guess can differ from the offset at the answer near a DST change.
  const first = wall - zoneOffsetMs(wall, zone);
  const second = wall - zoneOffsetMs(first, zone);
  return new Date(second);
}

/** The instant as "YYYY-MM-DDTHH:mm" on the wall clock of `zone`: the value of a datetime-local input. */
export function utcToZonedInput(date: Date | string, zone: string): string {
  const d = typeof date === "string" ? new Date(date) : date;
  const local = new Date(d.getTime() + zoneOffsetMs(d.getTime(), zone));
  return local.toISOString().slice(0, 16);
}

/** Dates are stored in UTC and shown in a named time zone, always saying which. */
export function formatDateTime(date: Date | string, timeZone: string, locale = "en-GB") {
  const d = typeof date === "string" ? new Date(date) : date;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone,
    timeZoneName: "short",
  }).format(d);
}

export function formatDate(date: Date | string, timeZone: string, locale = "en-GB") {
  const d = typeof date === "string" ? new Date(date) : date;
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }).format(d);
}

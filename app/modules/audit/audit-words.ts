/** The audit log in words for the page (client-safe: the action filter's options use it too). */

/** An action code in words: "questionnaire.question-retired" → "Questionnaire: question retired". */
export function actionInWords(action: string): string {
  const [entity, verb] = action.split(".", 2);
  const words = (s: string) => s.replace(/[-_]/g, " ");
  if (!verb) return words(action);
  return `${words(entity!).replace(/^./, (c) => c.toUpperCase())}: ${words(verb)}`;
}

const inWords = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
const isRecordId = (v: unknown) => typeof v === "string" && /^c[a-z0-9]{20,}$/.test(v);
const shown = (v: unknown) => (typeof v === "string" ? (v === "" ? "(empty)" : v) : JSON.stringify(v));

function valueInWords(key: string, value: unknown): string {
  // A list of record ids says how many, not which: the ids mean nothing to a reader.
  if (Array.isArray(value) && value.length > 0 && value.every(isRecordId)) return String(value.length);
  // A change: "status OPEN → REFERRED".
  if (key === "changed" && value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value as Record<string, { from?: unknown; to?: unknown }>)
      .map(([field, change]) => `${inWords(field)} ${shown(change?.from)} → ${shown(change?.to)}`)
      .join(", ");
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** An entry's data as "key: value" pairs with the keys in words ("extendedUntil" → "extended until"). */
export function detailsInWords(data: unknown): string {
  return Object.entries((data ?? {}) as Record<string, unknown>)
    .map(([k, v]) => `${inWords(k)}: ${valueInWords(k, v)}`)
    .join("; ")
    .slice(0, 300);
}

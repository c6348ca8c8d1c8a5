/** The audit log in words for the page (client-safe: the action filter's options use it too). */

/** An action code in words: "questionnaire.question-retired" → "Questionnaire: question retired". */
export function actionInWords(action: string): string {
  const [entity, verb] = action.split(".", 2);
  const words = (s: string) => s.replace(/[-_]/g, " ");
  if (!verb) return words(action);
  return `${words(entity!).replace(/^./, (c) => c.toUpperCase())}: ${words(verb)}`;
}

/** An entry's data as "key: value" pairs with the keys in words ("extendedUntil" → "extended until"). */
export function detailsInWords(data: unknown): string {
  return Object.entries((data ?? {}) as Record<string, unknown>)
    .map(([k, v]) => `${k.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase()}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join("; ")
    .slice(0, 300);
}

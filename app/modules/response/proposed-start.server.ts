/**
 * The texts a proposed-wording field starts from: the section's body in the original language
 * and in each translation (the page starts from the reader's). A post equal to one of them
 * proposes nothing (parseSectionPost).
 */
import { db } from "~/modules/db/client.server";
import { redline, type RedlinePart } from "~/modules/document/redline";

type Row = { body: string; translations: Record<string, { body?: unknown } | undefined> | null };

export async function proposedStarts(roundId: string, sectionKey: string): Promise<string[]> {
  const [row] = await db().$queryRaw<Row[]>`
    SELECT s.body, s.translations FROM "Section" s JOIN "Round" r ON r."versionId" = s."versionId"
    WHERE r.id = ${roundId} AND s.key = ${sectionKey}`;
  if (!row) return [];
  const translated = Object.values(row.translations ?? {}).flatMap((tr) => (typeof tr?.body === "string" && tr.body ? [tr.body] : []));
  return [row.body, ...translated];
}

/**
 * A proposed wording as a redline against the text it most likely started from (the section
 * in the reader's language, the original or another translation: the one it changes least).
 */
export function wordingRedline(starts: readonly string[], wording: string): RedlinePart[] {
  let best: RedlinePart[] | null = null;
  let bestChanged = Infinity;
  for (const start of new Set(starts.filter(Boolean))) {
    const parts = redline(start, wording);
    const changed = parts.reduce((n, p) => n + (p.kind === "same" ? 0 : p.text.length), 0);
    if (changed < bestChanged) [best, bestChanged] = [parts, changed];
  }
  return best ?? [{ kind: "ins", text: wording }];
}

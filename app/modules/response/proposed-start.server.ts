/**
 * The texts a proposed-wording field starts from: the section's body in the original language
 * and in each translation (the page starts from the reader's). A post equal to one of them
 * proposes nothing (parseSectionPost).
 */
import { db } from "~/modules/db/client.server";

type Row = { body: string; translations: Record<string, { body?: unknown } | undefined> | null };

export async function proposedStarts(roundId: string, sectionKey: string): Promise<string[]> {
  const [row] = await db().$queryRaw<Row[]>`
    SELECT s.body, s.translations FROM "Section" s JOIN "Round" r ON r."versionId" = s."versionId"
    WHERE r.id = ${roundId} AND s.key = ${sectionKey}`;
  if (!row) return [];
  const translated = Object.values(row.translations ?? {}).flatMap((tr) => (typeof tr?.body === "string" && tr.body ? [tr.body] : []));
  return [row.body, ...translated];
}

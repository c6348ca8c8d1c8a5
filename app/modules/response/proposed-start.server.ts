/**
 * The texts a proposed-wording field starts from: the section's body in the original language
 * and in each translation (the page starts from the reader's). A post equal to one of them
 * proposes nothing (parseSectionPost).
 */
import { sectionTexts } from "~/modules/analysis/wording-redline";
import { db } from "~/modules/db/client.server";

/** By section key, for the given sections of the round's draft (one query). */
export async function proposedStartsBySection(roundId: string, sectionKeys: readonly string[]): Promise<Map<string, string[]>> {
  if (sectionKeys.length === 0) return new Map();
  const rows = await db().section.findMany({
    where: { key: { in: [...sectionKeys] }, version: { rounds: { some: { id: roundId } } } },
    select: { key: true, body: true, translations: true },
  });
  return new Map(rows.map((s) => [s.key, sectionTexts(s)]));
}

export async function proposedStarts(roundId: string, sectionKey: string): Promise<string[]> {
  return (await proposedStartsBySection(roundId, [sectionKey])).get(sectionKey) ?? [];
}

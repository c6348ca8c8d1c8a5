/**
 * A version against the version it was made from, section by section (sections are matched by
 * their stable key): added, removed, moved, changed or unchanged, with a word-level redline,
 * and the worklist items that rounds on the base version raised about each section.
 */
import type { WorklistStatus } from "~/generated/prisma/enums";
import { db } from "~/modules/db/client.server";
import { hasChanges, redline, type RedlinePart } from "~/modules/document/redline";
import { isResolvable } from "~/modules/worklist/schemas";

export type SectionChange = "added" | "removed" | "moved" | "changed" | "unchanged";

export type ComparedSection = {
  key: string;
  heading: string;
  /** The heading in the base version, when it differs. */
  previousHeading: string | null;
  change: SectionChange;
  /** Neither version has any text in this section. */
  empty: boolean;
  parts: RedlinePart[];
};

export type ComparedItem = {
  id: string;
  summary: string;
  status: WorklistStatus;
  rationale: string;
  roundTitle: string;
  /** The revision the page read it at: the resolve form sends it back (decision 009). */
  revision: number;
  resolvedHere: boolean;
  /** Accepted, with or without changes: a change can make it done. */
  resolvable: boolean;
};

type Keyed = { key: string; heading: string; body: string };

/** Pure: the comparison of two ordered lists of sections. */
export function compareSections(base: Keyed[], next: Keyed[]): ComparedSection[] {
  const baseByKey = new Map(base.map((s) => [s.key, s]));
  const nextKeys = new Set(next.map((s) => s.key));
  // A section "moved" when its place among the sections both versions have is different.
  const commonInBase = base.filter((s) => nextKeys.has(s.key)).map((s) => s.key);
  const commonInNext = next.filter((s) => baseByKey.has(s.key)).map((s) => s.key);
  const result: ComparedSection[] = next.map((s) => {
    const before = baseByKey.get(s.key);
    const parts = redline(before?.body ?? "", s.body);
    const empty = !s.body.trim() && !before?.body.trim();
    const previousHeading = before && before.heading !== s.heading ? before.heading : null;
    let change: SectionChange;
    if (!before) change = "added";
    else if (hasChanges(parts) || previousHeading) change = "changed";
    else if (commonInBase.indexOf(s.key) !== commonInNext.indexOf(s.key)) change = "moved";
    else change = "unchanged";
    return { key: s.key, heading: s.heading, previousHeading, change, empty, parts };
  });
  for (const [i, s] of base.entries()) {
    if (nextKeys.has(s.key)) continue;
    const removed: ComparedSection = { key: s.key, heading: s.heading, previousHeading: null, change: "removed", empty: !s.body.trim(), parts: redline(s.body, "") };
    // Shown where it stood: after the section that preceded it in the base version.
    const after = base.slice(0, i).reverse().find((p) => nextKeys.has(p.key) || result.some((r) => r.key === p.key));
    const at = after ? result.findIndex((r) => r.key === after.key) + 1 : 0;
    result.splice(at, 0, removed);
  }
  return result;
}

/** The comparison of a version with its base, or null when there is no such version. */
export async function compareWithBase(consultationId: string, versionId: string) {
  const version = await db().documentVersion.findFirst({
    where: { id: versionId, consultationId },
    include: {
      sections: { orderBy: { position: "asc" } },
      rounds: { select: { id: true } },
      basedOn: { include: { sections: { orderBy: { position: "asc" } }, rounds: { select: { id: true, title: true } } } },
    },
  });
  if (!version) return null;
  const base = version.basedOn;
  const sections = base ? compareSections(base.sections, version.sections) : [];
  const items = base ? await itemsOfRounds(consultationId, base.rounds.map((r) => r.id), version.id) : [];
  return {
    version: { id: version.id, number: version.number, title: version.title, locked: !!version.lockedAt || version.rounds.length > 0 },
    base: base ? { id: base.id, number: base.number, title: base.title } : null,
    sections: sections.map((s) => ({ ...s, items: items.filter((i) => i.sectionKey === s.key).map(({ sectionKey: _, ...i }) => i) })),
    wholeDocumentItems: items.filter((i) => i.sectionKey === null).map(({ sectionKey: _, ...i }) => i),
  };
}

/** Items raised in the base version's rounds: still to do, or done in this version. */
async function itemsOfRounds(consultationId: string, roundIds: string[], versionId: string): Promise<Array<ComparedItem & { sectionKey: string | null }>> {
  if (roundIds.length === 0) return [];
  const rows = await db().worklistItem.findMany({
    where: {
      consultationId,
      roundId: { in: roundIds },
      OR: [{ resolvedInVersionId: null }, { resolvedInVersionId: versionId }],
    },
    orderBy: { createdAt: "asc" },
    include: { round: { select: { title: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    sectionKey: r.sectionKey,
    summary: r.summary,
    status: r.status,
    rationale: r.rationale,
    roundTitle: r.round?.title ?? "",
    revision: r.revision,
    resolvedHere: r.resolvedInVersionId === versionId,
    resolvable: isResolvable(r.status),
  }));
}

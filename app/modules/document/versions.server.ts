/**
 * Document versions: created from a confirmed import or as a copy of an earlier version, and
 * changed (sections edited, moved, split, merged) only while no round uses them. A version a
 * round points at, or one marked locked (lockedAt), is immutable: the way to change it is a
 * new version. Every change is audited in its own transaction, and each change first locks the
 * version's row, so two coordinators (or a round being created) never interleave with it.
 */
import crypto from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";
import type { DraftImport, ImportedSection } from "./import.server";
import { assignKeys, keySlug, mergeBodies, mergeTranslations, moveKey, paragraphs, SectionRuleError, splitBody, splitTranslations, uniqueKey } from "./sections.server";

type Tx = Prisma.TransactionClient;

export type VersionChangeReason = "locked" | "archived" | "changed" | "rule" | "not-found";

/** A change the rules refuse; the message is written for the coordinator. */
export class VersionChangeError extends Error {
  override name = "VersionChangeError";
  constructor(
    readonly reason: VersionChangeReason,
    message: string,
  ) {
    super(message);
  }
}

export const lockedMessage = (number: number) =>
  `Version ${number} is used by a round, so it can no longer change. Create a new version from it and edit that one.`;

// ───────────────────────────── reading ─────────────────────────────

export async function listVersions(consultationId: string) {
  const versions = await db().documentVersion.findMany({
    where: { consultationId },
    orderBy: { number: "desc" },
    include: {
      _count: { select: { sections: true } },
      rounds: { select: { id: true, title: true, status: true }, orderBy: { number: "asc" } },
      basedOn: { select: { number: true } },
    },
  });
  return versions.map((v) => ({ ...v, locked: !!v.lockedAt || v.rounds.length > 0 }));
}

export async function loadVersion(consultationId: string, versionId: string) {
  const version = await db().documentVersion.findFirst({
    where: { id: versionId, consultationId },
    include: {
      sections: { orderBy: { position: "asc" } },
      rounds: { select: { id: true, title: true, status: true }, orderBy: { number: "asc" } },
      basedOn: { select: { id: true, number: true } },
    },
  });
  if (!version) return null;
  return { ...version, locked: !!version.lockedAt || version.rounds.length > 0 };
}

/** What an edit form was based on, so a save over someone else's change is caught. */
export function sectionBaseline(section: { heading: string; body: string; tags: string[] }): string {
  return crypto.createHash("sha256").update(JSON.stringify([section.heading, section.body, section.tags])).digest("hex").slice(0, 32);
}

export async function latestVersion(consultationId: string) {
  return db().documentVersion.findFirst({ where: { consultationId }, orderBy: { number: "desc" }, include: { sections: { orderBy: { position: "asc" } } } });
}

// ───────────────────────────── creating ─────────────────────────────

/** Serialises version numbering per consultation; refuses archived consultations. */
async function lockConsultation(tx: Tx, consultationId: string): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ archivedAt: Date | null }>>`
    SELECT "archivedAt" FROM "Consultation" WHERE "id" = ${consultationId} FOR UPDATE`;
  if (!rows[0]) throw new VersionChangeError("not-found", "No such consultation.");
  if (rows[0].archivedAt) throw new VersionChangeError("archived", "This consultation is archived: bring it back from the archive (Settings) to change its drafts.");
  const last = await tx.documentVersion.findFirst({ where: { consultationId }, orderBy: { number: "desc" }, select: { number: true } });
  return (last?.number ?? 0) + 1;
}

export type DraftImportPayload = DraftImport & { consultationId: string; note?: string; createdVersionId?: string };

/** The preview of an import: the sections as they would be saved, with the key each gets. */
export async function previewKeys(consultationId: string, sections: ImportedSection[]) {
  const previous = await latestVersion(consultationId);
  const keys = assignKeys(sections, previous?.sections ?? []);
  const headingOf = new Map(previous?.sections.map((s) => [s.key, s.heading]));
  return {
    nextNumber: (previous?.number ?? 0) + 1,
    previousNumber: previous?.number ?? null,
    keys: keys.map((k) => ({ key: k.key, continues: k.continues ? (headingOf.get(k.continues) ?? null) : null })),
  };
}

/**
 * Saves a confirmed import as the next version. Keys carry over from the latest version.
 * A second confirmation of the same import (a double click) returns the version the first made.
 */
export async function createVersionFromImport(input: {
  actorId: string;
  consultationId: string;
  importId: string;
  title: string;
  note: string;
  sections: ImportedSection[];
}): Promise<{ versionId: string; number: number }> {
  return db().$transaction(async (tx) => {
    const claimed = await tx.pendingImport.updateMany({
      where: { id: input.importId, kind: "draft", consultationId: input.consultationId, confirmedAt: null, discardedAt: null },
      data: { confirmedAt: new Date() },
    });
    const pending = await tx.pendingImport.findUniqueOrThrow({ where: { id: input.importId } });
    const payload = pending.payload as DraftImportPayload;
    if (claimed.count === 0) {
      const made = payload.createdVersionId ? await tx.documentVersion.findUnique({ where: { id: payload.createdVersionId } }) : null;
      if (made) return { versionId: made.id, number: made.number };
      throw new VersionChangeError("rule", "This import was discarded. Upload the draft again.");
    }
    const number = await lockConsultation(tx, input.consultationId);
    const previous = await tx.documentVersion.findFirst({
      where: { consultationId: input.consultationId },
      orderBy: { number: "desc" },
      include: { sections: { orderBy: { position: "asc" } } },
    });
    const keys = assignKeys(input.sections, previous?.sections ?? []);
    const version = await tx.documentVersion.create({
      data: {
        consultationId: input.consultationId,
        number,
        title: input.title,
        note: input.note,
        basedOnId: previous?.id ?? null,
        sections: {
          createMany: { data: input.sections.map((s, i) => ({ key: keys[i]!.key, position: i + 1, heading: s.heading, body: s.body })) },
        },
      },
    });
    await tx.pendingImport.update({ where: { id: pending.id }, data: { payload: { ...payload, createdVersionId: version.id } as Prisma.InputJsonValue } });
    await audit(tx, {
      actorId: input.actorId,
      action: "version.created",
      entityType: "DocumentVersion",
      entityId: version.id,
      consultationId: input.consultationId,
      data: {
        number,
        title: input.title,
        source: payload.source,
        file: pending.filename,
        sections: input.sections.length,
        basedOn: previous?.number ?? null,
        carriedOver: keys.filter((k) => k.continues).length,
      },
    });
    return { versionId: version.id, number };
  });
}

/**
 * Version N+1 as a copy of version `fromVersionId` (any earlier version, locked or not).
 * With `reuse`, a still-editable copy already made from it is returned instead (checked under
 * the consultation's lock, so a double click never starts two next drafts).
 */
export async function createVersionFrom(input: {
  actorId: string;
  consultationId: string;
  fromVersionId: string;
  reuse?: boolean;
}): Promise<{ versionId: string; number: number; reused?: boolean }> {
  return db().$transaction(async (tx) => {
    const number = await lockConsultation(tx, input.consultationId);
    if (input.reuse) {
      const started = await tx.documentVersion.findFirst({
        where: { consultationId: input.consultationId, basedOnId: input.fromVersionId, lockedAt: null, rounds: { none: {} } },
        orderBy: { number: "desc" },
      });
      if (started) return { versionId: started.id, number: started.number, reused: true };
    }
    const from = await tx.documentVersion.findFirst({
      where: { id: input.fromVersionId, consultationId: input.consultationId },
      include: { sections: { orderBy: { position: "asc" } } },
    });
    if (!from) throw new VersionChangeError("not-found", "No such version.");
    const version = await tx.documentVersion.create({
      data: {
        consultationId: input.consultationId,
        number,
        title: from.title,
        note: "",
        basedOnId: from.id,
        sections: {
          createMany: {
            data: from.sections.map((s, i) => ({
              key: s.key,
              position: i + 1,
              heading: s.heading,
              body: s.body,
              tags: s.tags,
              translations: s.translations as Prisma.InputJsonValue,
            })),
          },
        },
      },
    });
    await audit(tx, {
      actorId: input.actorId,
      action: "version.created",
      entityType: "DocumentVersion",
      entityId: version.id,
      consultationId: input.consultationId,
      data: { number, title: from.title, source: "copy", basedOn: from.number, sections: from.sections.length },
    });
    return { versionId: version.id, number };
  });
}

// ───────────────────────────── changing an unlocked version ─────────────────────────────

/** Locks the version's row for the change and refuses if a round uses it. */
async function unlockedVersion(tx: Tx, consultationId: string, versionId: string) {
  const rows = await tx.$queryRaw<Array<{ number: number; lockedAt: Date | null }>>`
    SELECT "number", "lockedAt" FROM "DocumentVersion" WHERE "id" = ${versionId} AND "consultationId" = ${consultationId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new VersionChangeError("not-found", "No such version.");
  const consultation = await tx.consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { archivedAt: true } });
  if (consultation.archivedAt) throw new VersionChangeError("archived", "This consultation is archived: bring it back from the archive (Settings) to change its drafts.");
  if (row.lockedAt || (await tx.round.count({ where: { versionId } })) > 0) throw new VersionChangeError("locked", lockedMessage(row.number));
  const sections = await tx.section.findMany({ where: { versionId }, orderBy: { position: "asc" } });
  return { number: row.number, sections };
}

function sectionOf<S extends { key: string }>(sections: S[], key: string): S {
  const section = sections.find((s) => s.key === key);
  if (!section) throw new VersionChangeError("not-found", "No such section in this version.");
  return section;
}

async function renumber(tx: Tx, keysInOrder: Array<{ id: string }>) {
  for (const [i, s] of keysInOrder.entries()) await tx.section.update({ where: { id: s.id }, data: { position: i + 1 } });
}

export type SectionEdit = { heading: string; body: string; tags: string[]; baseline: string };

export async function editSection(actorId: string, consultationId: string, versionId: string, key: string, edit: SectionEdit) {
  return db().$transaction(async (tx) => {
    const { number, sections } = await unlockedVersion(tx, consultationId, versionId);
    const section = sectionOf(sections, key);
    if (sectionBaseline(section) !== edit.baseline) {
      throw new VersionChangeError("changed", "Someone changed this section after you opened it. Your text is kept below: compare it with the saved text, then save again.");
    }
    const changed = (["heading", "body", "tags"] as const).filter((f) => JSON.stringify(section[f]) !== JSON.stringify(edit[f]));
    if (changed.length === 0) return { changed };
    await tx.section.update({ where: { id: section.id }, data: { heading: edit.heading, body: edit.body, tags: edit.tags } });
    await audit(tx, {
      actorId,
      action: "version.section-edited",
      entityType: "DocumentVersion",
      entityId: versionId,
      consultationId,
      data: { number, key, changed, ...(changed.includes("heading") ? { heading: { from: section.heading, to: edit.heading } } : {}) },
    });
    return { changed };
  });
}

/** Puts the sections in the given order of keys (all of them, each once). */
export async function reorderSections(actorId: string, consultationId: string, versionId: string, keys: string[]) {
  return db().$transaction(async (tx) => {
    const { number, sections } = await unlockedVersion(tx, consultationId, versionId);
    const current = sections.map((s) => s.key);
    if (keys.length !== current.length || new Set(keys).size !== keys.length || keys.some((k) => !current.includes(k))) {
      throw new VersionChangeError("changed", "The sections changed while you were reordering them. Look at the new order and try again.");
    }
    if (keys.every((k, i) => current[i] === k)) return;
    await renumber(tx, keys.map((k) => sectionOf(sections, k)));
    await audit(tx, {
      actorId,
      action: "version.sections-reordered",
      entityType: "DocumentVersion",
      entityId: versionId,
      consultationId,
      data: { number, from: current, to: keys },
    });
  });
}

export async function moveSection(actorId: string, consultationId: string, versionId: string, key: string, direction: "up" | "down") {
  const sections = await db().section.findMany({ where: { versionId }, orderBy: { position: "asc" }, select: { key: true } });
  const keys = sections.map((s) => s.key);
  if (!keys.includes(key)) throw new VersionChangeError("not-found", "No such section in this version.");
  return reorderSections(actorId, consultationId, versionId, moveKey(keys, key, direction));
}

/** Splits before paragraph `at`: the first part keeps the key, the rest is a new section. */
export async function splitSection(actorId: string, consultationId: string, versionId: string, key: string, at: number, heading: string) {
  return db().$transaction(async (tx) => {
    const { number, sections } = await unlockedVersion(tx, consultationId, versionId);
    const section = sectionOf(sections, key);
    let first: string, second: string;
    try {
      [first, second] = splitBody(section.body, at);
    } catch (error) {
      if (error instanceof SectionRuleError) throw new VersionChangeError("rule", error.message);
      throw error;
    }
    const [firstTranslations, secondTranslations] = splitTranslations(section.translations, at, paragraphs(section.body).length);
    const newKey = uniqueKey(keySlug(heading), new Set(sections.map((s) => s.key)));
    await tx.section.update({ where: { id: section.id }, data: { body: first, translations: firstTranslations } });
    const created = await tx.section.create({
      data: { versionId, key: newKey, position: section.position + 1, heading, body: second, tags: section.tags, translations: secondTranslations },
    });
    const order = sections.flatMap((s) => (s.id === section.id ? [s, created] : [s]));
    await renumber(tx, order);
    await audit(tx, {
      actorId,
      action: "version.section-split",
      entityType: "DocumentVersion",
      entityId: versionId,
      consultationId,
      data: { number, key, newKey, at, heading },
    });
    return { newKey };
  });
}

/** Merges a section with the next one; the first keeps its key, the second's text follows under its heading. */
export async function mergeWithNext(actorId: string, consultationId: string, versionId: string, key: string) {
  return db().$transaction(async (tx) => {
    const { number, sections } = await unlockedVersion(tx, consultationId, versionId);
    const first = sectionOf(sections, key);
    const second = sections[sections.indexOf(first) + 1];
    if (!second) throw new VersionChangeError("rule", "This is the last section: there is no next section to merge it with.");
    await tx.section.update({
      where: { id: first.id },
      data: {
        body: mergeBodies(first, second),
        tags: [...new Set([...first.tags, ...second.tags])],
        translations: mergeTranslations(first.translations, second.translations, second.heading),
      },
    });
    await tx.section.delete({ where: { id: second.id } });
    await renumber(tx, sections.filter((s) => s.id !== second.id));
    await audit(tx, {
      actorId,
      action: "version.sections-merged",
      entityType: "DocumentVersion",
      entityId: versionId,
      consultationId,
      data: { number, key, mergedKey: second.key, mergedHeading: second.heading },
    });
    return { key };
  });
}

// ───────────────────────────── imports awaiting confirmation ─────────────────────────────

export async function storeDraftImport(input: { actorId: string; consultationId: string; filename: string; draft: DraftImport }) {
  const payload: DraftImportPayload = { ...input.draft, consultationId: input.consultationId };
  return db().pendingImport.create({
    data: { kind: "draft", consultationId: input.consultationId, createdById: input.actorId, filename: input.filename, payload: payload as Prisma.InputJsonValue },
  });
}

export async function loadDraftImport(consultationId: string, importId: string) {
  const pending = await db().pendingImport.findUnique({ where: { id: importId } });
  if (!pending || pending.kind !== "draft" || pending.consultationId !== consultationId) return null;
  return { ...pending, payload: pending.payload as DraftImportPayload };
}

/** Keeps the coordinator's edits to the preview (an "update the preview" post). */
export async function updateDraftImport(importId: string, edits: { title: string; note: string; sections: ImportedSection[] }) {
  return db().$transaction(async (tx) => {
    const pending = await tx.pendingImport.findUniqueOrThrow({ where: { id: importId } });
    if (pending.confirmedAt || pending.discardedAt) return false;
    const payload = pending.payload as DraftImportPayload;
    await tx.pendingImport.update({ where: { id: importId }, data: { payload: { ...payload, ...edits } as Prisma.InputJsonValue } });
    return true;
  });
}

export async function discardDraftImport(importId: string) {
  await db().pendingImport.updateMany({ where: { id: importId, kind: "draft", confirmedAt: null, discardedAt: null }, data: { discardedAt: new Date() } });
}

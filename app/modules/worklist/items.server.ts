/**
 * Worklist items: proposed from answers or by hand (coordinators and analysts), decided by
 * coordinators. Every change is audited in its transaction. Two coordinators deciding one item
 * at once: the update names the revision the form was read at (`WHERE revision = n`), so the
 * second one changes nothing and is told what the first decided — no decision is lost silently.
 */
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";
import { DECISION_ACTIONS } from "./history";
import { isResolvable, statusLabel, type ItemDecisionInput, type NewItemInput } from "./schemas";

export type ItemError = { errors: Record<string, string> };

/** Answers of this consultation's submitted responses only: ids from a form are not trusted. */
async function sourceAnswers(consultationId: string, answerIds: string[]) {
  if (answerIds.length === 0) return [];
  return db().answer.findMany({
    where: { id: { in: answerIds }, response: { status: "SUBMITTED", round: { consultationId } } },
    select: { id: true, response: { select: { roundId: true } }, question: { select: { section: { select: { key: true } } } } },
  });
}

export async function createItem(actorId: string, consultationId: string, input: NewItemInput): Promise<{ ok: true; id: string } | ({ ok: false } & ItemError)> {
  const answers = await sourceAnswers(consultationId, input.answerId);
  if (answers.length !== input.answerId.length) return { ok: false, errors: { form: "Some of the chosen answers no longer exist or are not submitted. Choose them again." } };
  const roundIds = new Set(answers.map((a) => a.response.roundId));
  // An item needs its round to reach the summary, the compare page and the resolve step:
  // the one chosen, else the one its answers share, else (by hand) the latest.
  const roundId = input.roundId || (roundIds.size === 1 ? [...roundIds][0]! : answers.length === 0 ? ((await latestRoundId(consultationId)) ?? "") : "");
  const round = roundId ? await db().round.findFirst({ where: { id: roundId, consultationId }, select: { id: true, versionId: true, number: true } }) : null;
  if (roundId && !round) return { ok: false, errors: { roundId: "Choose a round of this consultation" } };
  if (input.sectionKey) {
    const section = await db().section.findFirst({
      where: round ? { versionId: round.versionId, key: input.sectionKey } : { key: input.sectionKey, version: { consultationId } },
      select: { id: true },
    });
    if (!section) {
      return { ok: false, errors: { sectionKey: round ? `Choose a section of the draft that round ${round.number} asked about` : "Choose a section of the document" } };
    }
  }
  const ownerId = input.ownerId || null;
  if (ownerId && !(await isTeamMember(consultationId, ownerId))) return { ok: false, errors: { ownerId: "Choose an owner from the team" } };
  const item = await db().$transaction(async (tx) => {
    const created = await tx.worklistItem.create({
      data: {
        consultationId,
        roundId: roundId || null,
        sectionKey: input.sectionKey || null,
        summary: input.summary,
        type: input.type,
        priority: input.priority,
        ownerId,
        sources: { createMany: { data: answers.map((a) => ({ answerId: a.id })) } },
      },
    });
    await audit(tx, {
      actorId,
      action: "worklist.created",
      entityType: "WorklistItem",
      entityId: created.id,
      consultationId,
      data: { summary: created.summary, sectionKey: created.sectionKey, type: created.type, priority: created.priority, answers: answers.map((a) => a.id) },
    });
    return created;
  });
  return { ok: true, id: item.id };
}

export async function latestRoundId(consultationId: string) {
  return (await db().round.findFirst({ where: { consultationId }, orderBy: { number: "desc" }, select: { id: true } }))?.id ?? null;
}

async function isTeamMember(consultationId: string, userId: string) {
  const user = await db().user.findFirst({
    where: { id: userId, OR: [{ isAdmin: true }, { memberships: { some: { consultationId } } }] },
    select: { id: true },
  });
  return Boolean(user);
}

/** The people an item may be given to: the consultation's team. */
export function teamMembers(consultationId: string) {
  return db().user.findMany({
    where: { memberships: { some: { consultationId } }, disabledAt: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

export type DecideResult =
  | { ok: true; revision: number }
  | ({ ok: false; conflict?: false } & ItemError)
  | { ok: false; conflict: true; current: Awaited<ReturnType<typeof loadItem>> };

const FIELDS = ["summary", "type", "priority", "ownerId", "status", "rationale"] as const;

/**
 * Saves the coordinator's changes if nobody saved since `input.revision` was read. The check
 * and the write are one UPDATE, so of two coordinators deciding at once exactly one wins.
 */
export async function decideItem(actorId: string, consultationId: string, itemId: string, input: ItemDecisionInput): Promise<DecideResult> {
  const ownerId = input.ownerId || null;
  if (ownerId && !(await isTeamMember(consultationId, ownerId))) return { ok: false, errors: { ownerId: "Choose an owner from the team" } };
  const outcome = await db().$transaction(async (tx) => {
    const before = await tx.worklistItem.findFirst({ where: { id: itemId, consultationId }, include: { resolvedInVersion: { select: { number: true } } } });
    if (!before) return null;
    if (before.resolvedInVersion && !isResolvable(input.status) && before.revision === input.revision) {
      const n = before.resolvedInVersion.number;
      return { status: `This item is done in version ${n}. To change its decision to “${statusLabel(input.status)}”, first untick it on the page comparing version ${n} with its base.` };
    }
    const after = { summary: input.summary, type: input.type, priority: input.priority, ownerId, status: input.status, rationale: input.rationale };
    const changed: Prisma.InputJsonObject = Object.fromEntries(
      FIELDS.filter((f) => before[f] !== after[f]).map((f) => [f, { from: before[f], to: after[f] }]),
    );
    const updated = await tx.worklistItem.updateMany({
      where: { id: itemId, revision: input.revision },
      data: { ...after, revision: { increment: 1 } },
    });
    if (updated.count === 0) return "conflict" as const;
    const decided = "status" in changed || "rationale" in changed;
    await audit(tx, {
      actorId,
      action: decided ? "worklist.decided" : "worklist.updated",
      entityType: "WorklistItem",
      entityId: itemId,
      consultationId,
      data: { revision: input.revision + 1, changed, ...(decided ? { status: after.status, rationale: after.rationale } : {}) },
    });
    return input.revision + 1;
  });
  if (outcome === null) return { ok: false, errors: { form: "No such worklist item." } };
  if (typeof outcome === "object") return { ok: false, errors: outcome };
  if (outcome === "conflict") return { ok: false, conflict: true, current: await loadItem(consultationId, itemId) };
  return { ok: true, revision: outcome };
}

export function loadItem(consultationId: string, itemId: string) {
  return db().worklistItem.findFirst({
    where: { id: itemId, consultationId },
    include: {
      owner: { select: { id: true, name: true } },
      round: { select: { id: true, title: true, versionId: true } },
      resolvedInVersion: { select: { number: true, title: true } },
    },
  });
}

/** The last decision's author and time, from the audit log (the item itself keeps no history); marking it done in a version is one. */
export async function lastDecision(itemId: string) {
  return db().auditEvent.findFirst({
    where: { entityType: "WorklistItem", entityId: itemId, action: { in: DECISION_ACTIONS } },
    orderBy: { at: "desc" },
    include: { actor: { select: { name: true } } },
  });
}

export function itemHistory(itemId: string) {
  return db().auditEvent.findMany({
    where: { entityType: "WorklistItem", entityId: itemId },
    orderBy: { at: "desc" },
    take: 50,
    include: { actor: { select: { name: true } } },
  });
}

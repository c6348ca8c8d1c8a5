/**
 * Linking a change in the next draft to the worklist items it resolves: a ticked item is done
 * in that version (`resolvedInVersionId`) and keeps its decision; an unticked one is no longer
 * done. Only accepted items (with or without changes) can be done by a change. Only items
 * raised in rounds on the base version, about the section shown, can be linked. Each item is
 * changed only at the revision the form showed (as deciding it is, decision 009): an item
 * someone decided meanwhile stops the whole save with a 409 naming their decision. One
 * transaction, one audit entry per item.
 */
import { audit } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";
import { formatDateTime } from "~/modules/round/dates";
import { describeItemEvent } from "~/modules/worklist/history";
import { lastDecision } from "~/modules/worklist/items.server";
import { decisionLabel, isResolvable, statusLabel } from "~/modules/worklist/schemas";

export class ResolveError extends Error {
  override name = "ResolveError";
  constructor(
    message: string,
    readonly status: 400 | 409 = 400,
  ) {
    super(message);
  }
}

class Changed extends Error {
  constructor(readonly itemId: string) {
    super("changed meanwhile");
  }
}

export async function resolveItems(input: {
  actorId: string;
  consultationId: string;
  versionId: string;
  /** null: items about the document as a whole. */
  sectionKey: string | null;
  /** The items the form showed, at the revision it showed, and those of them ticked. */
  shown: Array<{ id: string; revision: number }>;
  resolved: string[];
}): Promise<{ resolved: number; reopened: number }> {
  try {
    return await save(input);
  } catch (error) {
    if (error instanceof Changed) throw await conflict(input.consultationId, error.itemId);
    throw error;
  }
}

async function save(input: Parameters<typeof resolveItems>[0]) {
  return db().$transaction(async (tx) => {
    const version = await tx.documentVersion.findFirst({
      where: { id: input.versionId, consultationId: input.consultationId },
      select: { id: true, number: true, basedOnId: true, consultation: { select: { archivedAt: true } } },
    });
    if (!version || !version.basedOnId) throw new ResolveError("This version was not made from an earlier one, so it resolves no worklist items.");
    if (version.consultation.archivedAt) throw new ResolveError("This consultation is archived: it is read-only.");
    const shownIds = input.shown.map((s) => s.id);
    const items = await tx.worklistItem.findMany({
      where: { id: { in: shownIds }, consultationId: input.consultationId, sectionKey: input.sectionKey, round: { versionId: version.basedOnId } },
      include: { resolvedInVersion: { select: { number: true } } },
    });
    if (items.length !== new Set(shownIds).size) throw new ResolveError("Some of these worklist items changed or no longer belong to this section. Look at the list again.", 409);
    const shownAt = new Map(input.shown.map((s) => [s.id, s.revision]));
    let resolved = 0;
    let reopened = 0;
    for (const item of items) {
      const ticked = input.resolved.includes(item.id);
      const resolvedHere = item.resolvedInVersionId === version.id;
      if (ticked === resolvedHere) continue;
      // Decided by someone else since the page was read: their decision is what to look at, not this form's.
      if (item.revision !== shownAt.get(item.id)) throw new Changed(item.id);
      if (ticked && item.resolvedInVersion) throw new ResolveError(`“${item.summary}” is already done in version ${item.resolvedInVersion.number}.`);
      if (ticked && !isResolvable(item.status)) {
        throw new ResolveError(
          `“${item.summary}” is ${statusLabel(item.status).toLowerCase()}: only an accepted item (with or without changes) can be done by a change. Decide it on its worklist page first.`,
        );
      }
      // The check and the write are one UPDATE, so a decision saved at the same moment is never overwritten.
      const updated = await tx.worklistItem.updateMany({
        where: { id: item.id, revision: shownAt.get(item.id) },
        data: { resolvedInVersionId: ticked ? version.id : null, revision: { increment: 1 } },
      });
      if (updated.count === 0) throw new Changed(item.id);
      await audit(tx, {
        actorId: input.actorId,
        action: ticked ? "worklist-item.resolved" : "worklist-item.unresolved",
        entityType: "WorklistItem",
        entityId: item.id,
        consultationId: input.consultationId,
        data: { version: version.number, sectionKey: item.sectionKey, status: item.status, revision: item.revision + 1 },
      });
      if (ticked) resolved++;
      else reopened++;
    }
    return { resolved, reopened };
  });
}

/** The 409: who changed the item meanwhile, and what it is now. Nothing of this save was kept. */
async function conflict(consultationId: string, itemId: string) {
  const [item, last] = await Promise.all([
    db().worklistItem.findFirst({
      where: { id: itemId, consultationId },
      include: { resolvedInVersion: { select: { number: true } }, consultation: { select: { timeZone: true } } },
    }),
    lastDecision(itemId),
  ]);
  if (!item) return new ResolveError("A worklist item of this section no longer exists. Nothing was saved: look at the list again.", 409);
  const who = last
    ? ` ${last.actor?.name ?? "someone"} (${describeItemEvent(last.action, last.data as Record<string, unknown>)}, ${formatDateTime(last.at, item.consultation.timeZone)})`
    : " another coordinator";
  return new ResolveError(
    `“${item.summary}” was changed by${who} while you were looking at this page; it is now ${decisionLabel(item.status, item.resolvedInVersion?.number).toLowerCase()}. Nothing was saved: check the items below and save again.`,
    409,
  );
}

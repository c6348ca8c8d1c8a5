/**
 * Linking a change in the next draft to the worklist items it resolves: a ticked item becomes
 * DONE, resolved in that version; an unticked one goes back to the decision it had before.
 * Only items raised in rounds on the base version, about the section shown, can be linked.
 * One transaction, one audit entry per item.
 */
import type { Prisma } from "~/generated/prisma/client";
import type { WorklistStatus } from "~/generated/prisma/enums";
import { audit } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";

export class ResolveError extends Error {
  override name = "ResolveError";
}

export async function resolveItems(input: {
  actorId: string;
  consultationId: string;
  versionId: string;
  /** null: items about the document as a whole. */
  sectionKey: string | null;
  /** The items the form showed, and those of them ticked. */
  shown: string[];
  resolved: string[];
}): Promise<{ resolved: number; reopened: number }> {
  return db().$transaction(async (tx) => {
    const version = await tx.documentVersion.findFirst({
      where: { id: input.versionId, consultationId: input.consultationId },
      select: { id: true, number: true, basedOnId: true, consultation: { select: { archivedAt: true } } },
    });
    if (!version || !version.basedOnId) throw new ResolveError("This version was not made from an earlier one, so it resolves no worklist items.");
    if (version.consultation.archivedAt) throw new ResolveError("This consultation is archived: it is read-only.");
    const items = await tx.worklistItem.findMany({
      where: { id: { in: input.shown }, consultationId: input.consultationId, sectionKey: input.sectionKey, round: { versionId: version.basedOnId } },
    });
    if (items.length !== new Set(input.shown).size) throw new ResolveError("Some of these worklist items changed or no longer belong to this section. Look at the list again.");
    let resolved = 0;
    let reopened = 0;
    for (const item of items) {
      const ticked = input.resolved.includes(item.id);
      const resolvedHere = item.status === "DONE" && item.resolvedInVersionId === version.id;
      if (ticked && !resolvedHere) {
        if (item.status === "DONE") throw new ResolveError(`“${item.summary}” is already done in another version.`);
        await tx.worklistItem.update({ where: { id: item.id }, data: { status: "DONE", resolvedInVersionId: version.id, revision: { increment: 1 } } });
        await audit(tx, {
          actorId: input.actorId,
          action: "worklist-item.resolved",
          entityType: "WorklistItem",
          entityId: item.id,
          consultationId: input.consultationId,
          data: { version: version.number, sectionKey: item.sectionKey, from: item.status },
        });
        resolved++;
      } else if (!ticked && resolvedHere) {
        const status = await statusBefore(tx, item.id);
        await tx.worklistItem.update({ where: { id: item.id }, data: { status, resolvedInVersionId: null, revision: { increment: 1 } } });
        await audit(tx, {
          actorId: input.actorId,
          action: "worklist-item.unresolved",
          entityType: "WorklistItem",
          entityId: item.id,
          consultationId: input.consultationId,
          data: { version: version.number, sectionKey: item.sectionKey, to: status },
        });
        reopened++;
      }
    }
    return { resolved, reopened };
  });
}

/** The decision an item had before it was marked done (kept in the audit entry). */
async function statusBefore(tx: Prisma.TransactionClient, itemId: string): Promise<WorklistStatus> {
  const last = await tx.auditEvent.findFirst({ where: { entityType: "WorklistItem", entityId: itemId, action: "worklist-item.resolved" }, orderBy: { at: "desc" } });
  const from = (last?.data as { from?: WorklistStatus } | null)?.from;
  return from && from !== "DONE" ? from : "ACCEPTED";
}

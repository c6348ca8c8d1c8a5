/** Tags of a consultation's answers: created inline by name, applied to many answers at once. */
import { auditMany } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";

export function consultationTags(consultationId: string) {
  return db().tag.findMany({ where: { consultationId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/**
 * Tags the answers with an existing tag (`tagId`) or one named now (`newTag`, reused when
 * the name exists, case-insensitively). Already-tagged answers are left as they are.
 */
export async function applyTag(actorId: string, consultationId: string, answerIds: string[], tag: { tagId?: string; newTag?: string }) {
  return db().$transaction(async (tx) => {
    let found = tag.tagId ? await tx.tag.findFirst({ where: { id: tag.tagId, consultationId } }) : null;
    const name = tag.newTag?.trim();
    if (!found && name) {
      found =
        (await tx.tag.findFirst({ where: { consultationId, name: { equals: name, mode: "insensitive" } } })) ??
        (await tx.tag.upsert({ where: { consultationId_name: { consultationId, name } }, create: { consultationId, name }, update: {} }));
    }
    if (!found) return null;
    const added = await tx.answerTag.createMany({ data: answerIds.map((answerId) => ({ answerId, tagId: found.id })), skipDuplicates: true });
    await auditMany(tx, [
      { actorId, action: "answer.tagged", entityType: "Tag", entityId: found.id, consultationId, data: { tag: found.name, answers: answerIds, added: added.count } },
    ]);
    return { tag: found, added: added.count };
  });
}

export async function removeTag(actorId: string, consultationId: string, answerId: string, tagId: string) {
  return db().$transaction(async (tx) => {
    const removed = await tx.answerTag.deleteMany({ where: { answerId, tagId, tag: { consultationId } } });
    if (removed.count > 0) {
      await auditMany(tx, [{ actorId, action: "answer.untagged", entityType: "Tag", entityId: tagId, consultationId, data: { answers: [answerId] } }]);
    }
    return removed.count;
  });
}

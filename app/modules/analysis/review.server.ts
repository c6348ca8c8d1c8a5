/** The "reviewed" mark on written answers: who read it and when, set or cleared in bulk. */
import { auditMany } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";
import { forgetReviewedCounts } from "./text-answers.server";

export async function markReviewed(actorId: string, consultationId: string, roundId: string, answerIds: string[], reviewed: boolean) {
  const count = await db().$transaction(async (tx) => {
    const changed = await tx.answer.updateMany({
      where: { id: { in: answerIds }, reviewedAt: reviewed ? null : { not: null } },
      data: reviewed ? { reviewedAt: new Date(), reviewedById: actorId } : { reviewedAt: null, reviewedById: null },
    });
    await auditMany(tx, [
      {
        actorId,
        action: reviewed ? "answer.reviewed" : "answer.unreviewed",
        entityType: "Answer",
        entityId: answerIds.length === 1 ? answerIds[0]! : `${answerIds.length} answers`,
        consultationId,
        data: { answers: answerIds, changed: changed.count },
      },
    ]);
    return changed.count;
  });
  forgetReviewedCounts([roundId]);
  return count;
}

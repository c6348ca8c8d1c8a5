/**
 * Saving answers (submitting is in submission.server.ts). One response per organisation per round; it is
 * created by the first save. Every change leaves an audit entry in the same transaction.
 */
import { audit } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";
import type { AnswerValue } from "~/modules/questionnaire/questions";
import type { RespondentRound } from "./respondent-round.server";

export async function saveAnswers(input: {
  round: RespondentRound;
  userId: string;
  values: Map<string, AnswerValue>;
}) {
  const { round, userId, values } = input;
  const invitation = await db().invitation.findUniqueOrThrow({ where: { id: round.invitationId }, include: { round: true } });
  return db().$transaction(async (tx) => {
    const response = await tx.response.upsert({
      where: { roundId_organisationId: { roundId: round.round.id, organisationId: round.organisation.id } },
      create: { roundId: round.round.id, organisationId: round.organisation.id },
      update: {},
    });
    for (const [questionId, value] of values) {
      await tx.answer.upsert({
        where: { responseId_questionId: { responseId: response.id, questionId } },
        create: { responseId: response.id, questionId, choices: value.choices, text: value.text, updatedById: userId },
        update: { choices: value.choices, text: value.text, updatedById: userId, revision: { increment: 1 } },
      });
    }
    await tx.response.update({ where: { id: response.id }, data: { updatedAt: new Date() } });
    await audit(tx, {
      actorId: userId,
      action: "response.answers-saved",
      entityType: "Response",
      entityId: response.id,
      consultationId: invitation.round.consultationId,
      data: { questions: [...values.keys()] },
    });
    return response;
  });
}

/**
 * Submitting a response (saving answers is in save.server.ts). Every change leaves an audit
 * entry in the same transaction.
 */
import type { Attribution } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { env } from "~/modules/config/env.server";
import { db } from "~/modules/db/client.server";
import { queueEmail } from "~/modules/mail/outbox.server";
import type { RespondentRound } from "./respondent-round.server";

export async function submitResponse(input: {
  round: RespondentRound;
  userId: string;
  attribution: Attribution;
  consentToPublish: boolean;
  formatDate: (d: Date) => string;
}) {
  const { round, userId } = input;
  const responseId = round.response?.id;
  if (!responseId) throw new Error("Nothing to submit: no answer has been saved yet.");
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  const consultationId = (await db().round.findUniqueOrThrow({ where: { id: round.round.id } })).consultationId;
  const now = new Date();

  const snapshot = round.sections.flatMap((s) =>
    s.questions
      .filter((q) => round.answers.has(q.id))
      .map((q) => ({ questionId: q.id, choices: round.answers.get(q.id)!.choices, text: round.answers.get(q.id)!.text })),
  );
  const receiptLines = round.sections.flatMap((s) =>
    s.questions.map((q) => {
      const value = round.answers.get(q.id);
      const chosen = value?.choices.map((id) => q.options.find((o) => o.id === id)?.label ?? id).join("; ");
      return { section: s.heading, question: q.prompt, answer: (value?.text ?? chosen) || "(no answer)" };
    }),
  );

  return db().$transaction(async (tx) => {
    // Two submits at once (a double click) queue here, so each gets its own version number.
    await tx.$queryRaw`SELECT id FROM "Response" WHERE id = ${responseId} FOR UPDATE`;
    const count = await tx.responseSubmission.count({ where: { responseId } });
    const submission = await tx.responseSubmission.create({
      data: {
        responseId,
        number: count + 1,
        submittedAt: now,
        submittedById: userId,
        attribution: input.attribution,
        consentToPublish: input.consentToPublish,
        answers: snapshot,
      },
    });
    await tx.response.update({
      where: { id: responseId },
      data: {
        status: "SUBMITTED",
        attribution: input.attribution,
        consentToPublish: input.consentToPublish,
        submittedAt: now,
        submittedById: userId,
        withdrawnAt: null,
      },
    });
    await audit(tx, {
      actorId: userId,
      action: "response.submitted",
      entityType: "Response",
      entityId: responseId,
      consultationId,
      data: { submission: submission.number, attribution: input.attribution, consentToPublish: input.consentToPublish },
    });
    await queueEmail(tx, {
      template: "submission-receipt",
      to: user.email,
      language: user.language,
      props: {
        contactName: user.name,
        organisationName: round.organisation.name,
        roundTitle: round.round.title,
        submittedAtText: input.formatDate(now),
        answers: receiptLines,
        link: `${env().APP_URL}/respond/${round.invitationId}/review`,
        language: user.language,
      },
    });
    return submission;
  });
}

/**
 * Views received outside the platform (a letter, a note verbale, an email, a meeting): a
 * coordinator records them on behalf of the organisation. They become an ordinary submitted
 * response, marked with its channel and date, with the original file attached, so they
 * count everywhere like the others.
 */
import crypto from "node:crypto";
import type { Attribution, Prisma, ResponseChannel } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";
import type { AnswerValue } from "~/modules/questionnaire/questions";

export type OriginalFile = { filename: string; mediaType: string; content: Buffer };

type Tx = Prisma.TransactionClient;

/** Merges answers into the organisation's response (created if needed) and submits it. */
export async function storeAndSubmit(
  tx: Tx,
  input: {
    roundId: string;
    organisationId: string;
    actorId: string;
    channel: ResponseChannel;
    receivedAt: Date;
    attribution: Attribution;
    consentToPublish: boolean;
    answers: Map<string, AnswerValue>;
    file?: OriginalFile;
  },
) {
  const response = await tx.response.upsert({
    where: { roundId_organisationId: { roundId: input.roundId, organisationId: input.organisationId } },
    create: { roundId: input.roundId, organisationId: input.organisationId },
    update: {},
  });
  for (const [questionId, value] of input.answers) {
    await tx.answer.upsert({
      where: { responseId_questionId: { responseId: response.id, questionId } },
      create: { responseId: response.id, questionId, choices: value.choices, text: value.text, updatedById: input.actorId },
      update: { choices: value.choices, text: value.text, updatedById: input.actorId, revision: { increment: 1 } },
    });
  }
  if (input.file) {
    await tx.attachment.create({
      data: {
        responseId: response.id,
        filename: input.file.filename,
        mediaType: input.file.mediaType,
        size: input.file.content.length,
        sha256: crypto.createHash("sha256").update(input.file.content).digest("hex"),
        content: new Uint8Array(input.file.content),
        uploadedById: input.actorId,
      },
    });
  }
  await tx.$queryRaw`SELECT id FROM "Response" WHERE id = ${response.id} FOR UPDATE`;
  const answers = await tx.answer.findMany({ where: { responseId: response.id }, select: { questionId: true, choices: true, text: true } });
  const count = await tx.responseSubmission.count({ where: { responseId: response.id } });
  await tx.responseSubmission.create({
    data: {
      responseId: response.id,
      number: count + 1,
      submittedAt: input.receivedAt,
      submittedById: input.actorId,
      attribution: input.attribution,
      consentToPublish: input.consentToPublish,
      answers,
    },
  });
  await tx.response.update({
    where: { id: response.id },
    data: {
      status: "SUBMITTED",
      channel: input.channel,
      receivedAt: input.receivedAt,
      recordedById: input.actorId,
      attribution: input.attribution,
      consentToPublish: input.consentToPublish,
      submittedAt: input.receivedAt,
      submittedById: input.actorId,
      withdrawnAt: null,
    },
  });
  return response;
}

export async function recordOfflineResponse(input: {
  consultationId: string;
  roundId: string;
  organisationId: string;
  actorId: string;
  channel: ResponseChannel;
  receivedAt: Date;
  attribution: Attribution;
  consentToPublish: boolean;
  answers: Map<string, AnswerValue>;
  file?: OriginalFile;
}) {
  return db().$transaction(async (tx) => {
    const response = await storeAndSubmit(tx, input);
    await audit(tx, {
      actorId: input.actorId,
      action: "response.recorded-offline",
      entityType: "Response",
      entityId: response.id,
      consultationId: input.consultationId,
      data: {
        organisationId: input.organisationId,
        channel: input.channel,
        receivedAt: input.receivedAt.toISOString(),
        answers: input.answers.size,
        file: input.file?.filename ?? null,
      },
    });
    return response;
  });
}


/**
 * Views received outside the platform (a letter, a note verbale, an email, a meeting): a
 * coordinator records them on behalf of the organisation. They become an ordinary submitted
 * response, marked with its channel and date, with the original file attached, so they
 * count everywhere like the others.
 */
import crypto from "node:crypto";
import type { Attribution, Prisma, ResponseChannel, RoundStatus } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";
import type { AnswerValue } from "~/modules/questionnaire/questions";
import { OFFLINE_CHANNELS } from "./offline-schema";

export type OriginalFile = { filename: string; mediaType: string; content: Buffer };

type Tx = Prisma.TransactionClient;

/** Why views cannot be recorded in this round, or null when they can. */
export function recordingRefusal(round: { status: RoundStatus }): string | null {
  if (round.status === "DRAFT") return "This round is still a draft: views can be recorded once it is scheduled or open.";
  if (round.status === "ARCHIVED") return "This round is archived: it is read-only, so no views can be recorded in it.";
  return null;
}

/** The line that separates views added to an answer the organisation had already given. */
export function addedMarker(channel: ResponseChannel, receivedAt: Date) {
  const label = OFFLINE_CHANNELS.find((c) => c.id === channel)?.label ?? channel;
  return `— Added: ${label}, received ${receivedAt.toISOString().slice(0, 10)} —`;
}

/**
 * Merges answers into the organisation's response (created if needed) and submits it. What the
 * organisation already wrote (a draft, an earlier submission, an earlier table) is never lost:
 * new text goes after it, under a marker naming the channel and date, and a choice already made
 * stays (the questions where the new one differed are returned, for the audit entry).
 */
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
  // Locked before reading the answers (as save_answers does): a racing autosave of the draft
  // waits, then its revision check reports the added text as a conflict instead of overwriting it.
  await tx.$queryRaw`SELECT id FROM "Response" WHERE id = ${response.id} FOR UPDATE`;
  const existing = new Map(
    (await tx.answer.findMany({ where: { responseId: response.id, questionId: { in: [...input.answers.keys()] } }, select: { questionId: true, choices: true, text: true } })).map(
      (a) => [a.questionId, a],
    ),
  );
  const appendedTo: string[] = [];
  const keptChoices: string[] = [];
  for (const [questionId, value] of input.answers) {
    const before = existing.get(questionId);
    if (!before) {
      await tx.answer.create({ data: { responseId: response.id, questionId, choices: value.choices, text: value.text, updatedById: input.actorId } });
      continue;
    }
    const oldText = before.text?.trim() ?? "";
    const newText = value.text?.trim() ?? "";
    const text = !newText ? before.text : !oldText ? newText : `${oldText}\n\n${addedMarker(input.channel, input.receivedAt)}\n\n${newText}`;
    if (oldText && newText) appendedTo.push(questionId);
    const choices = before.choices.length > 0 ? before.choices : value.choices;
    if (before.choices.length > 0 && value.choices.length > 0 && before.choices.join() !== value.choices.join()) keptChoices.push(questionId);
    if (text === before.text && choices.join() === before.choices.join()) continue;
    await tx.answer.update({
      where: { responseId_questionId: { responseId: response.id, questionId } },
      data: { choices, text, updatedById: input.actorId, revision: { increment: 1 } },
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
  const answers = await tx.answer.findMany({ where: { responseId: response.id }, select: { questionId: true, choices: true, text: true } });
  const count = await tx.responseSubmission.count({ where: { responseId: response.id } });
  const attachments = await tx.attachment.findMany({ where: { responseId: response.id, removedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true } });
  await tx.responseSubmission.create({
    data: {
      responseId: response.id,
      number: count + 1,
      submittedAt: input.receivedAt,
      submittedById: input.actorId,
      attribution: input.attribution,
      consentToPublish: input.consentToPublish,
      answers,
      attachmentIds: attachments.map((a) => a.id),
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
  return { response, appendedTo, keptChoices };
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
    const { response, appendedTo, keptChoices } = await storeAndSubmit(tx, input);
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
        appendedTo,
        keptChoices,
        file: input.file?.filename ?? null,
      },
    });
    return response;
  });
}


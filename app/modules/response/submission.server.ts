/**
 * Submitting and withdrawing an organisation's response. Each submit keeps a frozen copy of
 * the answers as a new numbered version; a replayed submit (a double click, a reload of the
 * posted page) is recognised by its key and answered with the first result. Every change is
 * audited, and receipts queued, in the same transaction.
 */
import type { Attribution, Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { env } from "~/modules/config/env.server";
import { db } from "~/modules/db/client.server";
import { isLanguage, localeOf } from "~/modules/i18n/languages";
import { queueEmail } from "~/modules/mail/outbox.server";
import { firstQuestionNumbers } from "~/modules/questionnaire/numbering";
import { formatDateTime, isTimeZone } from "~/modules/round/dates";
import { formatSize } from "./attachment-rules";
import type { RespondentRound } from "./respondent-round.server";

/**
 * Changes made after a submission wait in AnswerDraft (the coordinators keep seeing what was
 * submitted); submitting again or withdrawing makes them the answers. SQL function of
 * migration 20261129170000_answer_drafts.
 */
async function applyAnswerDrafts(tx: Prisma.TransactionClient, responseId: string) {
  await tx.$queryRaw`SELECT apply_answer_drafts(${responseId})`;
}

/** The versions submitted so far, newest first, with who submitted each. */
export async function submissionsOf(responseId: string | undefined) {
  if (!responseId) return [];
  const rows = await db().responseSubmission.findMany({
    where: { responseId },
    orderBy: { number: "desc" },
    select: { number: true, submittedAt: true, submittedById: true, attachmentIds: true },
  });
  const users = await db().user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.submittedById))] } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({ number: r.number, submittedAt: r.submittedAt, by: names.get(r.submittedById) ?? null, attachmentIds: r.attachmentIds }));
}

/** When a withdrawn response was withdrawn. */
export async function withdrawnAtOf(responseId: string) {
  return (await db().response.findUnique({ where: { id: responseId }, select: { withdrawnAt: true } }))?.withdrawnAt ?? null;
}

/** The names of the organisation's contacts who may submit. */
export async function submitterNames(organisationId: string) {
  const contacts = await db().contact.findMany({
    where: { organisationId, role: "SUBMITTER" },
    include: { user: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return contacts.map((c) => c.user.name);
}

export async function submitResponse(input: {
  round: RespondentRound;
  userId: string;
  attribution: Attribution;
  consentToPublish: boolean;
  /** From the form: the same key posted twice stores one submission. */
  submitKey?: string;
}) {
  const { round, userId } = input;
  const responseId = round.response?.id;
  if (!responseId) throw new Error("Nothing to submit: no answer has been saved yet.");
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  const consultationId = (await db().round.findUniqueOrThrow({ where: { id: round.round.id } })).consultationId;
  const language = isLanguage(user.language) ? user.language : "en";
  const zone = user.timeZone && isTimeZone(user.timeZone) ? user.timeZone : round.round.timeZone;
  const now = new Date();

  const snapshot = round.sections.flatMap((s) =>
    s.questions
      .filter((q) => round.answers.has(q.id))
      .map((q) => ({ questionId: q.id, choices: round.answers.get(q.id)!.choices, text: round.answers.get(q.id)!.text })),
  );
  // Numbered as on the section pages (decision 016), so the receipt can be discussed by number.
  const firsts = firstQuestionNumbers(round.sections);
  const receiptLines = round.sections.flatMap((s, si) =>
    s.questions.map((q, qi) => {
      const value = round.answers.get(q.id);
      const chosen = value?.choices.map((id) => q.options.find((o) => o.id === id)?.label ?? id).join("; ");
      return { section: s.heading, question: `${firsts[si]! + qi}. ${q.prompt}`, answer: (value?.text ?? chosen) || "" };
    }),
  );
  const receiptKey = input.submitKey ? `submit:${responseId}:${input.submitKey}` : null;

  return db().$transaction(async (tx) => {
    // Submits to one response queue here: each sees the versions and keys of the ones before.
    await tx.$queryRaw`SELECT id FROM "Response" WHERE id = ${responseId} FOR UPDATE`;
    if (receiptKey) {
      const earlier = await tx.saveReceipt.findUnique({ where: { key: receiptKey } });
      if (earlier) {
        const number = (earlier.result as { submission?: number }).submission;
        const first = await tx.responseSubmission.findFirst({ where: { responseId, number } });
        if (first) return { submission: first, replayed: true };
      }
    }
    const count = await tx.responseSubmission.count({ where: { responseId } });
    const attachments = await tx.attachment.findMany({
      where: { responseId, removedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, filename: true, size: true },
    });
    const submission = await tx.responseSubmission.create({
      data: {
        responseId,
        number: count + 1,
        submittedAt: now,
        submittedById: userId,
        attribution: input.attribution,
        consentToPublish: input.consentToPublish,
        answers: snapshot,
        attachmentIds: attachments.map((a) => a.id),
      },
    });
    if (receiptKey) await tx.saveReceipt.create({ data: { key: receiptKey, responseId, result: { submission: submission.number } } });
    await applyAnswerDrafts(tx, responseId);
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
      language,
      consultationId,
      props: {
        contactName: user.name,
        organisationName: round.organisation.name,
        roundTitle: round.round.title,
        submittedAtText: formatDateTime(now, zone, localeOf(language)),
        version: submission.number,
        answers: receiptLines,
        attachments: attachments.map((a) => ({ name: a.filename, size: formatSize(a.size, localeOf(language)) })),
        link: `${env().APP_URL}/respond/${round.invitationId}/review`,
        language,
      },
    });
    return { submission, replayed: false };
  });
}

/**
 * Takes a submitted response back: the coordinators no longer count it, the answers stay as
 * a draft and every submitted version is kept, so it can be submitted again before the deadline.
 */
export async function withdrawResponse(input: { round: RespondentRound; userId: string }) {
  const { round, userId } = input;
  const responseId = round.response?.id;
  if (!responseId) throw new Error("Nothing to withdraw.");
  const consultationId = (await db().round.findUniqueOrThrow({ where: { id: round.round.id } })).consultationId;
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  const language = isLanguage(user.language) ? user.language : "en";
  const zone = user.timeZone && isTimeZone(user.timeZone) ? user.timeZone : round.round.timeZone;
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Response" WHERE id = ${responseId} FOR UPDATE`;
    const current = await tx.response.findUniqueOrThrow({ where: { id: responseId } });
    // A replayed withdrawal changes nothing.
    if (current.status !== "SUBMITTED") return { response: current, changed: false };
    const now = new Date();
    // Changes made since submitting become the draft's answers (before the status changes, so the tally follows).
    await applyAnswerDrafts(tx, responseId);
    const response = await tx.response.update({ where: { id: responseId }, data: { status: "WITHDRAWN", withdrawnAt: now } });
    await audit(tx, {
      actorId: userId,
      action: "response.withdrawn",
      entityType: "Response",
      entityId: responseId,
      consultationId,
      data: { submissions: await tx.responseSubmission.count({ where: { responseId } }) },
    });
    await queueEmail(tx, {
      template: "withdrawal-receipt",
      to: user.email,
      language,
      consultationId,
      props: {
        contactName: user.name,
        organisationName: round.organisation.name,
        roundTitle: round.round.title,
        withdrawnAtText: formatDateTime(now, zone, localeOf(language)),
        link: `${env().APP_URL}/respond/${round.invitationId}/review`,
        language,
      },
    });
    return { response, changed: true };
  });
}

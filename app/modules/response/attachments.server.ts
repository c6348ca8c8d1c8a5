/**
 * Files attached to an organisation's response (a signed letter, a report): stored in
 * PostgreSQL with the response, accepted by their content only, listed on the review page and
 * in the receipt, downloadable by the organisation's contacts and the consultation's staff.
 * Each submitted version names the files it was submitted with; a file removed later stays
 * stored (marked removed) while a version names it, so every submitted version stays whole.
 */
import { createHash } from "node:crypto";
import { audit } from "~/modules/audit/audit.server";
import { consultationRole, notFound } from "~/modules/auth/authorization.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { db } from "~/modules/db/client.server";
import { ATTACHMENT_KINDS, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type AttachmentMediaType } from "./attachment-rules";
import { detectMediaType } from "./file-type.server";
import type { RespondentRound } from "./respondent-round.server";

export type AttachmentSummary = {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  uploadedBy: string | null;
  createdAt: Date;
};

/** The files attached now (`version`: the ones a submitted version names, removed since or not). */
export async function attachmentsOf(responseId: string | undefined, version?: { attachmentIds: string[] }): Promise<AttachmentSummary[]> {
  if (!responseId) return [];
  const rows = await db().attachment.findMany({
    where: version ? { responseId, id: { in: version.attachmentIds } } : { responseId, removedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, filename: true, mediaType: true, size: true, uploadedById: true, createdAt: true },
  });
  const uploaders = [...new Set(rows.map((r) => r.uploadedById).filter((id): id is string => !!id))];
  const names = new Map((await db().user.findMany({ where: { id: { in: uploaders } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows.map(({ uploadedById, ...r }) => ({ ...r, uploadedBy: uploadedById ? (names.get(uploadedById) ?? null) : null }));
}

export type AttachRefusal = "closed" | "empty" | "tooLarge" | "notAccepted" | "tooMany";

/** The name a file is stored and served under: no path, no control characters, the right extension. */
export function safeFilename(name: string, mediaType: AttachmentMediaType): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 150);
  const extension = ATTACHMENT_KINDS[mediaType].extension;
  const stem = base.replace(/\.[^.]*$/, "") || "attachment";
  const hasRightExtension = base.toLowerCase().endsWith(`.${extension}`) || (extension === "jpg" && base.toLowerCase().endsWith(".jpeg"));
  return hasRightExtension ? base : `${stem}.${extension}`;
}

export async function addAttachment(input: {
  round: RespondentRound;
  userId: string;
  file: { filename: string; content: Buffer } | null;
}): Promise<{ ok: true; id: string; filename: string } | { ok: false; refusal: AttachRefusal }> {
  const { round, userId, file } = input;
  if (!round.isOpen) return { ok: false, refusal: "closed" };
  if (!file || file.content.length === 0) return { ok: false, refusal: "empty" };
  if (file.content.length > MAX_ATTACHMENT_BYTES) return { ok: false, refusal: "tooLarge" };
  const mediaType = detectMediaType(file.content);
  if (!mediaType) return { ok: false, refusal: "notAccepted" };
  const filename = safeFilename(file.filename, mediaType);
  const sha256 = createHash("sha256").update(file.content).digest("hex");
  const consultationId = (await db().round.findUniqueOrThrow({ where: { id: round.round.id } })).consultationId;

  // Writing 20 MB to PostgreSQL can take longer than the default five seconds on a busy server.
  return db().$transaction(async (tx) => {
    const response = await tx.response.upsert({
      where: { roundId_organisationId: { roundId: round.round.id, organisationId: round.organisation.id } },
      create: { roundId: round.round.id, organisationId: round.organisation.id },
      update: {},
    });
    // Serialise uploads to one response so the count limit holds under concurrent posts.
    await tx.$queryRaw`SELECT id FROM "Response" WHERE id = ${response.id} FOR UPDATE`;
    if ((await tx.attachment.count({ where: { responseId: response.id, removedAt: null } })) >= MAX_ATTACHMENTS) return { ok: false, refusal: "tooMany" } as const;
    const attachment = await tx.attachment.create({
      data: { responseId: response.id, filename, mediaType, size: file.content.length, sha256, content: new Uint8Array(file.content), uploadedById: userId },
      select: { id: true },
    });
    await audit(tx, {
      actorId: userId,
      action: "response.attachment-added",
      entityType: "Response",
      entityId: response.id,
      consultationId,
      data: { attachmentId: attachment.id, filename, mediaType, size: file.content.length, sha256 },
    });
    return { ok: true, id: attachment.id, filename } as const;
  }, { timeout: 60_000 });
}

/** One attachment of this invitation's response (without its content), or a 404. */
export async function requireOwnAttachment(round: RespondentRound, attachmentId: string) {
  const attachment = round.response
    ? await db().attachment.findFirst({
        where: { id: attachmentId, responseId: round.response.id, removedAt: null },
        select: { id: true, filename: true, mediaType: true, size: true, createdAt: true, responseId: true },
      })
    : null;
  if (!attachment) notFound("No such attachment.");
  return attachment;
}

export async function removeAttachment(input: { round: RespondentRound; userId: string; attachmentId: string }) {
  const attachment = await requireOwnAttachment(input.round, input.attachmentId);
  const consultationId = (await db().round.findUniqueOrThrow({ where: { id: input.round.round.id } })).consultationId;
  await db().$transaction(async (tx) => {
    const submitted = await tx.responseSubmission.count({ where: { responseId: attachment.responseId, attachmentIds: { has: attachment.id } } });
    if (submitted > 0) await tx.attachment.update({ where: { id: attachment.id }, data: { removedAt: new Date() } });
    else await tx.attachment.delete({ where: { id: attachment.id } });
    await audit(tx, {
      actorId: input.userId,
      action: "response.attachment-removed",
      entityType: "Response",
      entityId: attachment.responseId,
      consultationId,
      data: { attachmentId: attachment.id, filename: attachment.filename, keptForSubmittedVersions: submitted > 0 },
    });
  });
  return attachment;
}

/**
 * A download: for the contacts of the organisation that attached it and the coordinators of
 * the consultation it was sent to; everyone else gets a 404, as if it did not exist. Not for
 * analysts: a signed letter names its organisation, which they may not see (decision 009).
 */
export async function requireAttachmentDownload(user: SessionUser, attachmentId: string) {
  const attachment = await db().attachment.findUnique({
    where: { id: attachmentId },
    include: { response: { select: { organisationId: true, round: { select: { consultationId: true } } } } },
  });
  if (!attachment) notFound("No such attachment.");
  const contact = await db().contact.findUnique({
    where: { organisationId_userId: { organisationId: attachment.response.organisationId, userId: user.id } },
  });
  const role = contact ? null : await consultationRole(user, attachment.response.round.consultationId);
  if (!contact && (!role || role === "ANALYST")) notFound("No such attachment.");
  return attachment;
}

/** Content-Disposition for a download: an ASCII fallback and the exact name (RFC 6266). */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\;]/g, "").trim() || "attachment";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

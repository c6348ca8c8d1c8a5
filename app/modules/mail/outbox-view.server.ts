/**
 * The outbox as people see it: messages by status, failed ones with their last error, and a
 * retry. Administrators see every message; a coordinator sees the messages about the
 * consultations they coordinate (invitations, reminders, receipts, round opened ...), not
 * sign-in emails nor other consultations' mail. Nobody sees a message's body here: sign-in
 * emails carry working codes.
 */
import type { EmailStatus, Prisma } from "~/generated/prisma/client";
import { audit, auditMany } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { db } from "~/modules/db/client.server";
import { retryEmail } from "./worker.server";

const OUTBOX_STATUSES: EmailStatus[] = ["PENDING", "SENDING", "SENT", "FAILED"];
export const OUTBOX_PAGE_SIZE = 50;

/** null: this person may not see the outbox at all. */
export async function outboxScope(user: SessionUser): Promise<Prisma.EmailMessageWhereInput | null> {
  if (user.isAdmin) return {};
  const coordinated = await db().consultationMember.findMany({ where: { userId: user.id, role: "COORDINATOR" }, select: { consultationId: true } });
  if (coordinated.length === 0) return null;
  const ids = coordinated.map((c) => c.consultationId);
  return { OR: [{ consultationId: { in: ids } }, { invitationLink: { invitation: { round: { consultationId: { in: ids } } } } }] };
}

/** A mail server's error in plain words, for the people who can fix it; null when the raw text is all we know. */
export function explainMailError(error: string | null): string | null {
  if (!error) return null;
  if (/ECONNECTION|ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ECONNRESET|ESOCKET|EAI_AGAIN|Greeting never received/i.test(error)) {
    return "The mail server could not be reached: check SMTP_URL and that the server runs; messages are retried automatically.";
  }
  if (/EAUTH/i.test(error)) return "The mail server refused to sign in: check the user name and password in SMTP_URL.";
  if (/EENVELOPE|^5\d\d|: 5\d\d/i.test(error)) return "The mail server refused this message or address: check the recipient's address.";
  return null;
}

export type OutboxFilter = { status?: EmailStatus | null; template?: string | null; to?: string | null; page?: number };

function filtered(scope: Prisma.EmailMessageWhereInput, filter: OutboxFilter): Prisma.EmailMessageWhereInput {
  return {
    AND: [
      scope,
      filter.status ? { status: filter.status } : {},
      filter.template ? { template: filter.template } : {},
      filter.to ? { toAddress: { contains: filter.to.trim(), mode: "insensitive" } } : {},
    ],
  };
}

/** The failed messages the page shows with its current filter (none when it filters another status). */
const failedShown = (scope: Prisma.EmailMessageWhereInput, filter: OutboxFilter): Prisma.EmailMessageWhereInput => ({
  AND: [filtered(scope, filter), { status: "FAILED" }],
});

export async function listOutbox(scope: Prisma.EmailMessageWhereInput, filter: OutboxFilter) {
  const where = filtered(scope, filter);
  const page = Math.max(1, filter.page ?? 1);
  const [messages, total, byStatus, templates, failed] = await Promise.all([
    db().emailMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: {
        id: true,
        template: true,
        toAddress: true,
        subject: true,
        status: true,
        attempts: true,
        // Every try, the successful one and those before a retry included (attempts counts failures since the last retry).
        _count: { select: { deliveryAttempts: true } },
        lastError: true,
        createdAt: true,
        sentAt: true,
        nextAttemptAt: true,
      },
    }),
    db().emailMessage.count({ where }),
    db().emailMessage.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    db().emailMessage.findMany({ where: scope, distinct: ["template"], select: { template: true }, orderBy: { template: "asc" } }),
    db().emailMessage.count({ where: failedShown(scope, filter) }),
  ]);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, byStatus.find((b) => b.status === s)?._count._all ?? 0])) as Record<EmailStatus, number>;
  return { messages, total, page, pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)), counts, templates: templates.map((t) => t.template), failed };
}

/**
 * After an outage: every failed message this person may see and the page's filter shows goes
 * back in the queue, due now, with a fresh set of attempts; one "email.retried" entry each, as
 * for a single retry, in the same transaction. Returns how many.
 */
export async function retryAllFromOutbox(user: SessionUser, scope: Prisma.EmailMessageWhereInput, filter: OutboxFilter): Promise<number> {
  return db().$transaction(async (tx) => {
    const ids = (await tx.emailMessage.findMany({ where: failedShown(scope, filter), select: { id: true } })).map((m) => m.id);
    if (ids.length === 0) return 0;
    // Only those still FAILED (a retry in another tab may have taken some): each is retried and audited once.
    const retried = await tx.$queryRaw<Array<{ id: string }>>`
      UPDATE "EmailMessage" SET "status" = 'PENDING', "attempts" = 0, "nextAttemptAt" = ${new Date()}, "lockedUntil" = NULL
      WHERE "id" = ANY(${ids}::text[]) AND "status" = 'FAILED'
      RETURNING "id"`;
    const messages = await tx.emailMessage.findMany({
      where: { id: { in: retried.map((r) => r.id) } },
      select: { id: true, template: true, toAddress: true, consultationId: true, invitationLink: { select: { invitation: { select: { round: { select: { consultationId: true } } } } } } },
    });
    await auditMany(
      tx,
      messages.map((m) => ({
        actorId: user.id,
        action: "email.retried",
        entityType: "EmailMessage",
        entityId: m.id,
        consultationId: m.consultationId ?? m.invitationLink?.invitation.round.consultationId ?? null,
        data: { template: m.template, to: m.toAddress, all: true },
      })),
    );
    return messages.length;
  });
}

/** Puts a failed message back in the queue, if this person may see it. Audited in the same transaction. */
export async function retryFromOutbox(user: SessionUser, scope: Prisma.EmailMessageWhereInput, messageId: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const message = await tx.emailMessage.findFirst({
      where: { AND: [scope, { id: messageId }] },
      select: { id: true, template: true, toAddress: true, consultationId: true, invitationLink: { select: { invitation: { select: { round: { select: { consultationId: true } } } } } } },
    });
    if (!message || !(await retryEmail(tx, message.id))) return false;
    await audit(tx, {
      actorId: user.id,
      action: "email.retried",
      entityType: "EmailMessage",
      entityId: message.id,
      consultationId: message.consultationId ?? message.invitationLink?.invitation.round.consultationId ?? null,
      data: { template: message.template, to: message.toAddress },
    });
    return true;
  });
}

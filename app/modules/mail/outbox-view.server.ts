/**
 * The outbox as people see it: messages by status, failed ones with their last error, and a
 * retry. Administrators see every message; a coordinator sees the messages sent to the
 * contacts invited to the rounds of the consultations they coordinate. Nobody sees a
 * message's body here: sign-in emails carry working codes.
 */
import type { EmailStatus, Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
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
  return { invitationLink: { invitation: { round: { consultationId: { in: coordinated.map((c) => c.consultationId) } } } } };
}

export type OutboxFilter = { status?: EmailStatus | null; template?: string | null; to?: string | null; page?: number };

export async function listOutbox(scope: Prisma.EmailMessageWhereInput, filter: OutboxFilter) {
  const where: Prisma.EmailMessageWhereInput = {
    AND: [
      scope,
      filter.status ? { status: filter.status } : {},
      filter.template ? { template: filter.template } : {},
      filter.to ? { toAddress: { contains: filter.to.trim(), mode: "insensitive" } } : {},
    ],
  };
  const page = Math.max(1, filter.page ?? 1);
  const [messages, total, byStatus, templates] = await Promise.all([
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
        lastError: true,
        createdAt: true,
        sentAt: true,
        nextAttemptAt: true,
      },
    }),
    db().emailMessage.count({ where }),
    db().emailMessage.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    db().emailMessage.findMany({ where: scope, distinct: ["template"], select: { template: true }, orderBy: { template: "asc" } }),
  ]);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, byStatus.find((b) => b.status === s)?._count._all ?? 0])) as Record<EmailStatus, number>;
  return { messages, total, page, pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)), counts, templates: templates.map((t) => t.template) };
}

/** Puts a failed message back in the queue, if this person may see it. Audited. */
export async function retryFromOutbox(user: SessionUser, scope: Prisma.EmailMessageWhereInput, messageId: string): Promise<boolean> {
  const message = await db().emailMessage.findFirst({
    where: { AND: [scope, { id: messageId }] },
    select: { id: true, template: true, toAddress: true, invitationLink: { select: { invitation: { select: { round: { select: { consultationId: true } } } } } } },
  });
  if (!message || !(await retryEmail(db(), message.id))) return false;
  await audit(db(), {
    actorId: user.id,
    action: "email.retried",
    entityType: "EmailMessage",
    entityId: message.id,
    consultationId: message.invitationLink?.invitation.round.consultationId ?? null,
    data: { template: message.template, to: message.toAddress },
  });
  return true;
}

/** The audit log of one consultation, filtered and paged for the coordinators' page. */
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/modules/db/client.server";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilter = { action?: string; actorId?: string; entityType?: string; from?: Date; to?: Date; page: number };

export async function auditLog(consultationId: string, filter: AuditFilter) {
  const where: Prisma.AuditEventWhereInput = {
    consultationId,
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
  };
  const [events, total, actions, actors] = await Promise.all([
    db().auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { name: true, email: true } } },
    }),
    db().auditEvent.count({ where }),
    db().auditEvent.findMany({ where: { consultationId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db().user.findMany({ where: { auditEvents: { some: { consultationId } } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { events, total, actions: actions.map((a) => a.action), actors };
}

/**
 * Creating and editing consultations and their teams. Every change is audited in the same
 * transaction.
 */
import type { ConsultationRole, Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";

type Tx = Prisma.TransactionClient;

export const ARCHIVED_PROBLEM = "This consultation is archived: it is read-only. Bring it back from the archive (Settings) to change it.";

/** Locks the consultation row (archiving waits for the change, and the change for archiving); a problem if archived. */
async function archivedProblem(tx: Tx, consultationId: string): Promise<string | null> {
  const rows = await tx.$queryRaw<Array<{ archivedAt: Date | null }>>`
    SELECT "archivedAt" FROM "Consultation" WHERE "id" = ${consultationId} FOR UPDATE`;
  return rows[0]?.archivedAt ? ARCHIVED_PROBLEM : null;
}

type ConsultationInput = { title: string; summary: string; languages: string[]; timeZone: string };

function slugify(title: string) {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return base || "consultation";
}

export async function createConsultation(actorId: string, input: ConsultationInput) {
  return db().$transaction(async (tx) => {
    let slug = slugify(input.title);
    for (let n = 2; await tx.consultation.findUnique({ where: { slug } }); n++) slug = `${slugify(input.title)}-${n}`;
    const consultation = await tx.consultation.create({
      data: { ...input, slug, members: { create: { userId: actorId, role: "COORDINATOR" } } },
    });
    await audit(tx, { actorId, action: "consultation.created", entityType: "Consultation", entityId: consultation.id, consultationId: consultation.id, data: { title: input.title } });
    return consultation;
  });
}

export async function updateConsultation(actorId: string, consultationId: string, input: ConsultationInput): Promise<string | null> {
  return db().$transaction(async (tx) => {
    const problem = await archivedProblem(tx, consultationId);
    if (problem) return problem;
    const before = await tx.consultation.findUniqueOrThrow({ where: { id: consultationId } });
    await tx.consultation.update({ where: { id: consultationId }, data: input });
    const changed = (Object.keys(input) as Array<keyof ConsultationInput>).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(input[k]),
    );
    if (changed.length > 0) {
      await audit(tx, { actorId, action: "consultation.updated", entityType: "Consultation", entityId: consultationId, consultationId, data: { changed } });
    }
    return null;
  });
}

/**
 * Archiving makes a consultation read-only, so it waits until no round is scheduled or open
 * (their openings and emails would go on). The rounds are locked as their transitions lock
 * them, so none can be scheduled while this looks.
 */
export async function setArchived(actorId: string, consultationId: string, archived: boolean): Promise<string | null> {
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Consultation" WHERE "id" = ${consultationId} FOR UPDATE`;
    if (archived) {
      await tx.$queryRaw`SELECT "id" FROM "Round" WHERE "consultationId" = ${consultationId} FOR NO KEY UPDATE`;
      const running = await tx.round.findMany({
        where: { consultationId, status: { in: ["SCHEDULED", "OPEN"] } },
        orderBy: { number: "asc" },
        select: { number: true, title: true, status: true },
      });
      if (running.length > 0) {
        const names = running.map((r) => `round ${r.number} “${r.title}” (${r.status.toLowerCase()})`).join(", ");
        return `This consultation cannot be archived while a round is scheduled or open. Close or unschedule ${names} first.`;
      }
    }
    await tx.consultation.update({ where: { id: consultationId }, data: { archivedAt: archived ? new Date() : null } });
    await audit(tx, {
      actorId,
      action: archived ? "consultation.archived" : "consultation.unarchived",
      entityType: "Consultation",
      entityId: consultationId,
      consultationId,
    });
    return null;
  });
}

export async function addMember(actorId: string, consultationId: string, input: { email: string; name: string; role: ConsultationRole }): Promise<string | null> {
  return db().$transaction(async (tx) => {
    const problem = await archivedProblem(tx, consultationId);
    if (problem) return problem;
    const user = await tx.user.upsert({
      where: { email: input.email },
      create: { email: input.email, name: input.name || input.email.split("@")[0]! },
      update: {},
    });
    await tx.consultationMember.upsert({
      where: { consultationId_userId: { consultationId, userId: user.id } },
      create: { consultationId, userId: user.id, role: input.role },
      update: { role: input.role },
    });
    await audit(tx, { actorId, action: "consultation.member-added", entityType: "User", entityId: user.id, consultationId, data: { email: user.email, role: input.role } });
    return null;
  });
}

/** The last coordinator cannot be removed: a consultation always has someone in charge. */
export async function removeMember(actorId: string, consultationId: string, userId: string): Promise<string | null> {
  return db().$transaction(async (tx) => {
    const problem = await archivedProblem(tx, consultationId);
    if (problem) return problem;
    const member = await tx.consultationMember.findUnique({ where: { consultationId_userId: { consultationId, userId } } });
    if (!member) return null;
    if (member.role === "COORDINATOR") {
      const coordinators = await tx.consultationMember.count({ where: { consultationId, role: "COORDINATOR" } });
      if (coordinators <= 1) return "A consultation needs at least one coordinator: add another before removing this one.";
    }
    await tx.consultationMember.delete({ where: { consultationId_userId: { consultationId, userId } } });
    await audit(tx, { actorId, action: "consultation.member-removed", entityType: "User", entityId: userId, consultationId, data: { role: member.role } });
    return null;
  });
}

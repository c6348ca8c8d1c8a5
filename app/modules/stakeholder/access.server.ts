/**
 * The stakeholder registry is shared by every consultation, so it is open to admins and to
 * anyone who coordinates at least one consultation. Analysts are told no (403); anyone else
 * is shown nothing (404), as elsewhere.
 */
import { forbidden, notFound } from "~/modules/auth/authorization.server";
import { requireUser, type SessionUser } from "~/modules/auth/session.server";
import { db } from "~/modules/db/client.server";

export async function requireCoordinator(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.isAdmin) return user;
  const roles = await db().consultationMember.findMany({ where: { userId: user.id }, select: { role: true } });
  if (roles.some((m) => m.role === "COORDINATOR")) return user;
  if (roles.length > 0) forbidden("Only coordinators manage the stakeholder registry.");
  notFound();
}

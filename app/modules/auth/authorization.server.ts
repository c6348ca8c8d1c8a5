/**
 * Every loader and action asks here. Admins see every consultation; coordinators and analysts
 * see the consultations they are members of; a respondent sees only the invitations of the
 * organisations they are a contact of. Anything else is a 404, so URLs reveal nothing.
 */
import { data } from "@remix-run/node";
import type { ConsultationRole } from "~/generated/prisma/client";
import { db } from "~/modules/db/client.server";
import { requireUser, type SessionUser } from "./session.server";

export function notFound(message = "Not found"): never {
  throw data({ message }, { status: 404 });
}

export function forbidden(message = "You do not have access to this page."): never {
  throw data({ message }, { status: 403 });
}

export type ConsultationAccess = { user: SessionUser; role: ConsultationRole | "ADMIN" };

export async function consultationRole(user: SessionUser, consultationId: string): Promise<ConsultationAccess["role"] | null> {
  if (user.isAdmin) return "ADMIN";
  const member = await db().consultationMember.findUnique({
    where: { consultationId_userId: { consultationId, userId: user.id } },
  });
  return member?.role ?? null;
}

/** Coordinators (and admins) run consultations; analysts may read when `allowAnalyst` (`refusal`: why not, when not). */
export async function requireConsultationAccess(
  request: Request,
  consultationId: string,
  { allowAnalyst = true, refusal = "Analysts can read this consultation but not change it." }: { allowAnalyst?: boolean; refusal?: string } = {},
): Promise<ConsultationAccess> {
  const user = await requireUser(request);
  const role = await consultationRole(user, consultationId);
  if (!role) notFound("No such consultation.");
  if (role === "ANALYST" && !allowAnalyst) forbidden(refusal);
  return { user, role };
}

/** Is this person on the staff side of anything (admin, coordinator or analyst)? */
export async function isStaff(user: SessionUser): Promise<boolean> {
  if (user.isAdmin) return true;
  return (await db().consultationMember.count({ where: { userId: user.id } })) > 0;
}

/**
 * A respondent's access to one invitation: the signed-in user must be a contact of the
 * invited organisation and the invitation must not be revoked.
 */
export async function requireInvitationContact(request: Request, invitationId: string) {
  const user = await requireUser(request);
  const invitation = await db().invitation.findUnique({
    where: { id: invitationId },
    include: {
      organisation: { include: { type: true } },
      round: { include: { consultation: true } },
    },
  });
  if (!invitation || invitation.revokedAt) notFound("No such invitation.");
  const contact = await db().contact.findUnique({
    where: { organisationId_userId: { organisationId: invitation.organisationId, userId: user.id } },
  });
  if (!contact) notFound("No such invitation.");
  return { user, contact, invitation };
}

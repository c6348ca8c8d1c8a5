/**
 * A contact's personal invitation link. Following it (a POST from the landing page, so that
 * mail scanners cannot act on it) signs the contact in and records that the link was opened.
 */
import { db } from "~/modules/db/client.server";
import { audit } from "~/modules/audit/audit.server";
import { hashToken } from "~/modules/security/tokens.server";

export async function findInvitationLink(token: string) {
  const link = await db().invitationLink.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      contact: { include: { user: true } },
      invitation: { include: { organisation: true, round: { include: { consultation: true } } } },
    },
  });
  if (!link) return { state: "invalid" as const, link: null };
  if (link.revokedAt || link.invitation.revokedAt) return { state: "revoked" as const, link };
  if (link.expiresAt && link.expiresAt <= new Date()) return { state: "expired" as const, link };
  return { state: "valid" as const, link };
}

export async function recordLinkOpened(linkId: string, userId: string) {
  const now = new Date();
  await db().$transaction(async (tx) => {
    const link = await tx.invitationLink.update({
      where: { id: linkId },
      data: { lastOpenedAt: now },
      include: { invitation: { include: { round: true } } },
    });
    if (!link.firstOpenedAt) {
      await tx.invitationLink.update({ where: { id: linkId }, data: { firstOpenedAt: now } });
      await audit(tx, {
        actorId: userId,
        action: "invitation.link-opened",
        entityType: "InvitationLink",
        entityId: linkId,
        consultationId: link.invitation.round.consultationId,
      });
    }
  });
}

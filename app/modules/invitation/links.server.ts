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

// The root loader (its language) and the landing page's loader look up the same link: once per request.
const perRequest = new WeakMap<Request, ReturnType<typeof findInvitationLink>>();

/** findInvitationLink for the token in the URL of an invitation's landing page (/invitations/<token>), or null for other pages. */
export function invitationLinkOfPage(request: Request) {
  const match = /^\/invitations\/([^/]+)\/?$/.exec(new URL(request.url).pathname);
  if (!match) return null;
  let found = perRequest.get(request);
  if (!found) perRequest.set(request, (found = findInvitationLink(decodeURIComponent(match[1]!))));
  return found;
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

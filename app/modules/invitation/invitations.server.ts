/**
 * Choosing who is invited to a round and managing their personal links. One invitation per
 * organisation, one link per contact; tokens are stored hashed and a raw token exists only in
 * the email that carries it. Before a round opens, links are created without email (the
 * opening sends them, see round/lifecycle.server.ts); once it is open, they go out at once.
 * Every change is audited in its transaction.
 */
import type { Prisma, Round } from "~/generated/prisma/client";
import { audit, auditMany, type AuditInput } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";
import type { FieldErrors } from "~/modules/forms/validation";
import { isAcceptingAnswers } from "~/modules/response/respondent-round.server";
import { lockRound } from "~/modules/round/lock.server";
import { hashToken, randomToken } from "~/modules/security/tokens.server";
import { INVITATION_FOR_EMAIL, invitationContext, queueDeadlineExtended, sendInvitationLinks } from "./emails.server";

type Tx = Prisma.TransactionClient;

export type Problem = { ok: false; errors: FieldErrors };

/** Rounds take new organisations until they close. */
const INVITABLE = new Set(["DRAFT", "SCHEDULED", "OPEN"]);

/** A link nobody has received yet: its token is thrown away, and a new one is issued when it is emailed. */
function unsentTokenHash() {
  return hashToken(randomToken());
}

/**
 * Emails every live link of these invitations (all of the round's when omitted) that has never
 * had its invitation, with a fresh token. Used when a round opens and when organisations join
 * an open one; a link already emailed is left alone (resending is the coordinator's choice).
 */
export async function sendUnsentLinks(
  tx: Tx,
  round: Parameters<typeof invitationContext>[0] & { id: string },
  invitationIds?: string[],
): Promise<{ organisations: number; links: number }> {
  const invitations = await tx.invitation.findMany({
    where: { roundId: round.id, revokedAt: null, ...(invitationIds ? { id: { in: invitationIds } } : {}) },
    include: {
      ...INVITATION_FOR_EMAIL,
      links: { ...INVITATION_FOR_EMAIL.links, where: { ...INVITATION_FOR_EMAIL.links.where, emails: { none: { template: "invitation" } } } },
    },
  });
  const links = invitations.flatMap((invitation) => {
    const ctx = invitationContext(round, invitation);
    return invitation.links.map((link) => ({ link, ctx }));
  });
  await sendInvitationLinks(tx, links);
  return { organisations: invitations.filter((i) => i.links.length > 0).length, links: links.length };
}

export type InviteResult = { ok: true; invited: number; links: number; emails: number; withoutContacts: string[] };

export async function inviteOrganisations(
  actorId: string,
  roundId: string,
  audience: { audienceTypes: string[]; organisationIds: string[] },
): Promise<InviteResult | Problem> {
  return db().$transaction(
    async (tx): Promise<InviteResult | Problem> => {
      const round = await lockRound(tx, roundId);
      if (!INVITABLE.has(round.status)) {
        return { ok: false, errors: { form: `This round is ${round.status.toLowerCase()}: it takes no new invitations.` } };
      }
      const types = await tx.stakeholderType.findMany({ where: { key: { in: audience.audienceTypes } }, select: { key: true } });
      if (types.length !== new Set(audience.audienceTypes).size) return { ok: false, errors: { audienceTypes: "Choose types of stakeholder from the list" } };
      const organisations = await tx.organisation.findMany({
        where: { OR: [{ type: { key: { in: audience.audienceTypes } } }, { id: { in: audience.organisationIds } }] },
        include: { contacts: { where: { user: { disabledAt: null } }, select: { id: true } } },
        orderBy: { name: "asc" },
      });
      if (organisations.length === 0) return { ok: false, errors: { audienceTypes: "No organisation matches: choose other types or organisations" } };

      // In bulk, whatever the audience's size: a few statements rather than a dozen per organisation.
      const existing = new Map(
        (
          await tx.invitation.findMany({
            where: { roundId, organisationId: { in: organisations.map((o) => o.id) } },
            include: { links: { select: { contactId: true } } },
          })
        ).map((i) => [i.organisationId, i]),
      );
      const renewed = [...existing.values()].filter((i) => i.revokedAt);
      if (renewed.length > 0) await tx.invitation.updateMany({ where: { id: { in: renewed.map((i) => i.id) } }, data: { revokedAt: null } });
      const created = await tx.invitation.createManyAndReturn({
        data: organisations.filter((o) => !existing.has(o.id)).map((o) => ({ roundId, organisationId: o.id })),
        select: { id: true, organisationId: true },
      });
      const invitationIds = new Map([...[...existing.values()].map((i) => [i.organisationId, i.id] as const), ...created.map((i) => [i.organisationId, i.id] as const)]);

      let invited = 0;
      const newLinks: Prisma.InvitationLinkCreateManyInput[] = [];
      const entries: AuditInput[] = [];
      const withoutContacts: string[] = [];
      for (const organisation of organisations) {
        if (organisation.contacts.length === 0) withoutContacts.push(organisation.name);
        const before = existing.get(organisation.id);
        const invitationId = invitationIds.get(organisation.id)!;
        const linked = new Set(before?.links.map((l) => l.contactId));
        // Inviting again adds links for contacts added to the organisation since.
        const fresh = organisation.contacts.filter((c) => !linked.has(c.id));
        newLinks.push(...fresh.map((contact) => ({ invitationId, contactId: contact.id, tokenHash: unsentTokenHash() })));
        if (!before || before.revokedAt || fresh.length > 0) {
          if (!before || before.revokedAt) invited++;
          entries.push({
            actorId,
            action: before ? (before.revokedAt ? "invitation.renewed" : "invitation.links-added") : "invitation.created",
            entityType: "Invitation",
            entityId: invitationId,
            consultationId: round.consultationId,
            data: { roundId, organisation: organisation.name, newLinks: fresh.length },
          });
        }
      }
      await tx.invitationLink.createMany({ data: newLinks });
      await auditMany(tx, entries);
      const links = newLinks.length;
      const emails = round.status === "OPEN" ? (await sendUnsentLinks(tx, round, [...invitationIds.values()])).links : 0;
      const audienceTypes = [...new Set([...round.audienceTypes, ...audience.audienceTypes])];
      if (audienceTypes.length !== round.audienceTypes.length) await tx.round.update({ where: { id: roundId }, data: { audienceTypes } });
      return { ok: true, invited, links, emails, withoutContacts };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

type RoundRef = Pick<Round, "id" | "consultationId">;

async function linkOfRound(tx: Tx, round: RoundRef, linkId: string) {
  const link = await tx.invitationLink.findUnique({
    where: { id: linkId },
    include: { invitation: { include: { round: { include: { consultation: { select: { title: true } } } } } }, contact: { include: { user: true } } },
  });
  return link && link.invitation.roundId === round.id ? link : null;
}

/** The link stops working at once; the contact's colleagues keep theirs. */
export async function revokeLink(actorId: string, round: RoundRef, linkId: string): Promise<{ ok: true } | Problem> {
  return db().$transaction(async (tx) => {
    const link = await linkOfRound(tx, round, linkId);
    if (!link) return { ok: false, errors: { form: "That link is not part of this round." } };
    if (link.revokedAt) return { ok: true };
    await tx.invitationLink.update({ where: { id: link.id }, data: { revokedAt: new Date() } });
    await audit(tx, {
      actorId,
      action: "invitation.link-revoked",
      entityType: "InvitationLink",
      entityId: link.id,
      consultationId: round.consultationId,
      data: { invitationId: link.invitationId, contact: link.contact.user.email },
    });
    return { ok: true };
  });
}

/** A new personal link by email; the old token stops working (it is replaced, and a revoked link is live again). */
export async function resendLink(actorId: string, round: RoundRef, linkId: string): Promise<{ ok: true } | Problem> {
  return db().$transaction(async (tx) => {
    const link = await linkOfRound(tx, round, linkId);
    if (!link) return { ok: false, errors: { form: "That link is not part of this round." } };
    const { invitation } = link;
    if (invitation.revokedAt) return { ok: false, errors: { form: "This organisation's invitation was withdrawn: invite it again first." } };
    if (!isAcceptingAnswers(invitation.round, invitation)) {
      return { ok: false, errors: { form: "Links are sent while the round is open (or until an organisation's extended deadline)." } };
    }
    if (link.contact.user.disabledAt) return { ok: false, errors: { form: "This person's account is disabled." } };
    const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: invitation.organisationId }, select: { name: true } });
    await sendInvitationLinks(tx, [{ link, ctx: invitationContext(invitation.round, { ...invitation, organisation }) }]);
    await audit(tx, {
      actorId,
      action: "invitation.link-resent",
      entityType: "InvitationLink",
      entityId: link.id,
      consultationId: round.consultationId,
      data: { invitationId: invitation.id, contact: link.contact.user.email },
    });
    return { ok: true };
  });
}

/** Takes the organisation out of the round: its links stop working and it leaves the tracking table. */
export async function withdrawInvitation(actorId: string, round: RoundRef, invitationId: string): Promise<{ ok: true } | Problem> {
  return db().$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, roundId: round.id }, include: { organisation: true } });
    if (!invitation) return { ok: false, errors: { form: "That organisation is not invited to this round." } };
    if (invitation.revokedAt) return { ok: true };
    // A submitted response is counted in the results, exports and summary: taking its
    // organisation out would leave it counted there but missing from tracking and emails.
    const response = await tx.response.findUnique({
      where: { roundId_organisationId: { roundId: round.id, organisationId: invitation.organisationId } },
      select: { status: true },
    });
    if (response?.status === "SUBMITTED") {
      return {
        ok: false,
        errors: {
          form: `${invitation.organisation.name} has submitted a response, so it stays in the round and its answers count. Only the organisation can withdraw its response.`,
        },
      };
    }
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await audit(tx, {
      actorId,
      action: "invitation.withdrawn",
      entityType: "Invitation",
      entityId: invitation.id,
      consultationId: round.consultationId,
      data: { organisation: invitation.organisation.name },
    });
    return { ok: true };
  });
}

/**
 * A later deadline for one organisation: it may save and submit until then, even after the
 * round has closed for everyone else. Its contacts are told by email.
 */
export async function extendDeadline(
  actorId: string,
  round: RoundRef,
  input: { invitationId: string; extendedUntil: Date },
  now = new Date(),
): Promise<{ ok: true; emails: number } | Problem> {
  return db().$transaction(async (tx): Promise<{ ok: true; emails: number } | Problem> => {
    const locked = await lockRound(tx, round.id);
    if (locked.status !== "OPEN" && locked.status !== "CLOSED") {
      return { ok: false, errors: { form: "Deadlines can be extended while a round is open or closed (not archived)." } };
    }
    const invitation = await tx.invitation.findFirst({ where: { id: input.invitationId, roundId: round.id }, include: INVITATION_FOR_EMAIL });
    if (!invitation || invitation.revokedAt) return { ok: false, errors: { form: "That organisation is not invited to this round." } };
    if (input.extendedUntil <= now) return { ok: false, errors: { extendedUntil: "The new deadline must be in the future" } };
    if (locked.closesAt && input.extendedUntil <= locked.closesAt) {
      return { ok: false, errors: { extendedUntil: "The new deadline must be after the round closes" } };
    }
    await tx.invitation.update({ where: { id: invitation.id }, data: { extendedUntil: input.extendedUntil } });
    await audit(tx, {
      actorId,
      action: "invitation.deadline-extended",
      entityType: "Invitation",
      entityId: invitation.id,
      consultationId: round.consultationId,
      data: {
        organisation: invitation.organisation.name,
        from: (invitation.extendedUntil ?? locked.closesAt)?.toISOString() ?? null,
        to: input.extendedUntil.toISOString(),
      },
    });
    const ctx = invitationContext(locked, { ...invitation, extendedUntil: input.extendedUntil });
    await queueDeadlineExtended(tx, invitation.links, ctx);
    return { ok: true, emails: invitation.links.length };
  });
}

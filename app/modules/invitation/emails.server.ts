/**
 * The emails a contact receives about their organisation's invitation, queued in the caller's
 * transaction. Each is tied to the contact's link (EmailMessage.invitationLinkId), so the
 * tracking page can say whether the latest one was delivered. Dates are written in the
 * contact's language and time zone (the round's zone when theirs is unknown).
 *
 * Only the invitation carries the personal link: its raw token exists only in that email.
 * Reminders and extensions point at the response page, which asks for a sign-in if needed,
 * rather than issuing a new token (which would break the link the contact already has).
 */
import type { Prisma } from "~/generated/prisma/client";
import { env } from "~/modules/config/env.server";
import { queueEmails, type QueueEmailInput } from "~/modules/mail/outbox.server";
import { deadlineOf } from "~/modules/response/respondent-round.server";
import { formatDateTime } from "~/modules/round/dates";
import { hashToken, randomToken } from "~/modules/security/tokens.server";

type Tx = Prisma.TransactionClient;

export type Reader = { name: string; email: string; language: string; timeZone: string | null };

/** What every email about one invitation needs to know. */
export type InvitationContext = {
  consultationTitle: string;
  round: { title: string; timeZone: string; closesAt: Date | null };
  invitation: { id: string; extendedUntil: Date | null };
  organisationName: string;
};

export type LinkRecipient = { id: string; contact: { user: Reader } };

const LOCALES: Record<string, string> = { en: "en-GB", fr: "fr-FR", es: "es-ES", ar: "ar" };

/** A date for one reader: their language, their zone (or the round's), the zone always named. */
export function readerDateTime(date: Date, reader: Pick<Reader, "language" | "timeZone">, fallbackZone: string) {
  return formatDateTime(date, reader.timeZone ?? fallbackZone, LOCALES[reader.language] ?? "en-GB");
}

function deadlineText(ctx: InvitationContext, reader: Reader) {
  const deadline = deadlineOf(ctx.round, ctx.invitation);
  return deadline ? readerDateTime(deadline, reader, ctx.round.timeZone) : "";
}

const responseLink = (invitationId: string) => `${env().APP_URL}/respond/${invitationId}`;

function invitationEmail(link: LinkRecipient, ctx: InvitationContext, token: string): QueueEmailInput<"invitation"> {
  const user = link.contact.user;
  return {
    template: "invitation",
    to: user.email,
    language: user.language,
    invitationLinkId: link.id,
    props: {
      contactName: user.name,
      organisationName: ctx.organisationName,
      consultationTitle: ctx.consultationTitle,
      roundTitle: ctx.round.title,
      closesAtText: deadlineText(ctx, user),
      link: `${env().APP_URL}/invitations/${token}`,
      language: user.language,
    },
  };
}

/**
 * A fresh personal token for each link (any earlier one stops working) and the invitation email
 * carrying it: one statement for the tokens, one mailing for the emails. Returns how many.
 */
export async function sendInvitationLinks(tx: Tx, items: { link: LinkRecipient; ctx: InvitationContext }[]): Promise<number> {
  if (items.length === 0) return 0;
  const tokens = items.map(() => randomToken());
  await tx.$executeRaw`
    UPDATE "InvitationLink" AS l SET "tokenHash" = v.hash, "revokedAt" = NULL
    FROM unnest(${items.map((i) => i.link.id)}::text[], ${tokens.map(hashToken)}::text[]) AS v(id, hash)
    WHERE l."id" = v.id`;
  return queueEmails(
    tx,
    items.map((item, i) => invitationEmail(item.link, item.ctx, tokens[i]!)),
  );
}

/** What reminders and deadline notices share: they point at the response page, not a token. */
function responseEmail(link: LinkRecipient, ctx: InvitationContext) {
  const user = link.contact.user;
  return {
    to: user.email,
    language: user.language,
    invitationLinkId: link.id,
    props: {
      contactName: user.name,
      organisationName: ctx.organisationName,
      roundTitle: ctx.round.title,
      deadlineText: deadlineText(ctx, user),
      link: responseLink(ctx.invitation.id),
      language: user.language,
    },
  };
}

/** One reminder per link, as one mailing; draftStarted changes the wording. Returns how many. */
export function queueReminders(tx: Tx, items: { link: LinkRecipient; ctx: InvitationContext; draftStarted: boolean }[]) {
  return queueEmails(
    tx,
    items.map(({ link, ctx, draftStarted }): QueueEmailInput<"reminder"> => {
      const email = responseEmail(link, ctx);
      return { ...email, template: "reminder", props: { ...email.props, draftStarted } };
    }),
  );
}

/** The new deadline, to every link of one invitation. Returns how many. */
export function queueDeadlineExtended(tx: Tx, links: LinkRecipient[], ctx: InvitationContext) {
  return queueEmails(
    tx,
    links.map((link): QueueEmailInput<"deadline-extended"> => ({ ...responseEmail(link, ctx), template: "deadline-extended" })),
  );
}

/** The Prisma include that loads an invitation with what its emails need. */
export const INVITATION_FOR_EMAIL = {
  organisation: { select: { name: true } },
  links: {
    // A disabled account cannot sign in: nothing is sent to it.
    where: { revokedAt: null, contact: { user: { disabledAt: null } } },
    include: { contact: { include: { user: { select: { name: true, email: true, language: true, timeZone: true } } } } },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.InvitationInclude;

export function invitationContext(
  round: InvitationContext["round"] & { consultation: { title: string } },
  invitation: { id: string; extendedUntil: Date | null; organisation: { name: string } },
): InvitationContext {
  return {
    consultationTitle: round.consultation.title,
    round: { title: round.title, timeZone: round.timeZone, closesAt: round.closesAt },
    invitation: { id: invitation.id, extendedUntil: invitation.extendedUntil },
    organisationName: invitation.organisation.name,
  };
}

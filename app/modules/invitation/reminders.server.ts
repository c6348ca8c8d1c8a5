/**
 * Reminders to organisations that have not submitted: by hand to a selection (the tracking
 * page) or on the round's schedule (round/scheduler.server.ts). Both go through
 * remindInvitations, with the round row locked by the caller, so the rules are the same:
 * never to an organisation that has submitted, never more than the round's maxReminders,
 * never twice within REMINDER_COOLDOWN_MS (a double click, or a scheduled reminder just after
 * one sent by hand), and only while the organisation may still answer.
 */
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { db } from "~/modules/db/client.server";
import { isAcceptingAnswers } from "~/modules/response/respondent-round.server";
import { lockRound, type LockedRound } from "~/modules/round/lock.server";
import { INVITATION_FOR_EMAIL, invitationContext, queueReminders, type InvitationContext, type LinkRecipient } from "./emails.server";

type Tx = Prisma.TransactionClient;

export const REMINDER_COOLDOWN_MS = 60 * 60_000;

export type SkipReason = "submitted" | "limit" | "recent" | "not-answering" | "no-contacts";

export type ReminderOutcome = {
  reminded: string[];
  skipped: Array<{ organisation: string; reason: SkipReason }>;
  emails: number;
};

export async function remindInvitations(
  tx: Tx,
  round: LockedRound,
  opts: { actorId: string | null; now: Date; invitationIds?: string[]; daysBefore?: number[] },
): Promise<ReminderOutcome> {
  const invitations = await tx.invitation.findMany({
    where: { roundId: round.id, revokedAt: null, ...(opts.invitationIds ? { id: { in: opts.invitationIds } } : {}) },
    include: INVITATION_FOR_EMAIL,
    orderBy: { organisation: { name: "asc" } },
  });
  const responses = await tx.response.findMany({
    where: { roundId: round.id, organisationId: { in: invitations.map((i) => i.organisationId) } },
    select: { organisationId: true, status: true },
  });
  const responseOf = new Map(responses.map((r) => [r.organisationId, r.status]));

  const outcome: ReminderOutcome = { reminded: [], skipped: [], emails: 0 };
  const mailing: { link: LinkRecipient; ctx: InvitationContext; draftStarted: boolean }[] = [];
  for (const invitation of invitations) {
    const organisation = invitation.organisation.name;
    const status = responseOf.get(invitation.organisationId);
    const reason: SkipReason | null =
      status === "SUBMITTED"
        ? "submitted"
        : invitation.remindersSent >= round.maxReminders
          ? "limit"
          : !isAcceptingAnswers(round, invitation, opts.now)
            ? "not-answering"
            : invitation.lastRemindedAt && opts.now.getTime() - invitation.lastRemindedAt.getTime() < REMINDER_COOLDOWN_MS
              ? "recent"
              : invitation.links.length === 0
                ? "no-contacts"
                : null;
    if (reason) {
      outcome.skipped.push({ organisation, reason });
      continue;
    }
    const ctx = invitationContext(round, invitation);
    mailing.push(...invitation.links.map((link) => ({ link, ctx, draftStarted: status === "DRAFT" })));
    await tx.invitation.update({
      where: { id: invitation.id },
      data: { remindersSent: { increment: 1 }, lastRemindedAt: opts.now },
    });
    await audit(tx, {
      actorId: opts.actorId,
      action: "invitation.reminded",
      entityType: "Invitation",
      entityId: invitation.id,
      consultationId: round.consultationId,
      data: {
        organisation,
        reminder: invitation.remindersSent + 1,
        contacts: invitation.links.length,
        ...(opts.daysBefore ? { scheduled: true, daysBefore: opts.daysBefore } : { scheduled: false }),
      },
    });
    outcome.reminded.push(organisation);
  }
  outcome.emails = await queueReminders(tx, mailing);
  return outcome;
}

/** By hand, from the tracking page: a reminder to each chosen organisation that may have one. */
export async function sendReminders(actorId: string, roundId: string, invitationIds: string[], now = new Date()) {
  return db().$transaction(
    async (tx): Promise<{ ok: true; outcome: ReminderOutcome } | { ok: false; problem: string }> => {
      const round = await lockRound(tx, roundId);
      if (round.status !== "OPEN" && round.status !== "CLOSED") {
        return { ok: false, problem: "Reminders are sent while a round is open (or to organisations with an extended deadline)." };
      }
      return { ok: true, outcome: await remindInvitations(tx, round, { actorId, now, invitationIds }) };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

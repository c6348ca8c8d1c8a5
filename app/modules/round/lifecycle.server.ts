/**
 * A round's life: draft → scheduled → open → closed → archived. Opening and closing happen on
 * time by themselves (scheduler.server.ts) or now, by hand. Each transition runs with the
 * round row locked, checks the status it starts from, and is audited in its transaction, so
 * the scheduler and a coordinator (or two app processes) can never both perform it.
 *
 * Opening emails every invited contact their personal link and tells the consultation's other
 * coordinators that the round is open.
 */
import type { Prisma, RoundStatus } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { env } from "~/modules/config/env.server";
import { db } from "~/modules/db/client.server";
import type { FieldErrors } from "~/modules/forms/validation";
import { readerDateTime } from "~/modules/invitation/emails.server";
import { sendUnsentLinks } from "~/modules/invitation/invitations.server";
import { queueEmail } from "~/modules/mail/outbox.server";
import { lockRound, type LockedRound } from "./lock.server";
import type { RoundInput } from "./schemas";

type Tx = Prisma.TransactionClient;

const TX_OPTIONS = { timeout: 120_000, maxWait: 10_000 };

type Failure = { ok: false; errors: FieldErrors };

async function versionOf(tx: Tx, consultationId: string, versionId: string) {
  return tx.documentVersion.findFirst({ where: { id: versionId, consultationId }, select: { id: true } });
}

export async function createRound(actorId: string, consultationId: string, input: RoundInput): Promise<{ ok: true; roundId: string } | Failure> {
  return db().$transaction(async (tx): Promise<{ ok: true; roundId: string } | Failure> => {
    if (!(await versionOf(tx, consultationId, input.versionId))) return { ok: false, errors: { versionId: "Choose a version of this consultation's document" } };
    // Numbering: one round at a time per consultation.
    await tx.$queryRaw`SELECT "id" FROM "Consultation" WHERE "id" = ${consultationId} FOR NO KEY UPDATE`;
    const last = await tx.round.aggregate({ where: { consultationId }, _max: { number: true } });
    const round = await tx.round.create({ data: { consultationId, number: (last._max.number ?? 0) + 1, ...input } });
    await audit(tx, {
      actorId,
      action: "round.created",
      entityType: "Round",
      entityId: round.id,
      consultationId,
      data: { number: round.number, title: round.title, versionId: round.versionId },
    });
    return { ok: true, roundId: round.id };
  });
}

/** Everything about a round can change while it is a draft; after that, only through transitions. */
export async function updateRound(actorId: string, roundId: string, input: RoundInput): Promise<{ ok: true } | Failure> {
  return db().$transaction(async (tx): Promise<{ ok: true } | Failure> => {
    const round = await lockRound(tx, roundId);
    if (round.status !== "DRAFT") return { ok: false, errors: { form: `This round is ${round.status.toLowerCase()}: move it back to draft to change its settings.` } };
    if (!(await versionOf(tx, round.consultationId, input.versionId))) return { ok: false, errors: { versionId: "Choose a version of this consultation's document" } };
    if (input.versionId !== round.versionId && (await tx.question.count({ where: { roundId } })) > 0) {
      return { ok: false, errors: { versionId: "This round already has questions on its version's sections: keep the version, or start a new round" } };
    }
    const changed = (Object.keys(input) as Array<keyof RoundInput>).filter((k) => JSON.stringify(round[k]) !== JSON.stringify(input[k]));
    if (changed.length === 0) return { ok: true };
    await tx.round.update({ where: { id: roundId }, data: input });
    await audit(tx, { actorId, action: "round.updated", entityType: "Round", entityId: roundId, consultationId: round.consultationId, data: { changed } });
    return { ok: true };
  });
}

// ───────────────────────────── transitions ─────────────────────────────

export type Transition = "schedule" | "unschedule" | "open" | "close" | "archive";

/** Which transitions a coordinator may ask for, from each status. */
export const TRANSITIONS_FROM: Record<RoundStatus, Transition[]> = {
  DRAFT: ["schedule", "open"],
  SCHEDULED: ["open", "unschedule"],
  OPEN: ["close"],
  CLOSED: ["archive"],
  ARCHIVED: [],
};

/** Why a round cannot go out yet (empty when it can). `opening`: it opens now, so its opening time does not matter. */
export async function readinessProblems(tx: Tx, round: LockedRound, now: Date, opening = false): Promise<string[]> {
  const problems: string[] = [];
  if (!opening && !round.opensAt) problems.push("Set the opening date and time.");
  if (!round.closesAt) problems.push("Set the closing date and time.");
  else if (round.closesAt <= now) problems.push("The closing time has passed: set a later one.");
  else if (!opening && round.opensAt && round.closesAt <= round.opensAt) problems.push("The round must close after it opens.");
  if ((await tx.question.count({ where: { roundId: round.id, retiredAt: null } })) === 0) problems.push("Add at least one question.");
  if ((await tx.invitation.count({ where: { roundId: round.id, revokedAt: null } })) === 0) problems.push("Invite at least one organisation.");
  return problems;
}

async function lockVersion(tx: Tx, versionId: string, now: Date) {
  await tx.documentVersion.updateMany({ where: { id: versionId, lockedAt: null }, data: { lockedAt: now } });
}

async function schedule(tx: Tx, round: LockedRound, actorId: string | null, now: Date) {
  await tx.round.update({ where: { id: round.id }, data: { status: "SCHEDULED" } });
  await lockVersion(tx, round.versionId, now);
  await audit(tx, {
    actorId,
    action: "round.scheduled",
    entityType: "Round",
    entityId: round.id,
    consultationId: round.consultationId,
    data: { opensAt: round.opensAt?.toISOString() ?? null, closesAt: round.closesAt?.toISOString() ?? null, timeZone: round.timeZone },
  });
}

/** Opens the round (by hand: from now) and sends the invitations that have not gone out. */
export async function openLocked(tx: Tx, round: LockedRound, actorId: string | null, now: Date) {
  const opensAt = round.opensAt && round.opensAt <= now ? round.opensAt : now;
  await tx.round.update({ where: { id: round.id }, data: { status: "OPEN", opensAt, openedAt: now } });
  await lockVersion(tx, round.versionId, now);
  const sent = await sendUnsentLinks(tx, round);
  await audit(tx, {
    actorId,
    action: "round.opened",
    entityType: "Round",
    entityId: round.id,
    consultationId: round.consultationId,
    data: { byHand: actorId !== null, opensAt: opensAt.toISOString(), organisations: sent.organisations, links: sent.links },
  });
  await tellCoordinators(tx, round, actorId, sent);
}

/** The consultation's coordinators learn that the round opened, except whoever opened it. */
async function tellCoordinators(tx: Tx, round: LockedRound, actorId: string | null, sent: { organisations: number; links: number }) {
  const coordinators = await tx.consultationMember.findMany({
    where: { consultationId: round.consultationId, role: "COORDINATOR", user: { disabledAt: null }, ...(actorId ? { userId: { not: actorId } } : {}) },
    include: { user: { select: { name: true, email: true, language: true, timeZone: true } } },
  });
  for (const { user } of coordinators) {
    await queueEmail(tx, {
      template: "round-opened",
      to: user.email,
      language: user.language,
      consultationId: round.consultationId,
      props: {
        name: user.name,
        consultationTitle: round.consultation.title,
        roundTitle: round.title,
        closesAtText: round.closesAt ? readerDateTime(round.closesAt, user, round.timeZone) : "",
        organisations: sent.organisations,
        links: sent.links,
        link: `${env().APP_URL}/consultations/${round.consultationId}/rounds/${round.id}`,
        language: user.language,
      },
    });
  }
}

/** Closes the round (by hand: from now). Organisations with a later deadline may still answer until theirs. */
export async function closeLocked(tx: Tx, round: LockedRound, actorId: string | null, now: Date) {
  const closesAt = round.closesAt && round.closesAt <= now ? round.closesAt : now;
  await tx.round.update({ where: { id: round.id }, data: { status: "CLOSED", closesAt, closedAt: now } });
  const extended = await tx.invitation.count({ where: { roundId: round.id, revokedAt: null, extendedUntil: { gt: now } } });
  await audit(tx, {
    actorId,
    action: "round.closed",
    entityType: "Round",
    entityId: round.id,
    consultationId: round.consultationId,
    data: {
      byHand: actorId !== null,
      closesAt: closesAt.toISOString(),
      ...(round.closesAt && round.closesAt.getTime() !== closesAt.getTime() ? { plannedClosesAt: round.closesAt.toISOString() } : {}),
      extendedOrganisations: extended,
    },
  });
}

export type TransitionResult = { ok: true; status: RoundStatus } | { ok: false; problems: string[] };

/** A transition asked for by a coordinator. */
export async function transitionRound(actorId: string, roundId: string, transition: Transition, now = new Date()): Promise<TransitionResult> {
  return db().$transaction(async (tx): Promise<TransitionResult> => {
    const round = await lockRound(tx, roundId);
    // Read under the round's lock, which archiving takes too: no round starts in an archived consultation.
    if (round.consultation.archivedAt) return { ok: false, problems: ["This consultation is archived: it is read-only."] };
    if (!TRANSITIONS_FROM[round.status].includes(transition)) {
      return { ok: false, problems: [`This round is ${round.status.toLowerCase()}: it cannot be ${PAST[transition]} now.`] };
    }
    if (transition === "schedule" || transition === "open") {
      const problems = await readinessProblems(tx, round, now, transition === "open");
      if (problems.length > 0) return { ok: false, problems };
    }
    switch (transition) {
      case "schedule":
        await schedule(tx, round, actorId, now);
        // Scheduled for a time already past: it opens now rather than at the scheduler's next look.
        if (round.opensAt! <= now) await openLocked(tx, { ...round, status: "SCHEDULED" }, actorId, now);
        break;
      case "unschedule":
        await tx.round.update({ where: { id: round.id }, data: { status: "DRAFT" } });
        await audit(tx, { actorId, action: "round.unscheduled", entityType: "Round", entityId: round.id, consultationId: round.consultationId });
        break;
      case "open":
        await openLocked(tx, round, actorId, now);
        break;
      case "close":
        await closeLocked(tx, round, actorId, now);
        break;
      case "archive":
        await tx.round.update({ where: { id: round.id }, data: { status: "ARCHIVED" } });
        await audit(tx, { actorId, action: "round.archived", entityType: "Round", entityId: round.id, consultationId: round.consultationId });
        break;
    }
    const after = await tx.round.findUniqueOrThrow({ where: { id: round.id }, select: { status: true } });
    return { ok: true, status: after.status };
  }, TX_OPTIONS);
}

const PAST: Record<Transition, string> = {
  schedule: "scheduled",
  unschedule: "moved back to draft",
  open: "opened",
  close: "closed",
  archive: "archived",
};

/**
 * Makes rounds keep their own time: a scheduled round opens at its opening time, an open one
 * closes at its closing time, and the reminders it was set up with go out N days before
 * closing. Every app process runs this; each due round is handled in its own transaction
 * with its row locked (SKIP LOCKED: a round another process is handling is left to it), and
 * the status and sentReminderDays are read again under the lock, so running it twice, or in
 * two processes at once, never opens twice or sends a reminder twice.
 */
import type { Prisma } from "~/generated/prisma/client";
import { db as defaultDb, type Db } from "~/modules/db/client.server";
import { remindInvitations } from "~/modules/invitation/reminders.server";
import { closeLocked, openLocked, readinessProblems } from "./lifecycle.server";
import { lockRound, tryLockRound, type LockedRound } from "./lock.server";

type Tx = Prisma.TransactionClient;

const DAY_MS = 24 * 60 * 60_000;

export type SchedulerResult = { opened: string[]; closed: string[]; reminded: Array<{ roundId: string; daysBefore: number[]; emails: number }>; held: string[] };

/** The reminder days that are due and not sent yet. */
export function dueReminderDays(round: Pick<LockedRound, "closesAt" | "reminderDays" | "sentReminderDays">, now: Date): number[] {
  if (!round.closesAt) return [];
  return round.reminderDays.filter((d) => !round.sentReminderDays.includes(d) && round.closesAt!.getTime() - d * DAY_MS <= now.getTime());
}

async function handleRound(tx: Tx, roundId: string, now: Date, result: SchedulerResult) {
  let round = await tryLockRound(tx, roundId);
  if (!round || round.consultation.archivedAt) return; // archived while waiting: its rounds no longer run
  if (round.status === "SCHEDULED" && round.opensAt && round.opensAt <= now) {
    // A round that lost its last question or invitation since scheduling waits for a coordinator.
    const problems = await readinessProblems(tx, round, now, true);
    if (problems.length > 0) {
      result.held.push(round.id);
      return;
    }
    await openLocked(tx, round, null, now);
    result.opened.push(round.id);
    round = await lockRound(tx, roundId); // held already: this only reads it again
  }
  if (round.status === "OPEN" && round.closesAt && round.closesAt <= now) {
    await closeLocked(tx, round, null, now);
    result.closed.push(round.id);
    return;
  }
  if (round.status !== "OPEN") return;
  const due = dueReminderDays(round, now);
  if (due.length === 0) return;
  // Several days due at once (the server was down, or the round opened late): one reminder, not several.
  const outcome = await remindInvitations(tx, round, { actorId: null, now, daysBefore: due });
  await tx.round.update({ where: { id: round.id }, data: { sentReminderDays: [...round.sentReminderDays, ...due] } });
  result.reminded.push({ roundId: round.id, daysBefore: due, emails: outcome.emails });
}

/** Performs every transition and scheduled reminder due at `now`. Safe to run at any time, in any number of processes. */
export async function runRoundScheduler(now = new Date(), db: Db = defaultDb()): Promise<SchedulerResult> {
  const candidates = await db.round.findMany({
    where: {
      consultation: { archivedAt: null }, // an archived consultation's rounds stay as they are
      OR: [
        { status: "SCHEDULED", opensAt: { lte: now } },
        { status: "OPEN", closesAt: { lte: now } },
        { status: "OPEN", NOT: { reminderDays: { isEmpty: true } } },
      ],
    },
    select: { id: true, status: true, closesAt: true, reminderDays: true, sentReminderDays: true },
  });
  const result: SchedulerResult = { opened: [], closed: [], reminded: [], held: [] };
  for (const candidate of candidates) {
    if (candidate.status === "OPEN" && candidate.closesAt! > now && dueReminderDays(candidate, now).length === 0) continue;
    await db.$transaction((tx) => handleRound(tx, candidate.id, now, result), { timeout: 120_000, maxWait: 10_000 });
  }
  return result;
}

export type RoundScheduler = { stop(): Promise<void> };

/** Runs the scheduler in this process: at start and every intervalMs (a minute by default). */
export function startRoundScheduler(options: { intervalMs?: number; db?: Db; onError?: (error: unknown) => void; onRun?: (result: SchedulerResult) => void } = {}): RoundScheduler {
  const intervalMs = options.intervalMs ?? 60_000;
  const onError = options.onError ?? ((error: unknown) => console.error("round scheduler:", error));
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;

  function tick() {
    if (stopped) return;
    running = runRoundScheduler(new Date(), options.db ?? defaultDb())
      .then((result) => options.onRun?.(result))
      .catch(onError)
      .finally(() => {
        running = undefined;
        if (stopped) return;
        timer = setTimeout(tick, intervalMs);
        timer.unref?.();
      });
  }

  setImmediate(tick);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

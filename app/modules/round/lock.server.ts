import type { Prisma } from "~/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * Locks the round row for the rest of the transaction, so that its transitions, invitations
 * and reminders never interleave (two coordinators, or a coordinator and the scheduler).
 * NO KEY UPDATE: respondents creating responses (a KEY SHARE lock on the round) are not held up.
 */
export async function lockRound(tx: Tx, roundId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Round" WHERE "id" = ${roundId} FOR NO KEY UPDATE`;
  return tx.round.findUniqueOrThrow({ where: { id: roundId }, include: { consultation: { select: { title: true, archivedAt: true } } } });
}

/** The same lock, or null at once when another process holds it (the scheduler moves on). */
export async function tryLockRound(tx: Tx, roundId: string) {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Round" WHERE "id" = ${roundId} FOR NO KEY UPDATE SKIP LOCKED`;
  if (rows.length === 0) return null;
  return tx.round.findUniqueOrThrow({ where: { id: roundId }, include: { consultation: { select: { title: true, archivedAt: true } } } });
}

export type LockedRound = Awaited<ReturnType<typeof lockRound>>;

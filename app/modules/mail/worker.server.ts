/**
 * Delivers the outbox. Any number of app processes may run this at once: a message is
 * claimed by one statement (FOR UPDATE SKIP LOCKED) and then held by a lease (lockedUntil),
 * so each message is handed to the mail server by one worker at a time. A failed attempt is
 * retried with exponential backoff; after MAX_ATTEMPTS the message is FAILED and waits for
 * a person (retryEmail).
 *
 * Delivery is at least once: if a process dies after the mail server accepted a message but
 * before the database recorded it, the lease runs out and the message is sent again, with
 * the same Message-ID, so mail clients show it once.
 */
import type { Prisma } from "~/generated/prisma/client";
import { db as defaultDb, type Db } from "~/modules/db/client.server";
import { fillBody } from "./render.server";
import { createMailTransport, describeMailError, isPermanentMailError, type MailTransport } from "./transport.server";

export const MAX_ATTEMPTS = 8;
/** How long a claim holds. One delivery attempt is bounded well below this (transport timeouts). */
export const LOCK_MS = 2 * 60_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 60 * 60_000;

/** 30 s, 1 min, 2 min, 4 min ... capped at an hour, ±10% so retries from many messages spread out. */
export function defaultBackoffMs(failedAttempts: number): number {
  const base = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failedAttempts - 1), BACKOFF_CAP_MS);
  return Math.round(base * (0.9 + Math.random() * 0.2));
}

export type SendPendingOptions = {
  db: Db;
  transport: MailTransport;
  batchSize?: number;
  /** The clock (tests move it forward instead of waiting). */
  now?: Date | (() => Date);
  /** Delay before the next attempt after `failedAttempts` failures. */
  backoffMs?: (failedAttempts: number) => number;
  maxAttempts?: number;
  lockMs?: number;
  /** Messages of the batch in flight at once (default 8): a delivery mostly waits on the network and the database. */
  concurrency?: number;
};

export type SendPendingResult = {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  /** Claimed, but another worker took it over before this one got to it. */
  skipped: number;
};

/** Claims up to batchSize due messages in one statement and returns their ids. */
async function claim(db: Db, now: Date, lockedUntil: Date, batchSize: number): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "EmailMessage"
    SET "status" = 'SENDING', "lockedUntil" = ${lockedUntil}
    WHERE "id" IN (
      SELECT "id" FROM "EmailMessage"
      WHERE ("status" = 'PENDING'
             OR ("status" = 'SENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})))
        AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id"`;
  return rows.map((r) => r.id);
}

export async function sendPendingEmails(options: SendPendingOptions): Promise<SendPendingResult> {
  const { db, transport } = options;
  const batchSize = options.batchSize ?? 10;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const lockMs = options.lockMs ?? LOCK_MS;
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  const fixed = options.now;
  const clock = typeof fixed === "function" ? fixed : fixed ? () => fixed : () => new Date();

  const result: SendPendingResult = { claimed: 0, sent: 0, retrying: 0, failed: 0, skipped: 0 };
  const started = clock();
  const claimLock = new Date(started.getTime() + lockMs);
  const ids = await claim(db, started, claimLock, batchSize);
  result.claimed = ids.length;
  if (ids.length === 0) return result;

  const messages = await db.emailMessage.findMany({
    where: { id: { in: ids } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    select: { id: true, toAddress: true, subject: true, fills: true, body: { select: { html: true, text: true } }, language: true, attempts: true },
  });

  type Outcome = Exclude<keyof SendPendingResult, "claimed">;
  async function deliver(message: (typeof messages)[number]): Promise<Outcome> {
    // Renew the lease just before sending: the batch may have taken a while, and if another
    // worker has since taken the message over (lease ran out), this one must leave it alone.
    const lock = new Date(clock().getTime() + lockMs);
    const renewed = await db.emailMessage.updateMany({
      where: { id: message.id, status: "SENDING", lockedUntil: claimLock },
      data: { lockedUntil: lock },
    });
    if (renewed.count === 0) return "skipped";
    const held = { id: message.id, status: "SENDING" as const, lockedUntil: lock };

    let outcome: { ok: true; providerMessageId: string } | { ok: false; error: unknown };
    try {
      const sent = await transport.send({
        id: message.id,
        to: message.toAddress,
        subject: message.subject,
        ...fillBody(message.body, message.fills),
        language: message.language,
      });
      outcome = { ok: true, providerMessageId: sent.providerMessageId };
    } catch (error) {
      outcome = { ok: false, error };
    }

    const at = clock();
    if (outcome.ok) {
      const [, updated] = await db.$transaction([
        db.emailAttempt.create({ data: { messageId: message.id, at, ok: true } }),
        db.emailMessage.updateMany({
          where: held,
          data: { status: "SENT", sentAt: at, providerMessageId: outcome.providerMessageId, lockedUntil: null, lastError: null },
        }),
      ]);
      if (updated.count === 0) console.warn(`mail: lost the lease on ${message.id} while sending it`);
      return "sent";
    }

    const error = describeMailError(outcome.error);
    const attempts = message.attempts + 1;
    const giveUp = attempts >= maxAttempts || isPermanentMailError(outcome.error);
    await db.$transaction([
      db.emailAttempt.create({ data: { messageId: message.id, at, ok: false, error } }),
      db.emailMessage.updateMany({
        where: held,
        data: giveUp
          ? { status: "FAILED", attempts, lastError: error, lockedUntil: null }
          : {
              status: "PENDING",
              attempts,
              lastError: error,
              lockedUntil: null,
              nextAttemptAt: new Date(at.getTime() + Math.max(0, backoffMs(attempts))),
            },
      }),
    ]);
    return giveUp ? "failed" : "retrying";
  }

  // A few deliveries at a time, each message still in its own lease and its own updates.
  let next = 0;
  const lanes = Array.from({ length: Math.min(options.concurrency ?? 8, messages.length) }, async () => {
    while (next < messages.length) result[await deliver(messages[next++]!)]++;
  });
  await Promise.all(lanes);
  return result;
}

/** A FAILED message goes back in the queue, due now, with a fresh set of attempts. */
export async function retryEmail(db: Db | Prisma.TransactionClient, id: string): Promise<boolean> {
  const updated = await db.emailMessage.updateMany({
    where: { id, status: "FAILED" },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null },
  });
  return updated.count === 1;
}

export type MailWorker = {
  /** Finishes the batch in hand, then stops (and closes the transport it opened). */
  stop(): Promise<void>;
  /** Look at the outbox now rather than at the next poll, e.g. right after queueing a sign-in email. */
  wake(): void;
};

export type MailWorkerOptions = {
  intervalMs?: number;
  batchSize?: number;
  db?: Db;
  transport?: MailTransport;
  backoffMs?: (failedAttempts: number) => number;
  onError?: (error: unknown) => void;
};

/** Runs the outbox in this process: at start, every intervalMs, and whenever woken. */
export function startMailWorker(options: MailWorkerOptions = {}): MailWorker {
  const intervalMs = options.intervalMs ?? 5000;
  const batchSize = options.batchSize ?? 10;
  const onError = options.onError ?? ((error: unknown) => console.error("mail worker:", error));
  let transport = options.transport;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  async function drain() {
    transport ??= createMailTransport();
    do {
      again = false;
      const result = await sendPendingEmails({
        db: options.db ?? defaultDb(),
        transport,
        batchSize,
        backoffMs: options.backoffMs,
      });
      if (result.claimed === batchSize) again = true; // probably more waiting
    } while (again && !stopped);
  }

  function schedule() {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, intervalMs);
    timer.unref?.();
  }

  function tick() {
    if (stopped) return;
    if (running) {
      again = true; // the run in progress goes round once more
      return;
    }
    clearTimeout(timer);
    running = drain()
      .catch(onError)
      .finally(() => {
        running = undefined;
        schedule();
      });
  }

  setImmediate(tick);

  return {
    wake: () => tick(),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      if (!options.transport) transport?.close();
    },
  };
}

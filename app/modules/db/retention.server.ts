/**
 * Rows that only matter for a while, deleted once they cannot be used any more, so the tables
 * the busiest queries touch stay small: sessions a month after they ended (the cookie outlives
 * a session so a post after expiry is still recognised and its text stashed), sign-in links a
 * day after they expired, rate-limit windows a day old (the longest is 15 minutes), stashed
 * saves past their expiry, save receipts a week old (replays come within seconds), and import
 * previews a week old (what was imported is in the audit log).
 */
import type { Db } from "./client.server";
import { db as defaultDb } from "./client.server";

const DAY = 24 * 60 * 60_000;

export type Purged = Record<"sessions" | "signInTokens" | "rateLimitCounters" | "stashedSaves" | "saveReceipts" | "pendingImports", number>;

export async function purgeExpired(now = new Date(), db: Db = defaultDb()): Promise<Purged> {
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  const [sessions, signInTokens, rateLimitCounters, stashedSaves, saveReceipts, pendingImports] = await Promise.all([
    db.session.deleteMany({ where: { OR: [{ expiresAt: { lt: before(30) } }, { revokedAt: { lt: before(30) } }] } }),
    db.signInToken.deleteMany({ where: { expiresAt: { lt: before(1) } } }),
    db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: before(1) } } }),
    db.stashedSave.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.saveReceipt.deleteMany({ where: { createdAt: { lt: before(7) } } }),
    db.pendingImport.deleteMany({ where: { createdAt: { lt: before(7) } } }),
  ]);
  return {
    sessions: sessions.count,
    signInTokens: signInTokens.count,
    rateLimitCounters: rateLimitCounters.count,
    stashedSaves: stashedSaves.count,
    saveReceipts: saveReceipts.count,
    pendingImports: pendingImports.count,
  };
}

/** Purges at start and then every hour, in the app process (several processes purging at once is harmless). */
export function startRetention(options: { intervalMs?: number; onError?: (error: unknown) => void } = {}) {
  const onError = options.onError ?? ((error: unknown) => console.error("retention:", error));
  const run = () => void purgeExpired().catch(onError);
  const first = setTimeout(run, 10_000);
  const timer = setInterval(run, options.intervalMs ?? 60 * 60_000);
  first.unref?.();
  timer.unref?.();
  return { stop: () => (clearTimeout(first), clearInterval(timer)) };
}

/**
 * Fixed-window rate limits in PostgreSQL, so every app process shares them.
 * One statement per hit: insert or increment, returning the new count.
 */
import { db } from "~/modules/db/client.server";

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

export const RATE_LIMITS = {
  signInRequestPerAddress: { name: "sign-in:address", limit: 5, windowSeconds: 15 * 60 },
  signInRequestPerClient: { name: "sign-in:client", limit: 30, windowSeconds: 15 * 60 },
  codeEntryPerAccount: { name: "code:account", limit: 10, windowSeconds: 15 * 60 },
  codeEntryPerClient: { name: "code:client", limit: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

export async function hitRateLimit(rule: RateLimitRule, subject: string, now = new Date()): Promise<RateLimitResult> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const key = `${rule.name}:${subject.toLowerCase()}`;
  const rows = await db().$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { allowed: count <= rule.limit, retryAfterSeconds };
}


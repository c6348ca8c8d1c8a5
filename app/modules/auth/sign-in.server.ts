/**
 * Passwordless sign-in: a one-time link (256-bit token) and a short code, both stored hashed,
 * single use, valid for 15 minutes. Requests and code entry are rate limited by address and
 * by account. Whether an address has an account is never revealed.
 */
import crypto from "node:crypto";
import { env } from "~/modules/config/env.server";
import { db } from "~/modules/db/client.server";
import { queueEmail } from "~/modules/mail/outbox.server";
import { hashToken, randomCode, randomToken, safeEqual } from "~/modules/security/tokens.server";
import { hitRateLimit, RATE_LIMITS } from "./rate-limit.server";

export const SIGN_IN_TTL_MINUTES = 15;
const MAX_CODE_ATTEMPTS = 5;

function hashCode(tokenId: string, code: string) {
  // Keyed by the server secret and the token: 10^8 codes are not worth a precomputed table.
  return crypto.createHmac("sha256", env().SESSION_SECRET).update(`${tokenId}:${code}`).digest("hex");
}

export type SignInRequestResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export async function requestSignIn(input: {
  email: string;
  redirectTo: string | null;
  clientIp: string;
}): Promise<SignInRequestResult> {
  const email = input.email.trim().toLowerCase();
  for (const [rule, subject] of [
    [RATE_LIMITS.signInRequestPerAddress, email],
    [RATE_LIMITS.signInRequestPerClient, input.clientIp],
  ] as const) {
    const hit = await hitRateLimit(rule, subject);
    if (!hit.allowed) return { ok: false, retryAfterSeconds: hit.retryAfterSeconds };
  }

  const user = await db().user.findUnique({ where: { email } });
  if (!user || user.disabledAt) return { ok: true }; // same answer: no account enumeration

  const token = randomToken();
  const code = randomCode();
  const link = `${env().APP_URL}/sign-in/${token}`;
  await db().$transaction(async (tx) => {
    // A new request replaces older ones: only the latest link and code work.
    await tx.signInToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    const row = await tx.signInToken.create({
      data: {
        userId: user.id,
        tokenHash: hashToken(token),
        codeHash: "",
        redirectTo: input.redirectTo,
        expiresAt: new Date(Date.now() + SIGN_IN_TTL_MINUTES * 60_000),
      },
    });
    await tx.signInToken.update({ where: { id: row.id }, data: { codeHash: hashCode(row.id, code) } });
    await queueEmail(tx, {
      template: "sign-in",
      to: user.email,
      language: user.language,
      props: { name: user.name, link, code, expiresInMinutes: SIGN_IN_TTL_MINUTES, language: user.language },
    });
  });
  return { ok: true };
}

export type SignInVerification =
  | { ok: true; userId: string; redirectTo: string | null }
  | { ok: false; reason: "invalid" | "expired" | "used" | "rate-limited"; retryAfterSeconds?: number };

/** Consumes the token exactly once, even if two requests race for it. */
async function consume(tokenId: string, userId: string, redirectTo: string | null): Promise<SignInVerification> {
  const claimed = await db().signInToken.updateMany({ where: { id: tokenId, usedAt: null }, data: { usedAt: new Date() } });
  return claimed.count === 1 ? { ok: true, userId, redirectTo } : { ok: false, reason: "used" };
}

/** Reads a link's state without using it up (for the page a GET shows). */
export async function inspectSignInLink(token: string) {
  const row = await db().signInToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row) return { state: "invalid" as const, row: null };
  if (row.usedAt) return { state: "used" as const, row };
  if (row.expiresAt.getTime() <= Date.now()) return { state: "expired" as const, row };
  return { state: "valid" as const, row };
}

export async function verifySignInLink(token: string): Promise<SignInVerification> {
  const { state, row } = await inspectSignInLink(token);
  if (state !== "valid") return { ok: false, reason: state };
  return consume(row.id, row.userId, row.redirectTo);
}

export async function verifySignInCode(input: { email: string; code: string; clientIp: string }): Promise<SignInVerification> {
  const email = input.email.trim().toLowerCase();
  for (const [rule, subject] of [
    [RATE_LIMITS.codeEntryPerAccount, email],
    [RATE_LIMITS.codeEntryPerClient, input.clientIp],
  ] as const) {
    const hit = await hitRateLimit(rule, subject);
    if (!hit.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: hit.retryAfterSeconds };
  }
  const row = await db().signInToken.findFirst({
    where: { user: { email }, usedAt: null },
    orderBy: { createdAt: "desc" },
  });
  if (!row) return { ok: false, reason: "invalid" };
  if (row.expiresAt.getTime() <= Date.now()) return { ok: false, reason: "expired" };
  const attempts = await db().signInToken.update({ where: { id: row.id }, data: { attempts: { increment: 1 } } });
  if (attempts.attempts > MAX_CODE_ATTEMPTS) {
    await db().signInToken.update({ where: { id: row.id }, data: { usedAt: new Date() } });
    return { ok: false, reason: "expired" };
  }
  const code = input.code.replace(/\s+/g, "");
  if (!safeEqual(hashCode(row.id, code), row.codeHash)) return { ok: false, reason: "invalid" };
  return consume(row.id, row.userId, row.redirectTo);
}

/**
 * Sessions live in the database (revocable; idle and absolute timeouts). The cookie holds a
 * random token, signed with SESSION_SECRET so a tampered cookie is simply not a session.
 */
import { createCookie, redirect } from "@remix-run/node";
import { env, isHttps } from "~/modules/config/env.server";
import { db } from "~/modules/db/client.server";
import { hashToken, randomToken } from "~/modules/security/tokens.server";

const TOUCH_EVERY_MS = 60_000;
/**
 * The cookie outlives its session by this long: a post arriving after the session ended still
 * names it, so the save is recognised as "expired" and its text stashed (stash.server.ts keeps
 * a stash as long) instead of being a stranger's post sent to sign in.
 */
export const ENDED_SESSION_GRACE_DAYS = 7;

function sessionCookie() {
  const config = env();
  const https = isHttps(config);
  // __Host- binds the cookie to this exact origin over HTTPS (no Domain, Path=/, Secure).
  return createCookie(https ? "__Host-consult_session" : "consult_session", {
    httpOnly: true,
    secure: https,
    sameSite: "lax",
    path: "/",
    secrets: [config.SESSION_SECRET],
    maxAge: (config.SESSION_MAX_DAYS + ENDED_SESSION_GRACE_DAYS) * 24 * 60 * 60,
  });
}

let cookie: ReturnType<typeof sessionCookie> | undefined;
const getCookie = () => (cookie ??= sessionCookie());

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  language: string;
  /** IANA zone the person reads dates in; null: the round's zone. */
  timeZone: string | null;
  isAdmin: boolean;
  sessionId: string;
};

/** Creates a session and returns the Set-Cookie header value. */
export async function createSession(userId: string, request: Request): Promise<string> {
  const config = env();
  const token = randomToken();
  const now = new Date();
  await db().session.create({
    data: {
      tokenHash: hashToken(token),
      userId,
      expiresAt: new Date(now.getTime() + config.SESSION_MAX_DAYS * 24 * 60 * 60 * 1000),
      userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? null,
    },
  });
  await db().user.update({ where: { id: userId }, data: { lastSignInAt: now } });
  return getCookie().serialize(token);
}

async function readToken(request: Request): Promise<string | null> {
  const value = await getCookie().parse(request.headers.get("cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

// The root loader and the route loader of one request ask the same question: ask PostgreSQL once.
const perRequest = new WeakMap<Request, Promise<SessionUser | null>>();

export function getSessionUser(request: Request): Promise<SessionUser | null> {
  let user = perRequest.get(request);
  if (!user) {
    user = lookUpSessionUser(request);
    perRequest.set(request, user);
  }
  return user;
}

type SessionRow = Omit<SessionUser, "sessionId"> & { sessionId: string; expiresAt: Date; lastSeenAt: Date };

/** Every signed-in request asks this first: one indexed query, without Prisma's query building. */
async function lookUpSessionUser(request: Request): Promise<SessionUser | null> {
  const token = await readToken(request);
  if (!token) return null;
  const [session] = await db().$queryRaw<SessionRow[]>`
    SELECT s.id AS "sessionId", s."expiresAt", s."lastSeenAt", u.id, u.email, u.name, u.language, u."timeZone", u."isAdmin"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s."tokenHash" = ${hashToken(token)} AND s."revokedAt" IS NULL AND u."disabledAt" IS NULL`;
  if (!session) return null;
  const now = Date.now();
  const idleLimit = env().SESSION_IDLE_MINUTES * 60_000;
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + idleLimit <= now) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db().$executeRaw`UPDATE "Session" SET "lastSeenAt" = ${new Date(now)} WHERE id = ${session.sessionId}`;
  }
  const { expiresAt: _expires, lastSeenAt: _seen, ...user } = session;
  return user;
}

/** Where to send someone who must sign in first, remembering where they were going. */
export function signInUrl(request: Request): string {
  const url = new URL(request.url);
  return `/sign-in?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw redirect(signInUrl(request));
  return user;
}

export async function destroySession(request: Request): Promise<string> {
  const token = await readToken(request);
  if (token) {
    await db().session.updateMany({ where: { tokenHash: hashToken(token), revokedAt: null }, data: { revokedAt: new Date() } });
  }
  return getCookie().serialize("", { maxAge: 0 });
}

export async function revokeAllSessions(userId: string) {
  await db().session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Only same-site paths, never "//evil.example" or "https://...": no open redirects. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // Browsers drop tabs and line breaks inside a URL ("/\t/evil.example" is "//evil.example"),
  // and a Location header cannot carry line breaks: no control characters at all.
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback;
  return to;
}

/**
 * For a request whose session has ended: undefined when it carries no session cookie of ours
 * at all; else the id of the user whose session it was (null when the row is gone).
 */
export async function endedSessionOwner(request: Request): Promise<string | null | undefined> {
  const token = await readToken(request);
  if (!token) return undefined;
  const session = await db().session.findUnique({ where: { tokenHash: hashToken(token) } });
  return session?.userId ?? null;
}

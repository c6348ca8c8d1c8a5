/**
 * Passwordless sign-in and sessions against a real PostgreSQL: one-time links and codes
 * (hashed, single use, expiring, attempt-limited), rate limits, no account enumeration,
 * session timeouts and revocation, open-redirect protection, and the sign-in routes.
 */
import { describe, expect, it } from "vitest";
import { RATE_LIMITS } from "~/modules/auth/rate-limit.server";
import { createSession, destroySession, getSessionUser, requireUser, revokeAllSessions, safeRedirect } from "~/modules/auth/session.server";
import { requestSignIn, SIGN_IN_TTL_MINUTES, verifySignInCode, verifySignInLink } from "~/modules/auth/sign-in.server";
import { env } from "~/modules/config/env.server";
import { db } from "~/modules/db/client.server";
import { readOutbox } from "~/modules/mail/outbox.server";
import { hashToken } from "~/modules/security/tokens.server";
import { action as signInAction, loader as signInLoader } from "~/routes/sign-in._index";
import { action as checkAction } from "~/routes/sign-in.check";
import { action as linkAction, loader as linkLoader } from "~/routes/sign-in.$token";
import { action as signOutAction } from "~/routes/sign-out";
import { BASE, context, cookieHeader, get, outcome, post } from "./route-helpers";

// ───────────────────────────── helpers ─────────────────────────────

let counter = 0;

/** A fresh account per test: every test starts with its own rate-limit counters. */
async function newUser(label: string) {
  counter += 1;
  return db().user.create({ data: { email: `${label}-${counter}@example.org`, name: `Person ${counter}` } });
}

/** A distinct client address per test, so per-client limits never leak between tests. */
let ips = 0;
const clientIp = () => {
  ips += 1;
  return `198.51.${100 + Math.floor(ips / 250)}.${(ips % 250) + 1}`;
};

/**
 * Rate limits count in fixed 15-minute windows: a test that fills a window must not straddle
 * two. Waits out the last few seconds of a window (rarely needed, never long).
 */
async function awayFromWindowEdge() {
  const windowMs = RATE_LIMITS.signInRequestPerAddress.windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

/** The link token and code of the latest sign-in email to `email`, read from its text. */
async function latestSignInEmail(email: string) {
  const [message] = await readOutbox(db(), { where: { toAddress: email, template: "sign-in" }, orderBy: { createdAt: "desc" }, take: 1 });
  if (!message) throw new Error(`no sign-in email to ${email}`);
  const escaped = env().APP_URL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const token = new RegExp(`${escaped}/sign-in/([A-Za-z0-9_-]+)`).exec(message.text)?.[1];
  const code = /(?<!\d)(\d{8})(?!\d)/.exec(message.text)?.[1];
  if (!token || !code) throw new Error(`no link or code in the sign-in email:\n${message.text}`);
  return { message, token, code };
}

async function signInEmails(email: string) {
  return db().emailMessage.count({ where: { toAddress: email, template: "sign-in" } });
}

const wrongCode = (code: string) => (code === "00000000" ? "11111111" : "00000000");

// ───────────────────────────── requesting a sign-in ─────────────────────────────

describe("requestSignIn", () => {
  it("answers an unknown address exactly like a known one, and sends nothing", async () => {
    const known = await newUser("known");
    const before = await db().emailMessage.count();
    const unknown = await requestSignIn({ email: "nobody-here@example.org", redirectTo: null, clientIp: clientIp() });
    expect(unknown).toEqual({ ok: true });
    expect(await db().emailMessage.count()).toBe(before);
    expect(await db().signInToken.count({ where: { user: { email: "nobody-here@example.org" } } })).toBe(0);

    const knownResult = await requestSignIn({ email: known.email, redirectTo: null, clientIp: clientIp() });
    expect(knownResult).toEqual(unknown);
    expect(await db().emailMessage.count()).toBe(before + 1);
  });

  it("sends a disabled account nothing either", async () => {
    const user = await newUser("disabled");
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await requestSignIn({ email: user.email, redirectTo: null, clientIp: clientIp() })).toEqual({ ok: true });
    expect(await signInEmails(user.email)).toBe(0);
  });

  it("queues one email with a personal link and an 8-digit code; both are stored only hashed", async () => {
    const user = await newUser("mail");
    const started = Date.now();
    // The address is matched however it is typed.
    const result = await requestSignIn({ email: `  ${user.email.toUpperCase()} `, redirectTo: "/consultations", clientIp: clientIp() });
    expect(result).toEqual({ ok: true });

    expect(await signInEmails(user.email)).toBe(1);
    const { message, token, code } = await latestSignInEmail(user.email);
    expect(message.status).toBe("PENDING");
    expect(message.text).toContain(`${env().APP_URL}/sign-in/${token}`);
    expect(token.length).toBeGreaterThanOrEqual(43);

    const rows = await db().signInToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).not.toBe(token);
    expect(row.tokenHash).not.toContain(token);
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.codeHash).not.toBe(code);
    expect(row.codeHash).not.toContain(code);
    expect(row.codeHash).not.toBe(hashToken(code)); // keyed: not a plain SHA-256 a table could reverse
    expect(row.redirectTo).toBe("/consultations");
    expect(row.usedAt).toBeNull();
    const ttl = row.expiresAt.getTime() - started;
    expect(ttl).toBeGreaterThan((SIGN_IN_TTL_MINUTES - 1) * 60_000);
    expect(ttl).toBeLessThanOrEqual(SIGN_IN_TTL_MINUTES * 60_000 + 5_000);
  });

  it("makes only the latest link and code work", async () => {
    const user = await newUser("twice");
    const ip = clientIp();
    await requestSignIn({ email: user.email, redirectTo: null, clientIp: ip });
    const first = await latestSignInEmail(user.email);
    await requestSignIn({ email: user.email, redirectTo: null, clientIp: ip });
    const second = await latestSignInEmail(user.email);
    expect(second.token).not.toBe(first.token);

    expect(await verifySignInLink(first.token)).toEqual({ ok: false, reason: "used" });
    if (first.code !== second.code) {
      expect((await verifySignInCode({ email: user.email, code: first.code, clientIp: ip })).ok).toBe(false);
    }
    expect(await verifySignInLink(second.token)).toEqual({ ok: true, userId: user.id, redirectTo: null });
  });

  it("refuses the 6th request for one address within the window, whatever the spelling", async () => {
    await awayFromWindowEdge();
    const user = await newUser("limit");
    for (let i = 0; i < RATE_LIMITS.signInRequestPerAddress.limit; i++) {
      // A different client each time: the limit is per address.
      expect(await requestSignIn({ email: user.email, redirectTo: null, clientIp: clientIp() })).toEqual({ ok: true });
    }
    const refused = await requestSignIn({ email: user.email.toUpperCase(), redirectTo: null, clientIp: clientIp() });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(RATE_LIMITS.signInRequestPerAddress.windowSeconds);
    expect(await signInEmails(user.email)).toBe(5);

    // Another address is not affected.
    const other = await newUser("limit-other");
    expect(await requestSignIn({ email: other.email, redirectTo: null, clientIp: clientIp() })).toEqual({ ok: true });
  });
});

// ───────────────────────────── using a link or a code ─────────────────────────────

describe("sign-in links", () => {
  it("work once", async () => {
    const user = await newUser("link");
    await requestSignIn({ email: user.email, redirectTo: "/my", clientIp: clientIp() });
    const { token } = await latestSignInEmail(user.email);
    expect(await verifySignInLink(token)).toEqual({ ok: true, userId: user.id, redirectTo: "/my" });
    expect(await verifySignInLink(token)).toEqual({ ok: false, reason: "used" });
  });

  it("stop working when they expire", async () => {
    const user = await newUser("expired-link");
    await requestSignIn({ email: user.email, redirectTo: null, clientIp: clientIp() });
    const { token } = await latestSignInEmail(user.email);
    await db().signInToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await verifySignInLink(token)).toEqual({ ok: false, reason: "expired" });
    expect((await db().signInToken.findFirstOrThrow({ where: { userId: user.id } })).usedAt).toBeNull();
  });

  it("are not valid when made up", async () => {
    expect(await verifySignInLink("made-up-token")).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("sign-in codes", () => {
  it("work once, typed with or without a space", async () => {
    const user = await newUser("code");
    const ip = clientIp();
    await requestSignIn({ email: user.email, redirectTo: null, clientIp: ip });
    const { code, token } = await latestSignInEmail(user.email);
    const spaced = `${code.slice(0, 4)} ${code.slice(4)}`;
    expect(await verifySignInCode({ email: user.email.toUpperCase(), code: spaced, clientIp: ip })).toEqual({ ok: true, userId: user.id, redirectTo: null });
    expect((await verifySignInCode({ email: user.email, code, clientIp: ip })).ok).toBe(false);
    // The code and the link are one sign-in: using one uses up the other.
    expect(await verifySignInLink(token)).toEqual({ ok: false, reason: "used" });
  });

  it("expire", async () => {
    const user = await newUser("expired-code");
    const ip = clientIp();
    await requestSignIn({ email: user.email, redirectTo: null, clientIp: ip });
    const { code } = await latestSignInEmail(user.email);
    await db().signInToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await verifySignInCode({ email: user.email, code, clientIp: ip })).toEqual({ ok: false, reason: "expired" });
  });

  it("count wrong attempts, and after 5 wrong ones even the right code fails", async () => {
    const user = await newUser("guess");
    const ip = clientIp();
    await requestSignIn({ email: user.email, redirectTo: null, clientIp: ip });
    const { code, token } = await latestSignInEmail(user.email);
    for (let i = 1; i <= 5; i++) {
      expect(await verifySignInCode({ email: user.email, code: wrongCode(code), clientIp: ip })).toEqual({ ok: false, reason: "invalid" });
      expect((await db().signInToken.findFirstOrThrow({ where: { userId: user.id } })).attempts).toBe(i);
    }
    const right = await verifySignInCode({ email: user.email, code, clientIp: ip });
    expect(right.ok).toBe(false);
    // Locked for good: the link of the same email no longer works either.
    expect((await db().signInToken.findFirstOrThrow({ where: { userId: user.id } })).usedAt).not.toBeNull();
    expect((await verifySignInLink(token)).ok).toBe(false);
  });

  it("rate-limit the 11th entry for one account, even of the right code", async () => {
    await awayFromWindowEdge();
    const user = await newUser("code-limit");
    await requestSignIn({ email: user.email, redirectTo: null, clientIp: clientIp() });
    for (let i = 0; i < RATE_LIMITS.codeEntryPerAccount.limit; i++) {
      // Spread over clients: the limit is per account.
      const result = await verifySignInCode({ email: user.email, code: "00000000", clientIp: clientIp() });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).not.toBe("rate-limited");
    }
    // A fresh email with a fresh code: still refused until the window ends.
    await requestSignIn({ email: user.email, redirectTo: null, clientIp: clientIp() });
    const { code } = await latestSignInEmail(user.email);
    const refused = await verifySignInCode({ email: user.email, code, clientIp: clientIp() });
    expect(refused).toMatchObject({ ok: false, reason: "rate-limited" });
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(0);
    // The refused entry did not use the code up: it is still unused in the database.
    expect(await db().signInToken.count({ where: { userId: user.id, usedAt: null } })).toBe(1);
  });
});

// ───────────────────────────── sessions ─────────────────────────────

describe("sessions", () => {
  async function signedIn(label: string) {
    const user = await newUser(label);
    const setCookie = await createSession(user.id, new Request(BASE, { headers: { "user-agent": "vitest" } }));
    const cookie = cookieHeader(setCookie);
    const session = await db().session.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: "desc" } });
    return { user, setCookie, cookie, session };
  }
  // A new Request each time: getSessionUser remembers its answer per request.
  const userOf = (cookie: string) => getSessionUser(get("/", cookie));

  it("a valid cookie is the signed-in user; the cookie is HttpOnly and SameSite=Lax, and holds no stored value", async () => {
    const { user, setCookie, cookie, session } = await signedIn("session");
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(cookie).not.toContain(session.tokenHash);
    expect(await userOf(cookie)).toMatchObject({ id: user.id, email: user.email, isAdmin: false, sessionId: session.id });
    expect(session.userAgent).toBe("vitest");
  });

  it("no cookie, or a tampered one, is nobody", async () => {
    const { cookie } = await signedIn("tamper");
    expect(await getSessionUser(get("/"))).toBeNull();
    const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
    const flipped = (value[0] === "A" ? "B" : "A") + value.slice(1);
    expect(await userOf(`${name}=${flipped}`)).toBeNull();
    // The signature alone does not make a session: one signed for another token is nobody.
    const dot = value.lastIndexOf(".");
    expect(dot).toBeGreaterThan(0);
    const { cookie: other } = await signedIn("tamper-other");
    const otherSignature = other.slice(other.lastIndexOf(".") + 1);
    expect(await userOf(`${name}=${value.slice(0, dot)}.${otherSignature}`)).toBeNull();
    // The untouched cookie still works.
    expect(await userOf(cookie)).not.toBeNull();
  });

  it("a revoked session is nobody", async () => {
    const { user, cookie } = await signedIn("revoked");
    expect(await userOf(cookie)).not.toBeNull();
    await revokeAllSessions(user.id);
    expect(await userOf(cookie)).toBeNull();
  });

  it("ends after SESSION_IDLE_MINUTES without a request, and a request within that keeps it alive", async () => {
    const idleMs = env().SESSION_IDLE_MINUTES * 60_000;
    const { cookie, session } = await signedIn("idle");

    const almost = new Date(Date.now() - idleMs + 2 * 60_000);
    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: almost } });
    expect(await userOf(cookie)).not.toBeNull();
    const touched = await db().session.findUniqueOrThrow({ where: { id: session.id } });
    expect(touched.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000); // the request counted as activity

    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(Date.now() - idleMs - 60_000) } });
    expect(await userOf(cookie)).toBeNull();
  });

  it("ends at its absolute expiry even while in use", async () => {
    const { cookie, session } = await signedIn("absolute");
    await db().session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() } });
    expect(await userOf(cookie)).toBeNull();
  });

  it("ends when the account is disabled", async () => {
    const { user, cookie } = await signedIn("disabled-session");
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await userOf(cookie)).toBeNull();
  });

  it("destroySession revokes the session and clears the cookie", async () => {
    const { cookie, session } = await signedIn("destroy");
    const cleared = await destroySession(get("/sign-out", cookie));
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect((await db().session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).not.toBeNull();
    expect(await userOf(cookie)).toBeNull();
  });

  it("signing out through the route revokes the session", async () => {
    const { cookie, session } = await signedIn("sign-out");
    const result = await outcome(() => signOutAction({ request: post("/sign-out", {}, cookie), params: {}, context }));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
    expect(result.headers?.get("set-cookie")).toBeTruthy();
    expect((await db().session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).not.toBeNull();
    expect(await userOf(cookie)).toBeNull();
  });

  it("requireUser sends a signed-out visitor to sign in, remembering where they were going", async () => {
    const result = await outcome(() => requireUser(get("/consultations?tab=rounds")));
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/sign-in?${new URLSearchParams({ redirectTo: "/consultations?tab=rounds" })}`);
  });
});

describe("safeRedirect", () => {
  it("refuses other sites and protocol-relative tricks", () => {
    for (const evil of ["//evil.example", "//evil.example/path", "https://evil.example", "http://evil.example", "/\\evil", "/\\/evil.example", "evil", "javascript:alert(1)", ""]) {
      expect(safeRedirect(evil, "/fallback"), evil).toBe("/fallback");
    }
    // Browsers drop tabs and line breaks inside URLs: "/<tab>/evil.example" is "//evil.example".
    for (const evil of ["/\t/evil.example", "/\t\\evil.example", "/\n/evil.example", "/\r\n/evil.example"]) {
      expect(new URL(evil, BASE).origin, JSON.stringify(evil)).toBe("http://evil.example");
      expect(safeRedirect(evil, "/fallback"), JSON.stringify(evil)).toBe("/fallback");
    }
    // A line break would also end the Location header early.
    expect(safeRedirect("/consultations\r\nSet-Cookie: x=1", "/fallback")).toBe("/fallback");
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined, "/home")).toBe("/home");
  });

  it("accepts paths on this site", () => {
    expect(safeRedirect("/consultations")).toBe("/consultations");
    expect(safeRedirect("/respond/abc/review?x=1#top")).toBe("/respond/abc/review?x=1#top");
  });
});

// ───────────────────────────── the routes ─────────────────────────────

describe("the sign-in pages", () => {
  it("POST /sign-in with a malformed address: 400, an error on the field, and the typed value kept", async () => {
    const before = await db().emailMessage.count();
    const result = await outcome(() => signInAction({ request: post("/sign-in", { email: "not an email" }), params: {}, context }));
    expect(result.status).toBe(400);
    expect(result.data.errors.email).toBe("validation.emailFormat"); // a key: the field shows it in the reader's language
    expect(result.data.values.email).toBe("not an email");
    expect(await db().emailMessage.count()).toBe(before);

    const empty = await outcome(() => signInAction({ request: post("/sign-in", { email: "  " }), params: {}, context }));
    expect(empty.status).toBe(400);
    expect(empty.data.errors.email).toBe("validation.emailMissing");
  });

  it("POST /sign-in for a known address queues the email, wakes the mail worker and goes to the check page", async () => {
    const user = await newUser("route");
    let woken = 0;
    const result = await outcome(() =>
      signInAction({
        request: post("/sign-in", { email: user.email, redirectTo: "//evil.example" }),
        params: {},
        context: { ...context, clientIp: clientIp(), wakeMailWorker: () => void woken++ },
      }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/sign-in/check?${new URLSearchParams({ email: user.email })}`);
    expect(woken).toBe(1);
    expect(await signInEmails(user.email)).toBe(1);
    // The unsafe redirect was dropped, not stored.
    expect((await db().signInToken.findFirstOrThrow({ where: { userId: user.id } })).redirectTo).toBeNull();
  });

  it("POST /sign-in over the limit: 429 with Retry-After and the address kept", async () => {
    await awayFromWindowEdge();
    const user = await newUser("route-limit");
    const send = () => outcome(() => signInAction({ request: post("/sign-in", { email: user.email }), params: {}, context: { ...context, clientIp: clientIp() } }));
    for (let i = 0; i < RATE_LIMITS.signInRequestPerAddress.limit; i++) expect((await send()).status).toBe(302);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers?.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.data.errors.email).toMatch(/Too many sign-in requests/);
    expect(refused.data.values.email).toBe(user.email);
  });

  it("POST /sign-in/check with a wrong code: 401 with an error on the code, and no session", async () => {
    const user = await newUser("check");
    const ip = clientIp();
    await requestSignIn({ email: user.email, redirectTo: null, clientIp: ip });
    const { code } = await latestSignInEmail(user.email);
    const result = await outcome(() =>
      checkAction({ request: post("/sign-in/check", { email: user.email, code: wrongCode(code) }), params: {}, context: { ...context, clientIp: ip } }),
    );
    expect(result.status).toBe(401);
    expect(result.data.errors.code).toMatch(/not right/);
    expect(result.data.values.code).toBe(wrongCode(code));
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);

    const malformed = await outcome(() => checkAction({ request: post("/sign-in/check", { email: user.email, code: "12ab" }), params: {}, context: { ...context, clientIp: ip } }));
    expect(malformed.status).toBe(400);
    expect(malformed.data.errors.code).toBe("validation.codeFormat");
  });

  it("POST /sign-in/check with the right code signs in and follows the stored redirect", async () => {
    const user = await newUser("check-ok");
    const ip = clientIp();
    await requestSignIn({ email: user.email, redirectTo: "/my", clientIp: ip });
    const { code } = await latestSignInEmail(user.email);
    const result = await outcome(() => checkAction({ request: post("/sign-in/check", { email: user.email, code }), params: {}, context: { ...context, clientIp: ip } }));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/my");
    const cookie = cookieHeader(result.headers?.get("set-cookie"));
    expect((await getSessionUser(get("/", cookie)))?.id).toBe(user.id);
  });

  it("GET /sign-in when already signed in goes on to redirectTo, but never to another site", async () => {
    const user = await newUser("signed-in");
    const cookie = cookieHeader(await createSession(user.id, new Request(BASE)));
    const open = (redirectTo: string) =>
      outcome(() => signInLoader({ request: get(`/sign-in?${new URLSearchParams({ redirectTo })}`, cookie), params: {}, context }));
    expect(await open("/my")).toMatchObject({ status: 302, location: "/my" });
    expect(await open("//evil.example")).toMatchObject({ status: 302, location: "/" });
    expect(await open("/\t/evil.example")).toMatchObject({ status: 302, location: "/" });

    const signedOut = await outcome(() => signInLoader({ request: get(`/sign-in?${new URLSearchParams({ redirectTo: "/\t/evil.example" })}`), params: {}, context }));
    expect(signedOut.status).toBe(200);
    expect(signedOut.data.redirectTo).toBe("");
  });

  it("GET /sign-in/<unknown token>: 404", async () => {
    const result = await outcome(() => linkLoader({ request: get("/sign-in/nope"), params: { token: "nope" }, context }));
    expect(result.status).toBe(404);
    expect(result.data.problem).toBe("invalid");
  });

  it("GET of a valid link changes nothing (mail scanners prefetch links); POST signs in once", async () => {
    const user = await newUser("route-link");
    await requestSignIn({ email: user.email, redirectTo: "/consultations", clientIp: clientIp() });
    const { token } = await latestSignInEmail(user.email);

    const shown = await outcome(() => linkLoader({ request: get(`/sign-in/${token}`), params: { token }, context }));
    expect(shown.status).toBe(200);
    expect(shown.data.problem).toBeNull();
    expect((await db().signInToken.findFirstOrThrow({ where: { userId: user.id } })).usedAt).toBeNull();

    const used = await outcome(() => linkAction({ request: post(`/sign-in/${token}`, {}), params: { token }, context }));
    expect(used.status).toBe(302);
    expect(used.location).toBe("/consultations");
    const setCookie = used.headers?.get("set-cookie");
    expect(setCookie).toMatch(/^consult_session=/);
    expect((await getSessionUser(get("/", cookieHeader(setCookie))))?.id).toBe(user.id);

    const again = await outcome(() => linkAction({ request: post(`/sign-in/${token}`, {}), params: { token }, context }));
    expect(again.status).toBe(410);
    expect(again.data.problem).toBe("used");
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);

    const reopened = await outcome(() => linkLoader({ request: get(`/sign-in/${token}`), params: { token }, context }));
    expect(reopened.status).toBe(410);
  });
});

/**
 * A save posted after the session ended keeps its text: the posted answers are stashed here
 * (7 days) and the browser gets a random token in an httpOnly cookie. When the person signs in
 * again and opens the section, the page offers the text back; saving it (same conflict rules)
 * or discarding it is a POST, which clears the stash (a GET changes nothing). Only a browser that held one of our sessions can stash anything.
 */
import { createCookie } from "@remix-run/node";
import type { Prisma } from "~/generated/prisma/client";
import { ENDED_SESSION_GRACE_DAYS, endedSessionOwner } from "~/modules/auth/session.server";
import { env, isHttps } from "~/modules/config/env.server";
import { db } from "~/modules/db/client.server";
import { hashToken, randomToken } from "~/modules/security/tokens.server";

const KEEP_DAYS = ENDED_SESSION_GRACE_DAYS;
export type Fields = Record<string, string | string[]>;

function stashCookie() {
  const config = env();
  return createCookie(isHttps(config) ? "__Host-consult_stash" : "consult_stash", {
    httpOnly: true,
    secure: isHttps(config),
    sameSite: "lax",
    path: "/",
    secrets: [config.SESSION_SECRET],
    maxAge: KEEP_DAYS * 24 * 60 * 60,
  });
}
let cookie: ReturnType<typeof stashCookie> | undefined;
const getCookie = () => (cookie ??= stashCookie());

/** Only answers and their revisions are kept, never anything else a post may carry. */
const kept = (name: string) => name.startsWith("q_") || name.startsWith("rev_");

/**
 * Stashes a signed-out post and returns the Set-Cookie header, or null when the request never
 * had a session of ours (a stranger is simply sent to sign in).
 */
export async function stashSave(request: Request, invitationId: string, sectionKey: string, fields: Fields): Promise<string | null> {
  const owner = await endedSessionOwner(request);
  if (owner === undefined) return null;
  const token = randomToken();
  await db().stashedSave.create({
    data: {
      tokenHash: hashToken(token),
      invitationId,
      sectionKey,
      userId: owner,
      fields: Object.fromEntries(Object.entries(fields).filter(([name]) => kept(name))) as Prisma.InputJsonObject,
      expiresAt: new Date(Date.now() + KEEP_DAYS * 24 * 60 * 60_000),
    },
  });
  return getCookie().serialize(token);
}

async function find(request: Request, invitationId: string, sectionKey: string) {
  const token = await getCookie().parse(request.headers.get("cookie"));
  if (typeof token !== "string" || !token) return null;
  const stash = await db().stashedSave.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!stash || stash.expiresAt <= new Date() || stash.invitationId !== invitationId || stash.sectionKey !== sectionKey) return null;
  return { ...stash, fields: stash.fields as Fields };
}

/** What a signed-out browser stashed for this section: its own text, to show it is kept. */
export async function stashedFor(request: Request, invitationId: string, sectionKey: string) {
  return find(request, invitationId, sectionKey);
}

/** The stash a signed-in contact may claim: theirs, or one whose session row was gone. */
export async function claimableStash(request: Request, invitationId: string, sectionKey: string, userId: string) {
  const stash = await find(request, invitationId, sectionKey);
  return stash && (stash.userId === null || stash.userId === userId) ? stash : null;
}

/** Removes a claimed stash; returns the Set-Cookie header that forgets it. */
export async function clearStash(id: string): Promise<string> {
  await db().stashedSave.deleteMany({ where: { id } });
  return getCookie().serialize("", { maxAge: 0 });
}

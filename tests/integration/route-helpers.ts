/**
 * Calling Remix loaders and actions directly, as the server would: requests with a session
 * cookie, the load context server.ts passes, and one shape for whatever comes back or is
 * thrown (a Response for redirects, data() with a status, or plain data).
 */
import { createSession } from "~/modules/auth/session.server";
import { db } from "~/modules/db/client.server";

export const BASE = "http://localhost:3000";

export const context = { cspNonce: "", clientIp: "203.0.113.7", wakeMailWorker: () => {} };

export type Outcome = {
  status: number;
  location?: string | null;
  headers?: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
};

type DataWithResponseInit = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };

function isDataWithInit(value: unknown): value is DataWithResponseInit {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

/** What a loader or action returned or threw, as status, redirect location, headers and data. */
export async function outcome(run: () => Promise<unknown> | unknown): Promise<Outcome> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response) {
    const body = value.headers.get("content-type")?.includes("json") ? await value.json() : undefined;
    return { status: value.status, location: value.headers.get("location"), headers: value.headers, data: body };
  }
  if (isDataWithInit(value)) {
    return { status: value.init?.status ?? 200, headers: new Headers(value.init?.headers), data: value.data };
  }
  if (value instanceof Error) throw value; // a crash is not an outcome
  return { status: 200, data: value };
}

/** The Cookie header for a Set-Cookie header value. */
export function cookieHeader(setCookie: string | null | undefined): string {
  if (!setCookie) throw new Error("no Set-Cookie header");
  return setCookie.split(";")[0]!;
}

/** A signed-in browser's Cookie header for this user. */
export async function cookieFor(userId: string): Promise<string> {
  return cookieHeader(await createSession(userId, new Request(BASE)));
}

export async function cookieForEmail(email: string): Promise<string> {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return cookieFor(user.id);
}

export function get(path: string, cookie?: string): Request {
  return new Request(BASE + path, { headers: cookie ? { cookie } : {} });
}

/** A form post (application/x-www-form-urlencoded); arrays become repeated fields. */
export function post(path: string, fields: Record<string, string | string[]>, cookie?: string): Request {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (cookie) headers.cookie = cookie;
  return new Request(BASE + path, { method: "POST", headers, body });
}

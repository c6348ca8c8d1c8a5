/**
 * The section page's autosave (app/enhance/autosave.ts): the page's own action
 * (saveSection: one action, one schema) with intent=autosave, its result answered as JSON.
 * A separate URL because a post to the page's URL is answered with the re-rendered page
 * (Remix runs the page's loaders after the action); here only the action runs.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { notFound } from "~/modules/auth/authorization.server";
import { readForm } from "~/modules/forms/read-form.server";
import { saveSection, sectionPath } from "~/modules/response/section-action.server";

type DataWithInit = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };
const isDataWithInit = (value: unknown): value is DataWithInit =>
  typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";

/**
 * The answer with its length: a few hundred bytes go out as they are (the server compresses
 * only bodies over 1 KB, and a streamed body of unknown length would be gzipped each time).
 */
function json(body: unknown, init?: ResponseInit) {
  const text = JSON.stringify(body);
  const headers = new Headers(init?.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  headers.set("Content-Length", String(Buffer.byteLength(text)));
  return new Response(text, { ...init, headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const invitationId = params.invitationId!;
  const sectionKey = params.sectionKey!;
  const form = await readForm(request);
  form.set("intent", "autosave");
  // The page's address, for sign-in links and redirects; the session comes with the headers.
  const page = new Request(new URL(sectionPath(invitationId, sectionKey), request.url), { method: "POST", headers: request.headers });
  let result: unknown;
  try {
    result = await saveSection(page, form, invitationId, sectionKey);
  } catch (thrown) {
    // A redirect to sign in (a browser that never had a session here): for the script, signed out.
    if (thrown instanceof Response && thrown.status >= 300 && thrown.status < 400) {
      return json({ kind: "expired", signInHref: thrown.headers.get("Location") ?? "/sign-in" }, { status: 401 });
    }
    throw thrown;
  }
  if (isDataWithInit(result)) return json(result.data, result.init ?? undefined);
  if (result instanceof Response) throw new Error("An autosave cannot end in a redirect.");
  return json(result);
}

export function loader() {
  notFound();
}

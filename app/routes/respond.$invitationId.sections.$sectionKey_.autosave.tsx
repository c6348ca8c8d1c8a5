/**
 * The section page's autosave (app/enhance/autosave.ts): the page's own action
 * (saveSection: one action, one schema) with intent=autosave, its result answered as JSON.
 * A separate URL because a post to the page's URL is answered with the re-rendered page
 * (Remix runs the page's loaders after the action); here only the action runs.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { notFound } from "~/modules/auth/authorization.server";
import { saveSection, sectionPath } from "~/modules/response/section-action.server";

type DataWithInit = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };
const isDataWithInit = (value: unknown): value is DataWithInit =>
  typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";

export async function action({ request, params }: ActionFunctionArgs) {
  const invitationId = params.invitationId!;
  const sectionKey = params.sectionKey!;
  const form = await request.formData();
  form.set("intent", "autosave");
  const headers = new Headers(request.headers);
  headers.delete("content-type"); // the new body sets its own multipart boundary
  headers.delete("content-length");
  const page = new URL(sectionPath(invitationId, sectionKey), request.url);
  let result: unknown;
  try {
    result = await saveSection(new Request(page, { method: "POST", headers, body: form }), invitationId, sectionKey);
  } catch (thrown) {
    // A redirect to sign in (a browser that never had a session here): for the script, signed out.
    if (thrown instanceof Response && thrown.status >= 300 && thrown.status < 400) {
      return Response.json({ kind: "expired", signInHref: thrown.headers.get("Location") ?? "/sign-in" }, { status: 401 });
    }
    throw thrown;
  }
  if (isDataWithInit(result)) return Response.json(result.data, result.init ?? undefined);
  if (result instanceof Response) throw new Error("An autosave cannot end in a redirect.");
  return Response.json(result);
}

export function loader() {
  notFound();
}

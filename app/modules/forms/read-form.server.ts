/**
 * The body of a form post, or a clear refusal: a post that is not a form (JSON, text/plain,
 * garbage) is answered 400 and one over the size limit 413, instead of the TypeError
 * `request.formData()` throws (a 500). The refusal is a thrown JSON Response with a
 * translated `message`: the root error page shows it, a resource route returns it as it is.
 */
import { serverT } from "~/modules/i18n/language.server";

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);
/** Room for a section's answers: several proposed wordings of a 200,000-character section, percent-encoded. */
export const MAX_FORM_BYTES = 8 * 1024 * 1024;

async function refuse(request: Request, status: 400 | 413): Promise<never> {
  const { t } = await serverT(request);
  throw Response.json({ message: t(status === 413 ? "problem.formTooLarge" : "problem.notAForm", { ns: "common" }) }, { status });
}

export async function readForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormData> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.has(type)) return refuse(request, 400);
  const declared = Number(request.headers.get("content-length"));
  if (declared > maxBytes) return refuse(request, 413);
  // The length may be absent (chunked): count what arrives and stop at the limit.
  const chunks: Buffer[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return refuse(request, 413);
      }
      chunks.push(Buffer.from(value));
    }
  }
  try {
    return await new Response(Buffer.concat(chunks), { headers: { "content-type": request.headers.get("content-type")! } }).formData();
  } catch {
    return refuse(request, 400);
  }
}

/**
 * Downloads a file attached to a response: for the organisation's contacts and the
 * consultation's staff (404 for everyone else). Always as a download, with the type we
 * detected from its content and no sniffing, so a browser never renders it in our origin.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { attachmentDisposition, requireAttachmentDownload } from "~/modules/response/attachments.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const attachment = await requireAttachmentDownload(user, params.attachmentId!);
  return new Response(attachment.content, {
    headers: {
      "Content-Type": attachment.mediaType,
      "Content-Length": String(attachment.content.length),
      "Content-Disposition": attachmentDisposition(attachment.filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}

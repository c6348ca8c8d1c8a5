/**
 * Multipart form posts with files, parsed in memory with a size limit. A file over the limit
 * or a body that is not well-formed multipart is a clear 400 for the form, never a crash.
 */
import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

export class UploadTooLargeError extends Error {
  override name = "UploadTooLargeError";
}

export async function readMultipartForm(request: Request, maxBytes: number): Promise<FormData> {
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      throw new UploadTooLargeError(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
    }
    // A body that is not complete multipart (cut off, no boundary, another type) is the
    // sender's fault: the parser reports it as a TypeError or a plain "malformed" Error.
    if (error instanceof TypeError || (error instanceof Error && /multipart|form ?data|boundary|stream/i.test(error.message))) {
      throw data({ message: "The upload did not arrive complete. Please choose the file and send it again." }, { status: 400 });
    }
    throw error;
  }
}

/** The uploaded file of a field, or null when the field was left empty. */
export async function uploadedFile(form: FormData, name: string): Promise<{ filename: string; mediaType: string; content: Buffer } | null> {
  const value = form.get(name);
  if (!value || typeof value === "string" || value.size === 0) return null;
  return {
    filename: value.name || "upload",
    mediaType: value.type || "application/octet-stream",
    content: Buffer.from(await value.arrayBuffer()),
  };
}

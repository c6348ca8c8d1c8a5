/**
 * Multipart form posts with files, parsed in memory with a size limit. A file over the limit
 * is a clear 400 for the form, never a crash.
 */
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

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

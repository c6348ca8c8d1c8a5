/**
 * What may be attached to a response, shared by the upload form (accept, hints) and the
 * server (which decides by the file's content, never by its name or declared type).
 */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

/** Only a hint to the browser's file picker; the server checks the content. */
export const ATTACHMENT_ACCEPT = ".pdf,.docx,.odt,.xlsx,.png,.jpg,.jpeg,.webp,.gif";

/** The kinds of file we accept, by content, with the name shown to people. */
export const ATTACHMENT_KINDS = {
  "application/pdf": { extension: "pdf", label: "PDF" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { extension: "docx", label: "Word" },
  "application/vnd.oasis.opendocument.text": { extension: "odt", label: "OpenDocument" },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { extension: "xlsx", label: "Excel" },
  "image/png": { extension: "png", label: "PNG" },
  "image/jpeg": { extension: "jpg", label: "JPEG" },
  "image/gif": { extension: "gif", label: "GIF" },
  "image/webp": { extension: "webp", label: "WebP" },
} as const;

export type AttachmentMediaType = keyof typeof ATTACHMENT_KINDS;

export function kindLabel(mediaType: string): string {
  return ATTACHMENT_KINDS[mediaType as AttachmentMediaType]?.label ?? mediaType;
}

/** "1.2 MB", "350 KB": sizes as people read them, in their locale's digits. */
export function formatSize(bytes: number, locale: string): string {
  const number = (value: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes >= 1024 * 1024) return `${number(bytes / 1024 / 1024, 1)} MB`;
  if (bytes >= 1024) return `${number(Math.ceil(bytes / 1024), 0)} KB`;
  return `${number(bytes, 0)} B`;
}

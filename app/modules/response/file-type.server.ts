/**
 * Which kind of file an upload really is, from its bytes: the name and the type the browser
 * declared are chosen by the sender and prove nothing. Office files are zip containers, told
 * apart by the entries listed in the zip's central directory (and, for OpenDocument, by the
 * `mimetype` entry the format requires to be stored uncompressed).
 */
import type { AttachmentMediaType } from "./attachment-rules";

const ODT = "application/vnd.oasis.opendocument.text";

function startsWith(content: Buffer, signature: number[] | string, at = 0) {
  const bytes = typeof signature === "string" ? Buffer.from(signature, "latin1") : Buffer.from(signature);
  return content.length >= at + bytes.length && content.subarray(at, at + bytes.length).equals(bytes);
}

export function detectMediaType(content: Buffer): AttachmentMediaType | null {
  if (startsWith(content, "%PDF-")) return "application/pdf";
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(content, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(content, "GIF87a") || startsWith(content, "GIF89a")) return "image/gif";
  if (startsWith(content, "RIFF") && startsWith(content, "WEBP", 8)) return "image/webp";
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return officeType(content);
  return null;
}

type ZipEntry = { name: string; method: number; compressedSize: number; localOffset: number };

function officeType(content: Buffer): AttachmentMediaType | null {
  const entries = zipEntries(content);
  if (!entries) return null;
  const names = new Set(entries.map((e) => e.name));
  const has = (prefix: string) => entries.some((e) => e.name.startsWith(prefix));
  if (names.has("[Content_Types].xml")) {
    if (has("word/")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (has("xl/")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return null;
  }
  const mimetype = entries.find((e) => e.name === "mimetype");
  if (mimetype && storedEntry(content, mimetype)?.toString("latin1").trim() === ODT) return ODT;
  return null;
}

/** The central directory's entries, or null when this is not a readable zip. */
function zipEntries(content: Buffer): ZipEntry[] | null {
  // The end-of-central-directory record is in the last 22 bytes plus an optional comment.
  const from = Math.max(0, content.length - 22 - 0xffff);
  let end = -1;
  for (let i = content.length - 22; i >= from; i--) {
    if (content.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = content.readUInt16LE(end + 10);
  let at = content.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > content.length || content.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = content.readUInt16LE(at + 28);
    const extraLength = content.readUInt16LE(at + 30);
    const commentLength = content.readUInt16LE(at + 32);
    if (at + 46 + nameLength > content.length) return null;
    entries.push({
      name: content.toString("utf8", at + 46, at + 46 + nameLength),
      method: content.readUInt16LE(at + 10),
      compressedSize: content.readUInt32LE(at + 20),
      localOffset: content.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of an entry stored without compression, or null. */
function storedEntry(content: Buffer, entry: ZipEntry): Buffer | null {
  const at = entry.localOffset;
  if (entry.method !== 0 || at + 30 > content.length || content.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + content.readUInt16LE(at + 26) + content.readUInt16LE(at + 28);
  const stop = start + entry.compressedSize;
  return stop <= content.length ? content.subarray(start, stop) : null;
}

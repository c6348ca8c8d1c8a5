/**
 * The browser tests' mailbox: a real SMTP server (smtp-server, plain SMTP on 127.0.0.1, no
 * STARTTLS or AUTH) that the app under test sends to through SMTP_URL, exactly as it would to
 * a provider. Each message it accepts is decoded (just enough MIME for what nodemailer sends:
 * RFC 2047 subjects, multipart text parts in quoted-printable, base64 or 7bit) and stored as
 * `<seq>.json` ({ seq, to, subject, text, date }) in the inbox directory, which tests read
 * with readLatestEmail (fixtures.ts).
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export type InboxMessage = {
  /** 1, 2, 3… in the order the server accepted them: a higher seq is newer. */
  seq: number;
  /** Envelope recipients, lower case. */
  to: string[];
  subject: string;
  /** The text/plain part, decoded, with \n line ends. */
  text: string;
  /** ISO 8601, when the server accepted it. */
  date: string;
};

/** `<E2E data dir>/smtp-inbox`: where global setup's server stores messages. */
export function inboxDir(dataDir = process.env.E2E_DATA_DIR ?? "") {
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set: run the browser tests through `npx playwright test` (global setup).");
  return path.join(dataDir, "smtp-inbox");
}

/** Starts the server on a free port; every accepted message lands in `dir`. */
export async function startSmtpInbox(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  let seq = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        try {
          const message: InboxMessage = {
            seq: ++seq,
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            date: new Date().toISOString(),
            ...parseMessage(Buffer.concat(chunks).toString("latin1")),
          };
          // Written whole then renamed, so a reader never sees half a message.
          const file = path.join(dir, `${String(message.seq).padStart(6, "0")}.json`);
          fs.writeFileSync(`${file}.tmp`, JSON.stringify(message, null, 2));
          fs.renameSync(`${file}.tmp`, file);
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every stored message, newest first. */
export function readInbox(dir = inboxDir()): InboxMessage[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(".json"))
    .sort()
    .reverse()
    .map((n) => JSON.parse(fs.readFileSync(path.join(dir, n), "utf8")) as InboxMessage);
}

// ───────────────────────────── minimal MIME ─────────────────────────────
// The raw message is held as latin1 so that each char is one byte; text is turned into
// Unicode only once a part's bytes are known, with its charset.

/** Subject and text/plain body of a raw RFC 5322 message. */
export function parseMessage(raw: string): { subject: string; text: string } {
  const { headers, body } = splitEntity(raw);
  return { subject: decodeWords(headers["subject"] ?? ""), text: textPart(headers, body) ?? "" };
}

type Headers = Record<string, string>;

/** Headers (unfolded, names lower case) and body of a message or MIME part. */
function splitEntity(raw: string): { headers: Headers; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : "";
  const headers: Headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] ??= line.slice(colon + 1).trim();
  }
  return { headers, body };
}

/** A Content-Type parameter (boundary, charset), quoted or not. */
function param(value: string | undefined, name: string): string | undefined {
  return new RegExp(`;\\s*${name}="?([^";]+)"?`, "i").exec(value ?? "")?.[1];
}

/** The first text/plain part, depth first through multiparts, decoded. */
function textPart(headers: Headers, body: string): string | null {
  const type = (headers["content-type"] ?? "text/plain").split(";")[0]!.trim().toLowerCase();
  if (type.startsWith("multipart/")) {
    const boundary = param(headers["content-type"], "boundary");
    if (!boundary) return null;
    const parts = body.split(new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:--)?[ \\t]*\\r?\\n?`)).slice(1, -1);
    for (const part of parts) {
      const entity = splitEntity(part);
      const text = textPart(entity.headers, entity.body);
      if (text !== null) return text;
    }
    return null;
  }
  if (type !== "text/plain") return null;
  const bytes = transferDecode(body, headers["content-transfer-encoding"]);
  return decodeCharset(bytes, param(headers["content-type"], "charset")).replace(/\r\n/g, "\n").trim();
}

function transferDecode(body: string, encoding = "7bit"): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64");
    case "quoted-printable":
      return Buffer.from(body.replace(/[ \t]+(\r?\n)/g, "$1").replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1");
    default:
      return Buffer.from(body, "latin1");
  }
}

function decodeCharset(bytes: Buffer, charset = "utf-8"): string {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString("utf8"); // unknown charset label
  }
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=); whitespace between two is dropped. */
function decodeWords(value: string): string {
  return value.replace(/(\?=)\s+(=\?)/g, "$1$2").replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, kind: string, data: string) => {
    const bytes =
      kind.toUpperCase() === "B"
        ? Buffer.from(data, "base64")
        : Buffer.from(data.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1");
    return decodeCharset(bytes, charset);
  });
}

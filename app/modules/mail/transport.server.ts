/**
 * The one way Consult hands a message to the world. With SMTP_URL: SMTP through nodemailer.
 * Without it: each message is written as an RFC 5322 .eml file under DATA_DIR/mail, with a
 * .json sidecar (subject, to, date, text, html) that the local mailbox page (/dev/mail) reads.
 */
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { env } from "~/modules/config/env.server";

export type MailConfig = {
  /** smtp://user:pass@host:587 or smtps://...; unset writes to the local mailbox. */
  smtpUrl?: string;
  from: string;
  dataDir: string;
};

/** What the worker hands over: one stored EmailMessage. */
export type OutgoingEmail = {
  /** The EmailMessage id: becomes the Message-ID and the X-Consult-Message-Id header. */
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  language?: string;
};

export type SentEmail = { providerMessageId: string };

export type MailTransport = {
  kind: "smtp" | "local";
  send(message: OutgoingEmail): Promise<SentEmail>;
  close(): void;
};

/** Explicit settings win; anything missing comes from the environment (env.server.ts). */
export function resolveMailConfig(override: Partial<MailConfig> = {}): MailConfig {
  const complete = "smtpUrl" in override && override.from !== undefined && override.dataDir !== undefined;
  if (complete) return { smtpUrl: override.smtpUrl || undefined, from: override.from!, dataDir: override.dataDir! };
  const e = env();
  return {
    smtpUrl: ("smtpUrl" in override ? override.smtpUrl : e.SMTP_URL) || undefined,
    from: override.from ?? e.MAIL_FROM,
    dataDir: override.dataDir ?? e.dataDir,
  };
}

export function mailDir(dataDir: string) {
  return path.join(dataDir, "mail");
}

/** The domain of the sender address, for Message-IDs. */
function senderDomain(from: string) {
  const match = /@([^>\s]+)>?\s*$/.exec(from.trim());
  return match?.[1]?.toLowerCase() ?? "consult.localhost";
}

/**
 * The nodemailer message. The Message-ID is derived from the EmailMessage id, so a message
 * that is ever sent twice (a crash between the server's "250 OK" and our database update)
 * carries the same Message-ID both times and mail clients show it once.
 */
function toMailOptions(config: MailConfig, message: OutgoingEmail): Mail.Options {
  return {
    from: config.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: `<${message.id}@${senderDomain(config.from)}>`,
    headers: {
      "X-Consult-Message-Id": message.id,
      "Auto-Submitted": "auto-generated", // no out-of-office replies, please
      ...(message.language ? { "Content-Language": message.language } : {}),
    },
  };
}

/**
 * nodemailer options from an SMTP URL, the way nodemailer reads one (query parameters become
 * options, "tls.x" goes under tls), plus bounded timeouts: the worker's lock on a message
 * lasts two minutes, so one delivery attempt must never take longer than that.
 */
export function smtpOptionsFromUrl(smtpUrl: string): Record<string, unknown> {
  const url = new URL(smtpUrl);
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw new Error("SMTP_URL must start with smtp:// or smtps://");
  const options: Record<string, unknown> & { tls?: Record<string, unknown> } = {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    secure: url.protocol === "smtps:",
  };
  if (url.port) options.port = Number(url.port);
  if (url.username) options.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  for (const [key, raw] of url.searchParams) {
    const value: unknown = raw === "true" ? true : raw === "false" ? false : raw !== "" && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
    if (key.startsWith("tls.")) {
      options.tls ??= {};
      options.tls[key.slice(4)] = value;
    } else if (!key.includes(".") && !(key in options)) {
      options[key] = value;
    }
  }
  return {
    pool: true,
    maxConnections: 5,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 45_000,
    ...options,
  };
}

function smtpTransport(config: MailConfig & { smtpUrl: string }): MailTransport {
  const transporter = nodemailer.createTransport(smtpOptionsFromUrl(config.smtpUrl));
  return {
    kind: "smtp",
    async send(message) {
      const info = await transporter.sendMail(toMailOptions(config, message));
      return { providerMessageId: String(info.messageId ?? "") };
    },
    close() {
      transporter.close();
    },
  };
}

export type LocalMessageSummary = {
  /** The file name without extension: `<ISO timestamp>-<EmailMessage id>`. */
  id: string;
  emailMessageId: string;
  to: string;
  subject: string;
  /** ISO 8601. */
  date: string;
};

export type LocalMessage = LocalMessageSummary & { from: string; text: string; html: string };

function localTransport(config: MailConfig): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const dir = mailDir(config.dataDir);
  return {
    kind: "local",
    async send(message) {
      const info = await transporter.sendMail(toMailOptions(config, message));
      const date = new Date();
      const id = `${date.toISOString().replace(/[:.]/g, "-")}-${message.id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(path.join(dir, `${id}.eml`), info.message as Buffer);
      const sidecar: LocalMessage = {
        id,
        emailMessageId: message.id,
        from: config.from,
        to: message.to,
        subject: message.subject,
        date: date.toISOString(),
        text: message.text,
        html: message.html,
      };
      // Written whole then renamed, so the mailbox never lists half a message.
      const tmp = path.join(dir, `.${id}.json.tmp`);
      await fs.writeFile(tmp, JSON.stringify(sidecar, null, 2));
      await fs.rename(tmp, path.join(dir, `${id}.json`));
      return { providerMessageId: `local:${id}` };
    },
    close() {
      transporter.close();
    },
  };
}

/** SMTP when an SMTP URL is configured, the local mailbox otherwise. */
export function createMailTransport(override: Partial<MailConfig> = {}): MailTransport {
  const config = resolveMailConfig(override);
  return config.smtpUrl ? smtpTransport({ ...config, smtpUrl: config.smtpUrl }) : localTransport(config);
}

/**
 * Failures that another attempt cannot fix: the server refused the recipient for good
 * (5xx to RCPT TO) or the address is not one. Everything else (network, 4xx, auth) is retried.
 */
export function isPermanentMailError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown; command?: unknown; responseCode?: unknown };
  if (e.code !== "EENVELOPE") return false;
  if (e.command === "API") return true;
  return e.command === "RCPT TO" && typeof e.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600;
}

/** A short, single-line description for EmailMessage.lastError and EmailAttempt.error. */
export function describeMailError(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown; response?: unknown } | undefined;
  const parts = [
    typeof e?.code === "string" ? e.code : null,
    typeof e?.response === "string" ? e.response : typeof e?.message === "string" ? e.message : String(error),
  ].filter(Boolean);
  return parts.join(": ").replace(/\s+/g, " ").slice(0, 1000);
}

const LOCAL_ID = /^[A-Za-z0-9_-]{1,200}$/;

/** Newest first. For the development page only: reads at most `limit` sidecars. */
export async function listLocalMailbox(options: { dataDir?: string; limit?: number } = {}): Promise<LocalMessageSummary[]> {
  const dir = mailDir(options.dataDir ?? env().dataDir);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const ids = names
    .filter((n) => n.endsWith(".json") && !n.startsWith("."))
    .map((n) => n.slice(0, -".json".length))
    .filter((id) => LOCAL_ID.test(id))
    .sort()
    .reverse()
    .slice(0, options.limit ?? 200);
  const messages = await Promise.all(ids.map((id) => readLocalMessage(id, options)));
  return messages
    .filter((m): m is LocalMessage => m !== null)
    .map(({ id, emailMessageId, to, subject, date }) => ({ id, emailMessageId, to, subject, date }));
}

export async function readLocalMessage(id: string, options: { dataDir?: string } = {}): Promise<LocalMessage | null> {
  if (!LOCAL_ID.test(id)) return null; // also keeps the id from naming a path outside the mailbox
  const file = path.join(mailDir(options.dataDir ?? env().dataDir), `${id}.json`);
  try {
    const data = JSON.parse(await fs.readFile(file, "utf8")) as Partial<LocalMessage>;
    return {
      id,
      emailMessageId: String(data.emailMessageId ?? ""),
      from: String(data.from ?? ""),
      to: String(data.to ?? ""),
      subject: String(data.subject ?? ""),
      date: String(data.date ?? ""),
      text: String(data.text ?? ""),
      html: String(data.html ?? ""),
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || error instanceof SyntaxError) return null;
    throw error;
  }
}

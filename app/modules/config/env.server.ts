/**
 * The environment, parsed once by one zod schema; start-up fails fast with a readable list
 * of what is wrong. Documented in .env.example and README.md.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  APP_URL: z.url({ protocol: /^https?$/, error: "APP_URL must be an http(s) URL, e.g. https://consult.example.org" }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default("data"),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).default(12 * 60),
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).default(14),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must look like smtp://user:pass@host:587 or smtps://...")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Consult <no-reply@consult.localhost>"),
  SEED_DEMO: flag.default(true),
  TRUST_PROXY: flag.default(false),
});

export type Env = z.infer<typeof EnvSchema> & { APP_URL: string; SESSION_SECRET: string; dataDir: string };

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Empty strings count as unset, as in most .env files. */
function clean(source: NodeJS.ProcessEnv) {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
}

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(clean(source));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "env"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every setting.`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR);
  if (!env.SESSION_SECRET && env.NODE_ENV === "production" && env.DATABASE_URL) {
    throw new ConfigError(
      "Invalid configuration:\n  - SESSION_SECRET: required in production with an external DATABASE_URL " +
        "(every app process must share it). Generate one with: openssl rand -base64 48",
    );
  }
  return {
    ...env,
    dataDir,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    SESSION_SECRET: env.SESSION_SECRET ?? localSessionSecret(dataDir),
  };
}

/** For a single machine: generated once and kept under DATA_DIR, so restarts keep sessions. */
function localSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(48).toString("base64url");
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** Cookies are __Host- and Secure only where the browser will accept them: over HTTPS. */
export function isHttps(e: Env = env()) {
  return e.APP_URL.startsWith("https://");
}

/** Mail written to DATA_DIR/mail is listed in the app only on a developer's own machine. */
export function localMailboxEnabled(e: Env = env()) {
  if (e.SMTP_URL) return false;
  const host = new URL(e.APP_URL).hostname;
  return e.NODE_ENV !== "production" || host === "localhost" || host === "127.0.0.1";
}

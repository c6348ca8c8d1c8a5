import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "~/modules/config/env.server";

let dataDir: string;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "consult-env-"));
});

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** parseEnv on exactly these variables (never the test process's own environment). */
const parse = (vars: Record<string, string>) => parseEnv(source({ DATA_DIR: dataDir, ...vars }));
const source = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

function configError(vars: Record<string, string>): ConfigError {
  try {
    parse(vars);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("parseEnv accepted an invalid configuration");
}

describe("parseEnv", () => {
  it("has defaults for everything", () => {
    const env = parse({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      HOST: "127.0.0.1",
      APP_URL: "http://localhost:3000",
      SESSION_IDLE_MINUTES: 720,
      SESSION_MAX_DAYS: 14,
      MAIL_FROM: "Consult <no-reply@consult.localhost>",
      SEED_DEMO: true,
      dataDir: path.resolve(dataDir),
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("treats empty strings as unset, parses numbers and flags, trims APP_URL's slash", () => {
    const env = parse({ PORT: "8080", DATABASE_URL: "", SEED_DEMO: "no", APP_URL: "https://consult.example.org/" });
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SEED_DEMO).toBe(false);
    expect(env.APP_URL).toBe("https://consult.example.org");
    expect(parse({ PORT: "8080" }).APP_URL).toBe("http://localhost:8080");
  });

  it("explains a bad PORT", () => {
    for (const PORT of ["eighty", "0", "70000", "80.5"]) {
      const error = configError({ PORT });
      expect(error.message).toMatch(/^Invalid configuration:/);
      expect(error.message).toContain("- PORT:");
      expect(error.message).toContain("See .env.example");
    }
  });

  it("explains a bad DATABASE_URL", () => {
    const error = configError({ DATABASE_URL: "mysql://user@localhost/consult" });
    expect(error.message).toContain("- DATABASE_URL: DATABASE_URL must be a postgresql:// URL");
    expect(parse({ DATABASE_URL: "postgres://u:p@db/consult" }).DATABASE_URL).toBe("postgres://u:p@db/consult");
  });

  it("explains a short SESSION_SECRET", () => {
    const error = configError({ SESSION_SECRET: "too-short" });
    expect(error.message).toContain("- SESSION_SECRET: SESSION_SECRET must be at least 32 characters");
  });

  it("lists every problem at once", () => {
    const error = configError({ PORT: "x", DATABASE_URL: "sqlite:x", SESSION_SECRET: "short" });
    for (const name of ["PORT", "DATABASE_URL", "SESSION_SECRET"]) expect(error.message).toContain(`- ${name}:`);
  });

  it("requires SESSION_SECRET in production with an external DATABASE_URL", () => {
    const error = configError({ NODE_ENV: "production", DATABASE_URL: "postgresql://u:p@db/consult" });
    expect(error.message).toContain("SESSION_SECRET: required in production");
    const secret = "s".repeat(32);
    const env = parse({ NODE_ENV: "production", DATABASE_URL: "postgresql://u:p@db/consult", SESSION_SECRET: secret });
    expect(env.SESSION_SECRET).toBe(secret);
  });

  it("generates a local SESSION_SECRET once, keeps it under DATA_DIR and reuses it", () => {
    const dir = path.join(dataDir, "secret-test"); // not created yet: parseEnv creates it
    const first = parseEnv(source({ DATA_DIR: dir })).SESSION_SECRET;
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dir, "session-secret");
    expect(fs.readFileSync(file, "utf8").trim()).toBe(first);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    expect(parseEnv(source({ DATA_DIR: dir })).SESSION_SECRET).toBe(first);
    // Also in production on the embedded database (a single machine): no secret to configure.
    expect(parseEnv(source({ DATA_DIR: dir, NODE_ENV: "production" })).SESSION_SECRET).toBe(first);
    // An explicit secret wins and leaves the file alone.
    expect(parseEnv(source({ DATA_DIR: dir, SESSION_SECRET: "x".repeat(40) })).SESSION_SECRET).toBe("x".repeat(40));
    expect(fs.readFileSync(file, "utf8").trim()).toBe(first);
  });
});

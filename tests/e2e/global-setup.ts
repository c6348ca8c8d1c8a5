/**
 * Starts the real app for the browser tests: a fresh embedded PostgreSQL (or TEST_DATABASE_URL's
 * server, in a new database), migrated and seeded with the demo, then the production build
 * of server.ts (<build>/server/start.js) on its own port, sending its email over SMTP to a real SMTP server on a free
 * local port (smtp-inbox.ts) whose messages tests read with readLatestEmail. Returns the teardown.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../app/modules/db/embedded.server";
import { applyMigrations } from "../../app/modules/db/migrate.server";
import { createPrismaClient } from "../../app/modules/db/client.server";
import { seedDemo } from "../../prisma/seed/demo";
import { inboxDir, startSmtpInbox } from "./smtp-inbox";

/** A server left over from an earlier run would answer in place of ours, on another database. */
async function ensurePortFree(port: number) {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", () => reject(new Error(`Port ${port} is already in use (a server left over from another run?): stop it, or set E2E_PORT.`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

export default async function globalSetup() {
  const port = Number(process.env.E2E_PORT || 3100);
  await ensurePortFree(port);
  const appUrl = `http://127.0.0.1:${port}`;
  // Per port, so that two runs (say, in two terminals) never share a server or its data.
  const dataDir = path.resolve("data", `e2e-${port}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });

  let databaseUrl: string;
  let stopDatabase = async () => {};
  if (process.env.TEST_DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = `consult_e2e_${Date.now()}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
    databaseUrl = embedded.url;
    stopDatabase = embedded.stop;
  }
  await applyMigrations(databaseUrl);
  const db = createPrismaClient(databaseUrl, 2);
  const demo = await seedDemo(db, { appUrl });
  await db.$disconnect();

  process.env.E2E_DATABASE_URL = databaseUrl;
  process.env.E2E_DATA_DIR = dataDir;
  process.env.E2E_INVITATION_URL = demo.invitationUrl ?? "";
  process.env.E2E_COORDINATOR_EMAIL = demo.coordinatorEmail;
  process.env.E2E_RESPONDENT_EMAIL = demo.respondentEmail;

  const smtp = await startSmtpInbox(inboxDir(dataDir));

  const log = fs.openSync(path.join(dataDir, "server.log"), "w");
  // The compiled server of the build under test, run as `npm run serve` runs it (docs/decisions/012).
  const start = path.resolve(process.env.CONSULT_BUILD_DIR || "build", "server", "start.js");
  if (!fs.existsSync(start)) throw new Error(`${start} is missing: build first (npx remix vite:build, with the same CONSULT_BUILD_DIR).`);
  const server = spawn(process.execPath, [start], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: appUrl,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtp.url,
      SEED_DEMO: "false",
      SESSION_SECRET: "e2e-session-secret-0123456789abcdef0123456789",
    },
    stdio: ["ignore", log, log],
  });
  await waitForHealth(`${appUrl}/healthz`, server, path.join(dataDir, "server.log"));

  return async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await smtp.close();
    await stopDatabase();
  };
}

async function waitForHealth(url: string, server: ReturnType<typeof spawn>, logFile: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app exited during start-up:\n${fs.readFileSync(logFile, "utf8")}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not answer ${url} within 60 s:\n${fs.readFileSync(logFile, "utf8")}`);
}

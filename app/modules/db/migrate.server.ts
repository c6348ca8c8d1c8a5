import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { parseDatabaseUrl } from "./adapter.server";

/** The Prisma CLI entry point, run with this Node (no npx, no network). */
export function prismaCli(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
}

/**
 * Applies pending migrations with `prisma migrate deploy`, which runs Prisma's WASM schema
 * engine through our adapter (prisma.config.ts). Output is kept and shown only on failure.
 */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  const output: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli(), "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk) => output.push(String(chunk)));
    child.stderr.on("data", (chunk) => output.push(String(chunk)));
    child.on("error", reject);
    child.on("close", (status) => resolve(status ?? 1));
  });
  if (code !== 0) throw new Error(`Database migration failed:\n${output.join("")}`);
}

/**
 * Start-up path: the Prisma CLI costs seconds to load, so it runs only when a migration
 * folder has not been applied yet (or the database is new).
 */
export async function applyPendingMigrations(databaseUrl: string, migrationsDir = path.resolve("prisma", "migrations")) {
  const folders = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const client = new pg.Client(parseDatabaseUrl(databaseUrl));
  await client.connect();
  let applied = new Set<string>();
  try {
    const table = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
    if (table.rows[0]?.present) {
      const rows = await client.query<{ migration_name: string }>(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      );
      applied = new Set(rows.rows.map((r) => r.migration_name));
    }
  } finally {
    await client.end();
  }
  const pending = folders.filter((name) => !applied.has(name));
  if (pending.length > 0) await applyMigrations(databaseUrl);
  return pending;
}

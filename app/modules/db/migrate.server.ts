import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

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

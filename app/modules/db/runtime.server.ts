/**
 * Where the database comes from: DATABASE_URL when set (an external server; nothing is
 * started), else the embedded PostgreSQL under DATA_DIR/postgres.
 */
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded.server";

export type Database = { url: string; embedded: EmbeddedServer | null };

export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR || "data");
}

export async function openDatabase(): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir(), "postgres") });
  return { url: embedded.url, embedded };
}

/** Runs `work` with a database URL, stopping the embedded server afterwards. */
export async function withDatabase<T>(work: (url: string) => Promise<T> | T): Promise<T> {
  const db = await openDatabase();
  try {
    return await work(db.url);
  } finally {
    await db.embedded?.stop();
  }
}

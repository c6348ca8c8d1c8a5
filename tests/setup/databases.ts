/**
 * Admin SQL for the test databases: create from the template, drop, list. Used by the global
 * setup (once per run) and the per-file setup (once per test file).
 */
import pg from "pg";
import { parseDatabaseUrl } from "../../app/modules/db/adapter.server";

/** The same server and credentials as `url`, another database. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(parseDatabaseUrl(adminUrl));
  // A server going away mid-test must surface as a failed query, not an unhandled 'error' event.
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(adminUrl: string, name: string, template?: string) {
  await withAdmin(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ""}`),
  );
}

/**
 * Drops a database. PostgreSQL already waits up to 5 s for closing sessions to go; sessions
 * still open after that (a client the test never disconnected) are terminated with FORCE and
 * reported, since they are a leak in the test.
 */
export async function dropDatabase(adminUrl: string, name: string): Promise<{ forced: boolean }> {
  return withAdmin(adminUrl, async (client) => {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
      return { forced: false };
    } catch (error) {
      if ((error as { code?: string }).code !== "55006") throw error; // object_in_use
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      return { forced: true };
    }
  });
}

export async function listDatabases(adminUrl: string, prefix: string): Promise<string[]> {
  return withAdmin(adminUrl, async (client) => {
    const rows = await client.query<{ datname: string }>(
      "SELECT datname::text AS datname FROM pg_database WHERE starts_with(datname::text, $1) ORDER BY 1",
      [prefix],
    );
    return rows.rows.map((r) => r.datname);
  });
}

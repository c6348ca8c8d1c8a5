/**
 * The embedded PostgreSQL 17 (app/modules/db/embedded.server.ts) in a data directory of its
 * own: start, refuse a second server on the same directory, stop, start again with the data
 * kept. initdb takes a few seconds.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EmbeddedPostgresBusyError,
  runningPostmaster,
  startEmbeddedPostgres,
  type EmbeddedServer,
} from "~/modules/db/embedded.server";

let tmp: string;
let dataDir: string;
const running: EmbeddedServer[] = [];

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "consult-embedded-"));
  // mkdtemp makes it 0700; as root, PostgreSQL runs as the "postgres" user, which must reach
  // the data directory inside.
  fs.chmodSync(tmp, 0o755);
  dataDir = path.join(tmp, "postgres");
});

afterAll(async () => {
  for (const server of running) await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function start(): Promise<EmbeddedServer> {
  const server = await startEmbeddedPostgres({ dataDir });
  running.push(server);
  return server;
}

async function stop(server: EmbeddedServer) {
  await server.stop();
  running.splice(running.indexOf(server), 1);
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe("startEmbeddedPostgres", () => {
  it("creates a cluster, listening on 127.0.0.1 only, with the app's database", async () => {
    const server = await start();
    const url = new URL(server.url);
    expect(url.hostname).toBe("127.0.0.1");
    expect(Number(url.port)).toBe(server.port);
    expect(url.pathname).toBe("/consult");
    expect(server.dataDir).toBe(dataDir);
    expect(fs.existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
    // The password is generated and kept next to the data directory, readable by us only.
    expect(fs.statSync(path.join(tmp, "postgres.password")).mode & 0o777).toBe(0o600);

    const [row] = await query<{ version: string; db: string; listen: string }>(
      server.url,
      "SELECT version(), current_database() AS db, current_setting('listen_addresses') AS listen",
    );
    expect(row?.version).toMatch(/^PostgreSQL 17\./);
    expect(row?.db).toBe("consult");
    expect(row?.listen).toBe("127.0.0.1");

    await query(server.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
  });

  it("refuses a second server on the same data directory, naming it", async () => {
    const pid = runningPostmaster(dataDir);
    expect(pid).toBeGreaterThan(0);
    const error = await startEmbeddedPostgres({ dataDir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EmbeddedPostgresBusyError);
    expect((error as Error).message).toContain(dataDir);
    expect((error as Error).message).toMatch(/already using/);
    expect((error as Error).message).toContain(String(pid));
    // The first server is unharmed.
    expect(await query(running[0]!.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("starts again after stop(), with the data kept and the same password", async () => {
    const first = running[0]!;
    await stop(first);
    expect(runningPostmaster(dataDir)).toBeNull();

    const again = await start();
    expect(new URL(again.url).password).toBe(new URL(first.url).password);
    expect(await query(again.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
  });

  it("refuses a directory that holds something other than a cluster", async () => {
    const other = path.join(tmp, "not-a-cluster");
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, "notes.txt"), "mine");
    await expect(startEmbeddedPostgres({ dataDir: other })).rejects.toThrow(/holds no PostgreSQL cluster/);
    expect(fs.readFileSync(path.join(other, "notes.txt"), "utf8")).toBe("mine");
  });
});

/**
 * The four Prisma shims of app/modules/db/adapter.server.ts, each shown to be needed: the
 * same operation through plain @prisma/adapter-pg fails (or talks to the wrong database).
 * Runs on this file's own database (tests/setup/per-file.ts).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import {
  CatalogFriendlyClient,
  ConsultPrismaPg,
  createAdapter,
  parseDatabaseUrl,
  skipNativeEngineDownload,
} from "~/modules/db/adapter.server";
import { listDatabases, withAdmin } from "../setup/databases";
import { testDatabaseName, testDatabaseUrl } from "../setup/db";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SHADOW_PREFIX = "prisma_migrate_shadow_db_";
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

const sql = (text: string) => ({ sql: text, args: [], argTypes: [] });
const shadowDatabases = () => listDatabases(inject("adminDatabaseUrl"), SHADOW_PREFIX);

/**
 * Plain adapter-pg never ends the pool connectToShadowDb() creates the shadow database with;
 * its sessions (tagged with this application_name) are ended here, so that the file's
 * database can be dropped. Their pool has an error listener: termination is harmless.
 */
const LEAKY = "consult-test-plain-prismapg";
const endLeakedSessions = () =>
  withAdmin(inject("adminDatabaseUrl"), (c) =>
    c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = $2", [
      LEAKY,
      testDatabaseName(),
    ]),
  );

/** Anything a test opened, closed even when it fails half-way (the file's database is dropped after). */
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// ─────────────── Shim 2: catalog columns of type `name` and "char" ───────────────
// Prisma's schema engine (migrate dev|deploy|status) reads pg_catalog, whose columns are
// `name` (pg_namespace.nspname, pg_database.datname...) and "char" (pg_class.relkind...).
// adapter-pg maps every column to a Prisma type by OID and throws UnsupportedNativeDataType
// for these two; pg returns both as strings, so CatalogFriendlyClient reports them as text.

describe("shim 2: CatalogFriendlyClient reads `name` and \"char\" columns", () => {
  it("createAdapter(url) returns them as strings", async () => {
    const adapter = await createAdapter(testDatabaseUrl()).connect();
    cleanups.push(() => adapter.dispose());

    const databases = await adapter.queryRaw(sql("SELECT datname FROM pg_database"));
    expect(databases.columnNames).toEqual(["datname"]);
    expect(databases.rows.map((row) => row[0])).toContain(testDatabaseName());
    for (const row of databases.rows) expect(typeof row[0]).toBe("string");

    const kinds = await adapter.queryRaw(sql("SELECT relkind FROM pg_class WHERE relname = 'pg_class'"));
    expect(kinds.rows).toEqual([["r"]]);

    // Types adapter-pg does support are untouched.
    const mixed = await adapter.queryRaw(sql("SELECT 1::int4 AS n, 'x'::text AS t, current_database() AS db"));
    expect(mixed.rows).toEqual([[1, "x", testDatabaseName()]]);
  });

  it("plain PrismaPg rejects the same queries (UnsupportedNativeDataType)", async () => {
    const adapter = await new PrismaPg(parseDatabaseUrl(testDatabaseUrl())).connect();
    cleanups.push(() => adapter.dispose());

    await expect(adapter.queryRaw(sql("SELECT datname FROM pg_database"))).rejects.toMatchObject({
      name: "DriverAdapterError",
      cause: { kind: "UnsupportedNativeDataType", type: "name" },
    });
    await expect(adapter.queryRaw(sql("SELECT relkind FROM pg_class LIMIT 1"))).rejects.toMatchObject({
      name: "DriverAdapterError",
      cause: { kind: "UnsupportedNativeDataType", type: "char" },
    });
  });

  it("patches the callback form too, which is how pg.Pool calls its clients", async () => {
    const query = (pool: pg.Pool, text: string) =>
      new Promise<pg.QueryResult>((resolve, reject) =>
        pool.query(text, (error: Error | null, result: pg.QueryResult) => (error ? reject(error) : resolve(result))),
      );
    const friendly = new pg.Pool({ ...parseDatabaseUrl(testDatabaseUrl()), max: 1, Client: CatalogFriendlyClient });
    const plain = new pg.Pool({ ...parseDatabaseUrl(testDatabaseUrl()), max: 1 });
    cleanups.push(() => friendly.end(), () => plain.end());

    const name = await query(friendly, "SELECT datname FROM pg_database");
    expect(name.fields[0]?.dataTypeID).toBe(TEXT_OID);
    expect(name.rows.map((r: { datname: string }) => r.datname)).toContain(testDatabaseName());
    expect((await query(friendly, "SELECT relkind FROM pg_class LIMIT 1")).fields[0]?.dataTypeID).toBe(TEXT_OID);
    // The same through pg's own client: the OIDs the shim rewrites.
    expect((await query(plain, "SELECT datname FROM pg_database")).fields[0]?.dataTypeID).toBe(NAME_OID);
    expect((await query(plain, "SELECT relkind FROM pg_class LIMIT 1")).fields[0]?.dataTypeID).toBe(CHAR_OID);

    // And the promise form on a client of its own.
    const client = new CatalogFriendlyClient(parseDatabaseUrl(testDatabaseUrl()));
    await client.connect();
    cleanups.push(() => client.end());
    const result: pg.QueryResult = await client.query("SELECT datname, relkind FROM pg_database, pg_class LIMIT 1");
    expect(result.fields.map((f) => f.dataTypeID)).toEqual([TEXT_OID, TEXT_OID]);
  });
});

// ─────────────── Shim 3: the shadow database of `prisma migrate dev` ───────────────
// adapter-pg opens the shadow pool with `{ ...config, database }`: with a connectionString in
// the config, pg lets the string win, so the "shadow" pool talks to the main database and
// migrate dev would replay every migration there. And its dispose() drops the shadow
// database before ending the shadow pool, which PostgreSQL refuses while that pool is
// connected (after waiting 5 s). It also never ends the pool it created the database with.

describe("shim 3: ConsultPrismaPg.connectToShadowDb", () => {
  it("works in a database of its own and drops it on dispose", async () => {
    const before = await shadowDatabases();
    const shadow = await createAdapter(testDatabaseUrl()).connectToShadowDb();
    let disposed = false;
    cleanups.push(async () => {
      if (!disposed) await shadow.dispose();
    });

    const [[name]] = (await shadow.queryRaw(sql("SELECT current_database()"))).rows as [[string]];
    expect(name).toMatch(new RegExp(`^${SHADOW_PREFIX}[0-9a-f-]{36}$`));
    expect(before).not.toContain(name);
    expect(await shadowDatabases()).toContain(name);

    await shadow.executeScript('CREATE TABLE "ShadowProbe" (id int PRIMARY KEY); INSERT INTO "ShadowProbe" VALUES (1)');
    expect((await shadow.queryRaw(sql('SELECT count(*)::int4 FROM "ShadowProbe"'))).rows).toEqual([[1]]);
    // Not in the main database.
    const main = await createAdapter(testDatabaseUrl()).connect();
    cleanups.push(() => main.dispose());
    expect((await main.queryRaw(sql(`SELECT to_regclass('"ShadowProbe"')::text`))).rows).toEqual([[null]]);

    await shadow.dispose(); // resolves: the shadow pool is ended before the DROP
    disposed = true;
    expect(await shadowDatabases()).not.toContain(name);
  });

  it("is a ConsultPrismaPg, built from fields (never a connectionString)", () => {
    expect(createAdapter(testDatabaseUrl())).toBeInstanceOf(ConsultPrismaPg);
  });

  it("plain PrismaPg with a connectionString: the shadow pool talks to the MAIN database", async () => {
    const factory = new PrismaPg({ connectionString: testDatabaseUrl(), application_name: LEAKY });
    cleanups.push(endLeakedSessions);
    const before = await shadowDatabases();
    const shadow = await factory.connectToShadowDb();
    cleanups.push(() => shadow.dispose());

    const created = (await shadowDatabases()).filter((name) => !before.includes(name));
    expect(created).toHaveLength(1); // the shadow database exists...
    const [[current]] = (await shadow.queryRaw(sql("SELECT current_database()::text"))).rows as [[string]];
    expect(current).not.toBe(created[0]); // ...but the "shadow" connection is not in it:
    expect(current).toBe(testDatabaseName()); // it is the main database.
  });

  it("plain PrismaPg with fields: dispose fails, the shadow database is left behind", async () => {
    const factory = new PrismaPg({ ...parseDatabaseUrl(testDatabaseUrl()), application_name: LEAKY });
    cleanups.push(endLeakedSessions);
    const before = await shadowDatabases();
    const shadow = await factory.connectToShadowDb();
    const [name] = (await shadowDatabases()).filter((n) => !before.includes(n));
    cleanups.push(async () => {
      await (shadow.underlyingDriver() as pg.Pool).end(); // what dispose() never got to
      await withAdmin(inject("adminDatabaseUrl"), (c) => c.query(`DROP DATABASE IF EXISTS "${name}"`));
    });

    const [[current]] = (await shadow.queryRaw(sql("SELECT current_database()::text"))).rows as [[string]];
    expect(current).toBe(name); // from fields, the shadow pool is right...

    // ...but dispose() drops the database while that pool is still connected. PostgreSQL waits
    // 5 s for the session to go, then refuses: 55006 "being accessed by other users".
    await expect(shadow.dispose()).rejects.toMatchObject({ cause: { originalCode: "55006" } });
    expect(await shadowDatabases()).toContain(name);
  });
});

// ─────────────── Shim 4: a migration script runs whole ───────────────
// adapter-pg's executeScript splits the script on every `;` (even in a function body, a
// string or a comment) and runs the pieces one after another. ConsultPrismaPg's connections
// send it as one simple-protocol query: PostgreSQL parses it and runs it as one implicit
// transaction, as Prisma's native engine does.

describe("shim 4: executeScript runs the script as one query", () => {
  /** Semicolons in a $$ body, in a string literal and in a comment. */
  const SCRIPT = `
    -- A comment; with a semicolon.
    CREATE TABLE "ScriptProbe" (id int PRIMARY KEY, note text NOT NULL);
    INSERT INTO "ScriptProbe" VALUES (1, 'one; still one');
    CREATE FUNCTION script_probe_count(min_id int) RETURNS int LANGUAGE plpgsql AS $$
    DECLARE
      n int;
    BEGIN
      SELECT count(*) INTO n FROM "ScriptProbe" WHERE id >= min_id;
      RETURN n;
    END
    $$;
  `;
  const probe = (adapter: { queryRaw: (q: ReturnType<typeof sql>) => Promise<{ rows: unknown[][] }> }) =>
    adapter.queryRaw(sql('SELECT note, script_probe_count(0) FROM "ScriptProbe"'));

  it("runs a PL/pgSQL body, a string and a comment holding semicolons", async () => {
    const adapter = await createAdapter(testDatabaseUrl()).connect();
    cleanups.push(() => adapter.dispose());
    cleanups.push(() => adapter.executeScript('DROP TABLE "ScriptProbe"; DROP FUNCTION script_probe_count'));

    await adapter.executeScript(SCRIPT);
    expect((await probe(adapter)).rows).toEqual([["one; still one", 1]]);
  });

  it("runs it the same way in the shadow database", async () => {
    const shadow = await createAdapter(testDatabaseUrl()).connectToShadowDb();
    cleanups.push(() => shadow.dispose());

    await shadow.executeScript(SCRIPT);
    expect((await probe(shadow)).rows).toEqual([["one; still one", 1]]);
  });

  it("applies all or nothing: a failing statement leaves nothing of the ones before", async () => {
    const adapter = await createAdapter(testDatabaseUrl()).connect();
    cleanups.push(() => adapter.dispose());
    const exists = async () => (await adapter.queryRaw(sql(`SELECT to_regclass('"HalfDone"')::text`))).rows[0]?.[0];

    await expect(
      adapter.executeScript('CREATE TABLE "HalfDone" (id int); INSERT INTO "HalfDone" VALUES (1); INSERT INTO "NoSuchTable" VALUES (1)'),
    ).rejects.toMatchObject({ name: "DriverAdapterError", cause: { originalCode: "42P01" } });
    expect(await exists()).toBeNull();
  });

  it("plain PrismaPg cuts the function body at its first semicolon, and keeps half a failed script", async () => {
    const adapter = await new PrismaPg(parseDatabaseUrl(testDatabaseUrl())).connect();
    cleanups.push(() => adapter.dispose());
    cleanups.push(() => adapter.executeScript('DROP TABLE IF EXISTS "ScriptProbe"'));
    cleanups.push(() => adapter.executeScript('DROP TABLE IF EXISTS "HalfDone"'));

    // "$$ DECLARE n int" is sent alone: an unterminated dollar-quoted string.
    await expect(adapter.executeScript(SCRIPT)).rejects.toMatchObject({ name: "DriverAdapterError" });
    expect((await adapter.queryRaw(sql(`SELECT to_regproc('script_probe_count')::text`))).rows).toEqual([[null]]);

    await expect(
      adapter.executeScript('CREATE TABLE "HalfDone" (id int); INSERT INTO "NoSuchTable" VALUES (1)'),
    ).rejects.toMatchObject({ name: "DriverAdapterError", cause: { originalCode: "42P01" } });
    expect((await adapter.queryRaw(sql(`SELECT to_regclass('"HalfDone"')::text`))).rows).toEqual([['"HalfDone"']]);
  });
});

// ─────────────── Shim 1: no native engine download ───────────────
// With engine "js" the Prisma CLI never runs its native engines, but it still looks for them
// at start and would download them (there is no network). prisma.config.ts points both
// variables at a placeholder before that happens.

describe("shim 1: skipNativeEngineDownload", () => {
  const VARS = ["PRISMA_SCHEMA_ENGINE_BINARY", "PRISMA_QUERY_ENGINE_LIBRARY"] as const;

  it("sets both variables to the placeholder, keeping values already set", () => {
    const saved = VARS.map((v) => process.env[v]);
    try {
      for (const v of VARS) delete process.env[v];
      skipNativeEngineDownload("/placeholder/engine.txt");
      expect(VARS.map((v) => process.env[v])).toEqual(["/placeholder/engine.txt", "/placeholder/engine.txt"]);

      process.env.PRISMA_SCHEMA_ENGINE_BINARY = "/mine/schema-engine";
      delete process.env.PRISMA_QUERY_ENGINE_LIBRARY;
      skipNativeEngineDownload("/other/placeholder.txt");
      expect(process.env.PRISMA_SCHEMA_ENGINE_BINARY).toBe("/mine/schema-engine");
      expect(process.env.PRISMA_QUERY_ENGINE_LIBRARY).toBe("/other/placeholder.txt");
    } finally {
      VARS.forEach((v, i) => {
        const value = saved[i];
        if (value === undefined) delete process.env[v];
        else process.env[v] = value;
      });
    }
  });

  it("lets `npx prisma migrate status` run offline, through prisma.config.ts and the shims", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: testDatabaseUrl() };
    for (const v of VARS) delete env[v]; // prisma.config.ts must set them itself
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn("npx", ["--no-install", "prisma", "migrate", "status"], {
        cwd: ROOT,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk) => (output += String(chunk)));
      child.stderr.on("data", (chunk) => (output += String(chunk)));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, output }));
    });
    expect(output).toContain("Database schema is up to date!");
    expect(output).toContain(`"${testDatabaseName()}"`);
    expect(output).not.toMatch(/download/i);
    expect(code, output).toBe(0);
  });
});

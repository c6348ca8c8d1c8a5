/**
 * The test database infrastructure (tests/setup) and what it provides: every test file gets
 * its own database, cloned from a template that `prisma migrate deploy` migrated through our
 * adapter, with every migration folder applied.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { databaseUrlAtImport } from "../setup/import-probe";
import { allowConsoleError, consoleErrors } from "../setup/console";
import { testDatabaseName, testDatabaseUrl, testDb } from "../setup/db";

const migrationsDir = path.resolve("prisma", "migrations");
const migrationFolders = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Table names of the schema's models (`@@map` honoured). */
function schemaTables(): string[] {
  const schema = fs.readFileSync(path.resolve("prisma", "schema.prisma"), "utf8");
  return [...schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map(
    ([, name, body]) => /@@map\("([^"]+)"\)/.exec(body ?? "")?.[1] ?? name ?? "",
  );
}

describe("the test file's database", () => {
  it("is set before the test file's imports run, and is this file's own", () => {
    expect(databaseUrlAtImport).toBe(process.env.DATABASE_URL);
    expect(testDatabaseName()).toMatch(new RegExp(`^${inject("testDatabasePrefix")}[0-9a-f]{8}$`));
    expect(testDatabaseName()).not.toBe(inject("templateDatabase"));
  });

  it("is the database testDb() talks to", async () => {
    const rows = await testDb().$queryRaw<Array<{ name: string }>>`SELECT current_database()::text AS name`;
    expect(rows[0]?.name).toBe(testDatabaseName());
    expect(testDatabaseUrl()).toBe(process.env.DATABASE_URL);
  });

  it("has a table for every model of prisma/schema.prisma, and empty", async () => {
    const rows = await testDb().$queryRaw<Array<{ table_name: string }>>`
      SELECT table_name::text FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    const tables = rows.map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(["Consultation", "Response", "EmailMessage", "_prisma_migrations"]));
    expect(tables.filter((t) => t !== "_prisma_migrations").sort()).toEqual(schemaTables().sort());
    expect(await testDb().consultation.count()).toBe(0);
    expect(await testDb().user.count()).toBe(0);
  });

  it("has every folder of prisma/migrations applied, with its current checksum", async () => {
    expect(migrationFolders.length).toBeGreaterThan(0);
    const rows = await testDb().$queryRaw<
      Array<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>
    >`SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(migrationFolders);
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      const sql = fs.readFileSync(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum, `${row.migration_name} was edited after it was applied`).toBe(
        crypto.createHash("sha256").update(sql).digest("hex"),
      );
    }
  });

  it("can be written to (the app's client, in a transaction)", async () => {
    const user = await testDb().$transaction((tx) =>
      tx.user.create({ data: { email: "migrations-test@consult.test", name: "Migrations Test" } }),
    );
    expect(await testDb().user.findUnique({ where: { email: "migrations-test@consult.test" } })).toMatchObject({
      id: user.id,
    });
  });
});

describe("the console.error guard", () => {
  // Shown in the output on purpose: the guard prints unexpected errors before failing.
  it.fails("fails a test that logs an unexpected console.error", () => {
    console.error("[expected in the test output] this console.error makes the test fail");
  });

  it("lets a test log an error it expects", () => {
    allowConsoleError(/^Expected failure/);
    console.error("Expected failure: %s", "details");
    expect(consoleErrors()).toEqual(["Expected failure: details"]);
  });
});

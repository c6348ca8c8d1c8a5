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
import { createDatabase, databaseUrl, dropDatabase, withAdmin } from "../setup/databases";
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

/**
 * Migration 20261129170200_worklist_done_keeps_decision on data: a database migrated up to the
 * migration before it, with items marked DONE the ways the app used to (by a version, with an
 * audit entry "worklist-item.resolved" keeping the decision; by hand, with "worklist.decided"
 * keeping the status it changed from; with no audit entry at all), then the migration applied.
 */
describe("migration 20261129170200_worklist_done_keeps_decision", () => {
  const target = "20261129170200_worklist_done_keeps_decision";

  it("gives DONE items back the decision their audit kept, keeps the version that resolved them, drops DONE", async () => {
    expect(migrationFolders).toContain(target);
    const name = `${testDatabaseName()}_done`;
    const url = databaseUrl(testDatabaseUrl(), name);
    await createDatabase(testDatabaseUrl(), name);
    try {
      await withAdmin(url, async (sql) => {
        for (const folder of migrationFolders.filter((f) => f < target)) {
          await sql.query(fs.readFileSync(path.join(migrationsDir, folder, "migration.sql"), "utf8"));
        }
        await sql.query(`
          INSERT INTO "Consultation" (id, slug, title) VALUES ('c1', 'c1', 'C');
          INSERT INTO "DocumentVersion" (id, "consultationId", number, title) VALUES ('v1', 'c1', 1, 'V1'), ('v2', 'c1', 2, 'V2');
          INSERT INTO "WorklistItem" (id, "consultationId", summary, status, "resolvedInVersionId", "updatedAt") VALUES
            ('by-version', 'c1', 'Resolved by version 2', 'DONE', 'v2', now()),
            ('twice', 'c1', 'Resolved, unticked, resolved again', 'DONE', 'v2', now()),
            ('by-hand', 'c1', 'Set to done by hand', 'DONE', NULL, now()),
            ('no-audit', 'c1', 'Done, no audit entry', 'DONE', NULL, now()),
            ('noted', 'c1', 'Never done', 'NOTED', NULL, now());
          INSERT INTO "AuditEvent" (id, at, action, "entityType", "entityId", data) VALUES
            ('a1', '2026-11-01', 'worklist-item.resolved', 'WorklistItem', 'by-version', '{"version": 2, "from": "ACCEPTED_WITH_CHANGES"}'),
            ('a2', '2026-11-01', 'worklist-item.resolved', 'WorklistItem', 'twice', '{"version": 2, "from": "NOTED"}'),
            ('a3', '2026-11-02', 'worklist-item.unresolved', 'WorklistItem', 'twice', '{"version": 2, "to": "NOTED"}'),
            ('a4', '2026-11-03', 'worklist-item.resolved', 'WorklistItem', 'twice', '{"version": 2, "from": "ACCEPTED"}'),
            ('a5', '2026-11-01', 'worklist.decided', 'WorklistItem', 'by-hand', '{"changed": {"status": {"from": "REFERRED", "to": "DONE"}}}');
        `);
        await sql.query(fs.readFileSync(path.join(migrationsDir, target, "migration.sql"), "utf8"));
        const items = await sql.query<{ id: string; status: string; resolvedInVersionId: string | null }>(
          `SELECT id, status::text, "resolvedInVersionId" FROM "WorklistItem" ORDER BY id`,
        );
        expect(items.rows).toEqual([
          { id: "by-hand", status: "REFERRED", resolvedInVersionId: null },
          { id: "by-version", status: "ACCEPTED_WITH_CHANGES", resolvedInVersionId: "v2" },
          { id: "no-audit", status: "ACCEPTED", resolvedInVersionId: null },
          { id: "noted", status: "NOTED", resolvedInVersionId: null },
          { id: "twice", status: "ACCEPTED", resolvedInVersionId: "v2" },
        ]);
        const labels = await sql.query<{ label: string }>(
          `SELECT enumlabel AS label FROM pg_enum WHERE enumtypid = '"WorklistStatus"'::regtype ORDER BY enumsortorder`,
        );
        expect(labels.rows.map((r) => r.label)).toEqual(["OPEN", "ACCEPTED", "ACCEPTED_WITH_CHANGES", "NOT_ACCEPTED", "NOTED", "REFERRED"]);
        const column = await sql.query<{ def: string }>(
          `SELECT column_default AS def FROM information_schema.columns WHERE table_name = 'WorklistItem' AND column_name = 'status'`,
        );
        expect(column.rows[0]?.def).toBe(`'OPEN'::"WorklistStatus"`);
      });
    } finally {
      await dropDatabase(testDatabaseUrl(), name);
    }
  }, 120_000);
});

/**
 * Once per `vitest run`: a PostgreSQL server and a migrated template database.
 *
 *  - TEST_DATABASE_URL set (and not empty): that server is used; its user must be allowed to
 *    CREATE DATABASE. Nothing is started.
 *  - otherwise: the embedded PostgreSQL 17 in data/test-postgres (apart from the app's
 *    data/postgres), created on first use and reused afterwards (data/test-postgres-2... while
 *    another run holds it).
 *
 * The template is migrated by `prisma migrate deploy` through our adapter (applyMigrations),
 * the same path as production. Each test file then gets a clone (tests/setup/per-file.ts).
 * Database names carry the run's start time (base 36), so leftovers of a crashed run can be
 * recognised and dropped without touching a concurrent run's databases on a shared server.
 */
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import {
  EmbeddedPostgresBusyError,
  runningPostmaster,
  startEmbeddedPostgres,
  type EmbeddedServer,
} from "../../app/modules/db/embedded.server";
import { applyMigrations } from "../../app/modules/db/migrate.server";
import { createDatabase, databaseUrl, dropDatabase, listDatabases } from "./databases";
import type {} from "./provided";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const TEMPLATE_PREFIX = "consult_template_";
const TEST_PREFIX = "consult_test_";
/** On a shared server, another run's databases younger than this are left alone. */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;
const MAX_CLUSTERS = 8;

/** `consult_test_<time36>_...` -> the run's start time in ms, or null for other names. */
function runStartedAt(name: string): number | null {
  const match = /^consult_(?:test|template)_([0-9a-z]+)_/.exec(name);
  return match ? Number.parseInt(match[1] ?? "", 36) : null;
}

/**
 * data/test-postgres, or data/test-postgres-2, -3... when another test run (another terminal,
 * another checkout's agent) holds it: runs in parallel each get a cluster, and every cluster
 * is kept for the next run (initdb costs seconds).
 */
async function startTestCluster(): Promise<EmbeddedServer> {
  const busy: string[] = [];
  for (let slot = 1; slot <= MAX_CLUSTERS; slot++) {
    const dataDir = path.join(ROOT, "data", slot === 1 ? "test-postgres" : `test-postgres-${slot}`);
    try {
      return await startEmbeddedPostgres({ dataDir });
    } catch (error) {
      // Busy, or another run started it between our check and our start.
      if (error instanceof EmbeddedPostgresBusyError || runningPostmaster(dataDir)) {
        busy.push(error instanceof Error ? error.message : String(error));
        continue;
      }
      throw error;
    }
  }
  throw new Error(
    `All ${MAX_CLUSTERS} test PostgreSQL clusters (data/test-postgres*) are in use by other runs. ` +
      `Wait for them to finish, or set TEST_DATABASE_URL.\n\n${busy.join("\n")}`,
  );
}

export default async function globalSetup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL || "";
  let embedded: EmbeddedServer | null = null;
  let adminUrl: string;

  if (external) {
    adminUrl = external;
  } else {
    embedded = await startTestCluster();
    adminUrl = databaseUrl(embedded.url, "postgres");
  }

  const runId = `${Date.now().toString(36)}_${crypto.randomBytes(3).toString("hex")}`;
  const template = `${TEMPLATE_PREFIX}${runId}`;
  const testDatabasePrefix = `${TEST_PREFIX}${runId}_`;

  try {
    // Leftovers of earlier runs: all of them on our own embedded server (no other run can be
    // using it: it would be busy), only old ones on a shared server.
    const ours = [...(await listDatabases(adminUrl, TEMPLATE_PREFIX)), ...(await listDatabases(adminUrl, TEST_PREFIX))];
    for (const name of ours) {
      const startedAt = runStartedAt(name);
      if (startedAt === null) continue;
      if (embedded || Date.now() - startedAt > STALE_AFTER_MS) await dropDatabase(adminUrl, name);
    }
    // Shadow databases a crashed tests/integration/adapter.test.ts left behind (on a shared
    // server they may belong to someone's running `prisma migrate dev`: left alone).
    if (embedded) for (const name of await listDatabases(adminUrl, "prisma_migrate_shadow_db_")) await dropDatabase(adminUrl, name);

    await createDatabase(adminUrl, template);
    await applyMigrations(databaseUrl(adminUrl, template));
  } catch (error) {
    await embedded?.stop();
    throw error;
  }

  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", template);
  project.provide("testDatabasePrefix", testDatabasePrefix);
  project.provide("databaseServer", embedded ? "embedded" : "external");

  return async () => {
    try {
      // Per-file databases are dropped by their file; these are the ones a crash left behind.
      for (const name of await listDatabases(adminUrl, testDatabasePrefix)) await dropDatabase(adminUrl, name);
      await dropDatabase(adminUrl, template);
    } finally {
      await embedded?.stop();
    }
  };
}

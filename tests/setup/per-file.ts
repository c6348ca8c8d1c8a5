/**
 * Runs in each test file's process before the file itself is imported (vitest setupFiles):
 * top-level code here completes before the test file's own imports are evaluated, so
 * process.env.DATABASE_URL points at the file's database before any app module reads it
 * (checked in tests/integration/migrations.test.ts).
 *
 *  - a fresh database per test file, cloned from the migrated template (no migration to run),
 *    dropped after the file's last afterAll (hooks run in reverse order, this one last);
 *  - the console.error guard (tests/setup/console.ts).
 */
import crypto from "node:crypto";
import { afterAll, inject } from "vitest";
import { installConsoleErrorGuard } from "./console";
import { createDatabase, databaseUrl, dropDatabase } from "./databases";
import type {} from "./provided";

const adminUrl = inject("adminDatabaseUrl");
const name = `${inject("testDatabasePrefix")}${crypto.randomBytes(4).toString("hex")}`;

await createDatabase(adminUrl, name, inject("templateDatabase"));
process.env.DATABASE_URL = databaseUrl(adminUrl, name);
// Signs session cookies in route tests; without it the app would write DATA_DIR/session-secret.
process.env.SESSION_SECRET ??= "test-session-secret-0123456789abcdefghijklmnopqrstuvwxyz";

afterAll(async () => {
  // The app's process-wide client (tests/setup/db.ts testDb()) holds connections to the database.
  let disconnectDb: (() => Promise<void>) | undefined;
  try {
    ({ disconnectDb } = await import("~/modules/db/client.server"));
  } catch {
    // The file vi.mock()ed the module without disconnectDb: the real client was never used.
  }
  await disconnectDb?.();
  const { forced } = await dropDatabase(adminUrl, name);
  if (forced) {
    throw new Error(
      `The test database ${name} still had open connections after the file's tests: ` +
        `disconnect every client you create (await client.$disconnect() / pool.end() in afterAll).`,
    );
  }
});

installConsoleErrorGuard();

/**
 * The test file's database (tests/setup/per-file.ts): `testDb()` is the app's own process-wide
 * client, so code under test and assertions share it; per-file.ts disconnects it at the end.
 */
import { db, type Db } from "~/modules/db/client.server";

export function testDb(): Db {
  return db();
}

/** The URL of this test file's database. */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: tests/setup/per-file.ts did not run (run through vitest).");
  return url;
}

/** The name of this test file's database ("consult_test_<run>_<random>"). */
export function testDatabaseName(): string {
  return decodeURIComponent(new URL(testDatabaseUrl()).pathname.slice(1));
}

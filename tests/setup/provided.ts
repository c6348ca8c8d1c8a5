/** What tests/setup/global-setup.ts hands to every test file through vitest's provide/inject. */
export type TestDatabaseContext = {
  /** A URL on the test server whose user may CREATE DATABASE (database "postgres" or TEST_DATABASE_URL's). */
  adminDatabaseUrl: string;
  /** The migrated database every test file's database is cloned from. */
  templateDatabase: string;
  /** Prefix of the per-file databases of this run ("consult_test_<run>_"): teardown drops them. */
  testDatabasePrefix: string;
  /** "embedded" (data/test-postgres) or "external" (TEST_DATABASE_URL). */
  databaseServer: "embedded" | "external";
};

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface ProvidedContext extends TestDatabaseContext {}
}

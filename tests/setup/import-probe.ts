/**
 * Records the environment at the moment a test file's imports are evaluated. Imported by
 * tests/integration/migrations.test.ts to check that tests/setup/per-file.ts has already set
 * DATABASE_URL by then (app modules may read it at import time).
 */
export const databaseUrlAtImport = process.env.DATABASE_URL;

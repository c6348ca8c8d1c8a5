/**
 * Unit and integration tests (`npx vitest run`). Integration tests run against a real
 * PostgreSQL: TEST_DATABASE_URL's server when set, else an embedded PostgreSQL 17 in
 * data/test-postgres (see tests/setup/global-setup.ts). Every test file gets its own database,
 * cloned from a migrated template (tests/setup/per-file.ts).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: { alias: { "~": path.join(root, "app") } },
  test: {
    environment: "node",
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "app/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/per-file.ts"],
    // A child process per test file: each sets its own process.env.DATABASE_URL, and the code
    // under test spawns processes (Prisma CLI, PostgreSQL) and registers exit hooks.
    pool: "forks",
    hookTimeout: 60_000,
    testTimeout: 60_000,
    teardownTimeout: 60_000,
  },
});

import path from "node:path";
import { defineConfig } from "prisma/config";
import { createAdapter, skipNativeEngineDownload } from "./app/modules/db/adapter.server";

// Runs before the CLI resolves engines: see shim 1 in app/modules/db/adapter.server.ts.
skipNativeEngineDownload(path.resolve("prisma", "native-engine-placeholder.txt"));

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set. Run Prisma through the npm scripts (npm run db:migration -- <name>, npm run db:status), which start the embedded PostgreSQL and set it.",
      );
    }
    // Let the CLI exit as soon as its work is done instead of keeping idle connections for 10 s.
    return createAdapter(url, { allowExitOnIdle: true });
  },
});

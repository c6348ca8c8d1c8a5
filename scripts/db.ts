/**
 * Prisma migrations against the embedded PostgreSQL (or DATABASE_URL when set):
 *   npm run db:migration -- <name>   create and apply a migration (prisma migrate dev)
 *   npm run db:deploy                apply pending migrations (prisma migrate deploy)
 *   npm run db:status                show migration status (prisma migrate status)
 */
import { spawnSync } from "node:child_process";
import { withDatabase } from "../app/modules/db/runtime.server";
import { prismaCli } from "../app/modules/db/migrate.server";

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, string[]> = {
  migration: ["migrate", "dev", "--skip-generate", "--name"],
  deploy: ["migrate", "deploy"],
  status: ["migrate", "status"],
};
const args = command ? commands[command] : undefined;
if (!args || (command === "migration" && !rest[0])) {
  console.error("Usage: npm run db:migration -- <name> | npm run db:deploy | npm run db:status");
  process.exit(2);
}

const status = await withDatabase(async (url) => {
  const result = spawnSync(process.execPath, [prismaCli(), ...args, ...rest], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
  return result.status ?? 1;
});
process.exit(status);

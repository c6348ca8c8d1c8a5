/**
 * Administrators:
 *   npm run admin -- create <email> [--name "Full Name"]   create (or promote) an admin
 *   npm run admin -- revoke-sessions <email>               sign a person out everywhere
 * Uses DATABASE_URL when set, else the embedded PostgreSQL (stop `npm start` first).
 */
import { z } from "zod";
import { withDatabase } from "../app/modules/db/runtime.server";
import { applyPendingMigrations } from "../app/modules/db/migrate.server";
import { createPrismaClient } from "../app/modules/db/client.server";

const [command, rawEmail, ...rest] = process.argv.slice(2);
const email = z.email().safeParse(rawEmail?.trim().toLowerCase());
if (!command || !["create", "revoke-sessions"].includes(command) || !email.success) {
  console.error('Usage: npm run admin -- create <email> [--name "Full Name"] | npm run admin -- revoke-sessions <email>');
  process.exit(2);
}
const nameIndex = rest.indexOf("--name");
const name = nameIndex >= 0 ? rest[nameIndex + 1] : undefined;

await withDatabase(async (url) => {
  await applyPendingMigrations(url);
  const db = createPrismaClient(url, 1);
  try {
    if (command === "create") {
      const user = await db.user.upsert({
        where: { email: email.data },
        create: { email: email.data, name: name ?? email.data.split("@")[0]!, isAdmin: true },
        update: { isAdmin: true, disabledAt: null, ...(name ? { name } : {}) },
      });
      await db.auditEvent.create({ data: { action: "user.made-admin", entityType: "User", entityId: user.id, data: { via: "cli" } } });
      console.log(`${user.email} is an administrator. Sign in at /sign-in with that address.`);
    } else {
      const user = await db.user.findUnique({ where: { email: email.data } });
      if (!user) throw new Error(`No user with the address ${email.data}.`);
      const { count } = await db.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
      console.log(`Revoked ${count} session(s) of ${user.email}.`);
    }
  } finally {
    await db.$disconnect();
  }
});

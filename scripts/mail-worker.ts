/**
 * The outbox worker as its own process, for installations that keep mail delivery apart from
 * the web processes (any number of workers and app processes may run at once: messages are
 * claimed with FOR UPDATE SKIP LOCKED, see app/modules/mail/worker.server.ts).
 *   npm run mail-worker              deliver until stopped (Ctrl-C / SIGTERM)
 *   npm run mail-worker -- --once    deliver what is due now, then exit (for cron)
 * Uses DATABASE_URL when set, else the embedded PostgreSQL (which only one process can open:
 * with the embedded database, let `npm start` deliver mail instead).
 */
import fs from "node:fs";
import { ConfigError, env } from "../app/modules/config/env.server";
import { EmbeddedPostgresBusyError } from "../app/modules/db/embedded.server";
import { openDatabase } from "../app/modules/db/runtime.server";
import { applyPendingMigrations } from "../app/modules/db/migrate.server";

async function main() {
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  const once = process.argv.includes("--once");
  const config = env();
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  await applyPendingMigrations(database.url);

  const { db, disconnectDb } = await import("../app/modules/db/client.server");
  const { createMailTransport } = await import("../app/modules/mail/transport.server");
  const { sendPendingEmails, startMailWorker } = await import("../app/modules/mail/worker.server");
  const where = config.SMTP_URL ? "SMTP" : `the local mailbox (${config.dataDir}/mail)`;

  const finish = async (code: number) => {
    await disconnectDb();
    await database.embedded?.stop();
    process.exit(code);
  };

  if (once) {
    const transport = createMailTransport();
    let total = 0;
    for (;;) {
      const result = await sendPendingEmails({ db: db(), transport, batchSize: 20 });
      total += result.sent;
      if (result.claimed < 20) break;
    }
    transport.close();
    console.log(`Mail worker: ${total} message(s) delivered to ${where}.`);
    return finish(0);
  }

  const worker = startMailWorker({ intervalMs: 2000 });
  console.log(`Mail worker running: delivering the outbox to ${where}. Stop with Ctrl-C.`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: finishing the batch in hand...`);
    await worker.stop();
    await finish(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof EmbeddedPostgresBusyError ? `\n${error.message}\n` : error);
  process.exit(1);
});

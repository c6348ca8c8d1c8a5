/**
 * The Consult server: resolves the database (embedded PostgreSQL or DATABASE_URL), applies
 * pending migrations, seeds the demo on an empty database, then serves the Remix app behind
 * security headers. `npm start` runs it on the production build; `npm run dev` with Vite.
 */
import fs from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { ConfigError, env } from "./app/modules/config/env.server";
import { openDatabase } from "./app/modules/db/runtime.server";
import { applyPendingMigrations } from "./app/modules/db/migrate.server";
import { EmbeddedPostgresBusyError } from "./app/modules/db/embedded.server";
import { securityHeaders, refuseCrossOriginPosts } from "./app/modules/security/headers.server";

async function main() {
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  const config = env();
  const production = config.NODE_ENV === "production";

  // The app bundle parses the environment again: hand it what was resolved here.
  process.env.SESSION_SECRET = config.SESSION_SECRET;
  process.env.APP_URL = config.APP_URL;

  const database = await openDatabase();
  process.env.DATABASE_URL = database.url; // the app's client reads it (app/modules/db/client.server.ts)
  await applyPendingMigrations(database.url);

  const { db, disconnectDb } = await import("./app/modules/db/client.server");
  if (config.SEED_DEMO) {
    const { seedDemo } = await import("./prisma/seed/demo");
    const result = await seedDemo(db(), { appUrl: config.APP_URL });
    if (result.seeded) printDemoInstructions(config.APP_URL, result);
  }
  const { startMailWorker } = await import("./app/modules/mail/worker.server");
  const mailWorker = startMailWorker({ intervalMs: 2000 });
  const { startRoundScheduler } = await import("./app/modules/round/scheduler.server");
  // Rounds open, close and send scheduled reminders on time; their email goes out at once.
  const roundScheduler = startRoundScheduler({
    intervalMs: 30_000,
    onRun: (r) => (r.opened.length + r.reminded.length > 0 ? mailWorker.wake() : undefined),
  });

  const buildDir = path.resolve(process.env.CONSULT_BUILD_DIR || "build");
  const vite = production
    ? undefined
    : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY);
  app.use(compression());
  app.use(securityHeaders({ production, https: config.APP_URL.startsWith("https://") }));
  app.use(refuseCrossOriginPosts(config.APP_URL));
  app.get("/healthz", (_req, res) => {
    res.type("text/plain").send("ok");
  });

  if (vite) {
    app.use(vite.middlewares);
  } else {
    app.use("/assets", express.static(path.join(buildDir, "client", "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  }

  const build = vite
    ? () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
    : ((await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href)) as ServerBuild);

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: config.NODE_ENV,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        // Behind a reverse proxy set TRUST_PROXY=true so this is the client, not the proxy.
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        wakeMailWorker: mailWorker.wake,
      }),
    }),
  );

  const server: Server = app.listen(config.PORT, config.HOST, () => {
    console.log(`Consult is ready at ${config.APP_URL} (listening on ${config.HOST}:${config.PORT})`);
    if (database.embedded) console.log(`Embedded PostgreSQL 17 on 127.0.0.1:${database.embedded.port}, data in ${database.embedded.dataDir}`);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Consult...`);
    server.close();
    server.closeAllConnections?.();
    await roundScheduler.stop();
    await mailWorker.stop();
    await vite?.close();
    await disconnectDb();
    await database.embedded?.stop();
    console.log("Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

function printDemoInstructions(appUrl: string, demo: { coordinatorEmail: string; respondentEmail: string; invitationUrl?: string }) {
  console.log(
    [
      "",
      "Demo consultation seeded. To look around:",
      `  Coordinator: open ${appUrl}/sign-in and enter ${demo.coordinatorEmail}.`,
      `               Without SMTP_URL, the sign-in email lands in ${appUrl}/dev/mail (and ./data/mail).`,
      `  Respondent:  follow the demo invitation link ${demo.invitationUrl ?? "(printed at first start only)"}`,
      `               or sign in as ${demo.respondentEmail} the same way.`,
      "",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresBusyError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});

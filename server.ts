/**
 * The Consult server: resolves the database (embedded PostgreSQL or DATABASE_URL), applies
 * pending migrations, seeds the demo on an empty database, then serves the Remix app behind
 * security headers. `npm run dev` runs it from source with Vite; `npm run build` compiles it to
 * <build>/server/start.js, which `npm start`/`npm run serve` run with plain node.
 *
 * The app's own modules (database client, mail worker, scheduler, seed) are used only through
 * the Remix build's entry module, never imported here: one copy of each per process
 * (docs/decisions/012-production-server.md). What is imported here runs before the build loads.
 */
import fs from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { ConfigError, env } from "./app/modules/config/env.server";
import { openDatabase } from "./app/modules/db/runtime.server";
import { applyPendingMigrations } from "./app/modules/db/migrate.server";
import { EmbeddedPostgresBusyError } from "./app/modules/db/embedded.server";
import { securityHeaders, refuseCrossOriginPosts } from "./app/modules/security/headers.server";
import type * as AppEntry from "./app/entry.server";

/** The server build; its entry module also exports what start-up needs (app/entry.server.tsx). */
type AppBuild = ServerBuild & { entry: { module: typeof AppEntry } };

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

  const buildDir = buildDirectory();
  const vite = production
    ? undefined
    : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
  // Loaded only now: the app reads DATABASE_URL, SESSION_SECRET and APP_URL set above.
  const build: AppBuild | (() => Promise<AppBuild>) = vite
    ? () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<AppBuild>
    : await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href);
  // In development Vite reloads edited modules per request; start-up keeps the ones it loaded first.
  const entry = (typeof build === "function" ? await build() : build).entry.module;

  if (config.SEED_DEMO) {
    const result = await entry.seedDemo(entry.db(), { appUrl: config.APP_URL });
    if (result.seeded) printDemoInstructions(config.APP_URL, result);
  }
  const mailWorker = entry.startMailWorker({ intervalMs: 2000 });
  // Rounds open, close and send scheduled reminders on time; their email goes out at once.
  const roundScheduler = entry.startRoundScheduler({
    intervalMs: 30_000,
    onRun: (r) => (r.opened.length + r.reminded.length > 0 ? mailWorker.wake() : undefined),
  });
  // Expired sessions, sign-in links, stashes, receipts and import previews are deleted hourly.
  const retention = entry.startRetention();

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
    retention.stop();
    await roundScheduler.stop();
    await mailWorker.stop();
    await vite?.close();
    await entry.disconnectDb();
    await database.embedded?.stop();
    console.log("Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

/**
 * Compiled, this file is <build>/server/start.js beside the app's <build>/server/index.js and
 * serves that build, whatever CONSULT_BUILD_DIR it was built with. From source (tsx server.ts),
 * CONSULT_BUILD_DIR or ./build.
 */
function buildDirectory(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  if (fs.existsSync(path.join(here, "index.js"))) return path.dirname(here);
  return path.resolve(process.env.CONSULT_BUILD_DIR || "build");
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

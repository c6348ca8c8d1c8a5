/**
 * `npm run bench`: builds, starts the production server on seeded demo data (embedded
 * PostgreSQL under data/bench, or BENCH_DATABASE_URL), and measures with autocannon:
 *   - the respondent section page (signed in as a demo respondent)
 *   - the coordinator results page (signed in as the demo coordinator)
 * then the coordinator workspace's targets (bench/workspace.ts: inviting 500 organisations,
 * the outbox worker to a local SMTP server, the tracking page of a 500-organisation round)
 * and the exports' target (bench/exports.ts: the XLSX comment matrix of 10,000 comments).
 * Prints tables and writes bench/results/latest.json. Never part of the test suite.
 * Options: --no-build, --connections N (default 50), --seconds N (default 10), --port N
 *          (default 3200), --only pages|workspace|exports|respondent|results|text-answers
 *          (one part only), --responses N (size of the large data set, default 100000),
 *          --profile (writes a V8 CPU profile of the server to bench/results/).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createCookie } from "@remix-run/node";
import { startEmbeddedPostgres } from "../app/modules/db/embedded.server";
import { applyPendingMigrations } from "../app/modules/db/migrate.server";
import { createPrismaClient } from "../app/modules/db/client.server";
import { hashToken, randomToken } from "../app/modules/security/tokens.server";
import { seedDemo } from "../prisma/seed/demo";
import { exportsSummary, measureExports, prepareExportsBench } from "./exports";
import { measureAutosave, measureSlowFirstLoad, prepareRespondentBench, respondentSummary } from "./respondent";
import { loadTest } from "./latency";
import { measureResultsPage, prepareResultsBench } from "./results";
import { measureTextAnswers, prepareTextAnswersBench, textAnswersSummary } from "./text-answers";
import { measureTrackingPage, prepareWorkspaceBench, workspaceSummary } from "./workspace";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const connections = option("connections", 50);
const seconds = option("seconds", 10);
const port = option("port", 3200);
const appUrl = `http://127.0.0.1:${port}`;
const PARTS = ["pages", "workspace", "exports", "respondent", "results", "text-answers"];
const only = args.includes("--only") ? args[args.indexOf("--only") + 1]! : null;
if (only !== null && !PARTS.includes(only)) throw new Error(`--only takes one of ${PARTS.join(", ")}`);
const runs = (part: string) => only === null || only === part;
const secret = "bench-session-secret-0123456789abcdefghijklmnop";

const buildDir = path.resolve(process.env.CONSULT_BUILD_DIR || "build");
if (!args.includes("--no-build")) {
  console.log("Building...");
  const build = spawnSync("npx", ["remix", "vite:build"], { stdio: "ignore" });
  if (build.status !== 0) throw new Error("The build failed: run `npx remix vite:build` to see why.");
}

const dataDir = path.resolve("data", "bench");
fs.mkdirSync(dataDir, { recursive: true });
const embedded = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
const databaseUrl = process.env.BENCH_DATABASE_URL ?? embedded!.url;
await applyPendingMigrations(databaseUrl);
const db = createPrismaClient(databaseUrl, 2);
await seedDemo(db, { appUrl });

async function sessionCookieFor(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const token = randomToken();
  await db.session.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 86_400_000) } });
  const cookie = createCookie("consult_session", { secrets: [secret], path: "/", httpOnly: true, sameSite: "lax" });
  return (await cookie.serialize(token)).split(";")[0]!;
}

const respondentCookie = await sessionCookieFor("focalpoint@laopdr.example");
const coordinatorCookie = await sessionCookieFor("coordinator@consult.localhost");
const invitation = await db.invitation.findFirstOrThrow({
  where: { organisation: { contacts: { some: { user: { email: "focalpoint@laopdr.example" } } } }, round: { status: "OPEN" } },
  include: { round: { include: { version: { include: { sections: { orderBy: { position: "asc" }, take: 3 } } } } } },
});
const section = invitation.round.version.sections[2]!;
const exportsSetup = runs("exports") ? await prepareExportsBench(db) : null;
const respondentSetup = runs("respondent") ? await prepareRespondentBench(db) : null;
const respondentCookies = respondentSetup ? await Promise.all(respondentSetup.respondents.map((r) => sessionCookieFor(r.email))) : [];
const resultsSetup = runs("results") ? await prepareResultsBench(db, option("responses", 100_000)) : null;
const textSet = runs("text-answers") ? await prepareTextAnswersBench(db, option("responses", 100_000)) : null;
await db.$disconnect();

// Before the server starts, so that its mail worker leaves the bench's messages to ours.
const workspaceSetup = !runs("workspace") ? null : await prepareWorkspaceBench({ databaseUrl, appUrl, dataDir, secret });

const profile = args.includes("--profile") ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve("bench", "results")}`] : [];
// As `npm run serve` runs it: the compiled server with plain node (docs/decisions/012).
const server = spawn(process.execPath, [...profile, path.join(buildDir, "server", "start.js")], {
  env: { ...process.env, NODE_ENV: "production", PORT: String(port), APP_URL: appUrl, DATABASE_URL: databaseUrl, SESSION_SECRET: secret, SEED_DEMO: "false", DATA_DIR: dataDir },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  for (let i = 0; i < 480; i++) { // up to 2 minutes: a busy shared machine starts slowly
    try {
      if ((await fetch(`${appUrl}/healthz`)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  const targets = !runs("pages") ? [] : [
    { name: "respondent section page", path: `/respond/${invitation.id}/sections/${section.key}`, cookie: respondentCookie },
    { name: "coordinator results page", path: `/consultations/${invitation.round.consultationId}/rounds/${invitation.roundId}/results`, cookie: coordinatorCookie },
  ];
  const weights = [];
  for (const target of targets) weights.push({ page: target.name, ...(await firstLoadWeight(appUrl + target.path, target.cookie)) });

  const results = [];
  for (const target of targets) {
    const check = await fetch(appUrl + target.path, { headers: { cookie: target.cookie }, redirect: "manual" });
    if (check.status !== 200) throw new Error(`${target.name} answered ${check.status}, not 200`);
    await loadTest({ url: appUrl + target.path, connections: 5, seconds: 2, cookie: target.cookie }); // warm-up
    const r = await loadTest({ url: appUrl + target.path, connections, seconds, cookie: target.cookie });
    results.push({
      page: target.name,
      connections,
      seconds,
      requests: r.requests,
      requestsPerSecond: r.requestsPerSecond,
      latencyMs: { p50: r.p50, p95: r.p95, p99: r.p99, max: r.max },
      non2xx: r.non2xx,
      errors: r.errors,
    });
  }

  const workspace = workspaceSetup
    ? workspaceSummary(workspaceSetup, await measureTrackingPage({ appUrl, setup: workspaceSetup, cookie: coordinatorCookie, seconds }))
    : null;

  const exportsResult = exportsSetup ? exportsSummary(await measureExports({ appUrl, cookie: coordinatorCookie, serverPid: server.pid!, setup: exportsSetup, warmUpPath: `/consultations/${invitation.round.consultationId}/rounds/${invitation.roundId}/exports/matrix.xlsx` })) : null;

  const respondent = respondentSetup
    ? respondentSummary(
        await measureAutosave({ appUrl, setup: respondentSetup, cookies: respondentCookies, seconds: Math.max(seconds, 10) }),
        await measureSlowFirstLoad({ appUrl, path: respondentSetup.sectionPath(respondentSetup.respondents[0]!.invitationId), cookie: respondentCookies[0]!, runs: 3 }),
      )
    : null;

  const largeResults = resultsSetup ? await measureResultsPage({ appUrl, setup: resultsSetup, cookie: coordinatorCookie }) : null;
  const textAnswers = textSet
    ? textAnswersSummary(textSet, await measureTextAnswers({ appUrl, set: textSet, cookie: coordinatorCookie, seconds: Math.min(seconds, 5) }))
    : null;

  if (results.length > 0) {
    console.log(`\n${connections} connections, ${seconds} s each, production build, ${embedded ? "embedded PostgreSQL 17" : "BENCH_DATABASE_URL"}`);
    console.table(
      results.map((r) => ({
        page: r.page,
        "req/s": Math.round(r.requestsPerSecond),
        "p50 ms": r.latencyMs.p50,
        "p95 ms": r.latencyMs.p95,
        "p99 ms": r.latencyMs.p99,
        "non-2xx": r.non2xx,
        errors: r.errors,
      })),
    );
    console.log("\nFirst load of each page, gzip-compressed (HTML+CSS budget 50 KB, JavaScript budget 100 KB for respondent pages):");
    console.table(weights.map((w) => ({ page: w.page, "HTML KB": kb(w.html), "CSS KB": kb(w.css), "HTML+CSS KB": kb(w.html + w.css), "JS KB": kb(w.js), "JS files": w.jsFiles })));
  }
  if (workspace) {
    console.log("\nCoordinator workspace (bench/workspace.ts), against the issue's targets:");
    console.table(workspace.rows.map((r) => ({ measure: r.measure, result: r.result, target: r.target, met: r.met ? "yes" : "NO" })));
  }
  if (exportsResult) {
    console.log("\nExports (bench/exports.ts), against the issue's targets:");
    console.table(exportsResult.rows.map((r) => ({ measure: r.measure, result: r.result, target: r.target, met: r.met ? "yes" : "NO" })));
  }
  if (respondent) {
    console.log("\nRespondent experience (bench/respondent.ts), against the issue's targets:");
    console.table(respondent.rows.map((r) => ({ measure: r.measure, result: r.result, target: r.target, met: r.met === null ? "-" : r.met ? "yes" : "NO" })));
  }
  if (largeResults) {
    console.log(`\nResults page on ${largeResults.responses.toLocaleString("en")} responses (${largeResults.answers.toLocaleString("en")} answers), bench/results.ts, one request at a time:`);
    console.table(largeResults.rows.map((r) => ({ measure: r.measure, result: r.result, target: r.target, met: r.met ? "yes" : "NO" })));
  }
  if (textAnswers) {
    console.log(`\nWritten answers (bench/text-answers.ts), ${textAnswers.dataSet.responses} responses, ${textAnswers.dataSet.answers} answers, one request at a time, target p95 < ${textAnswers.targetP95Ms} ms:`);
    console.table(textAnswers.rows.map((r) => ({ ...r, met: r.met ? "yes" : "NO" })));
  }
  fs.mkdirSync(path.join("bench", "results"), { recursive: true });
  const out = path.join("bench", "results", "latest.json");
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), node: process.version, results, firstLoadGzipBytes: weights, workspace, exports: exportsResult, respondent, largeResults, textAnswers }, null, 2) + "\n");
  console.log(`Written to ${out}`);
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  await embedded?.stop();
}

function kb(bytes: number) {
  return Math.round(bytes / 102.4) / 10;
}

function gzipSize(body: Buffer | string) {
  return zlib.gzipSync(body).length;
}

/** What a browser downloads on a first visit: the HTML, its stylesheets and every script it loads. */
async function firstLoadWeight(url: string, cookie: string) {
  const html = await (await fetch(url, { headers: { cookie } })).text();
  const assets = [...new Set(html.match(/\/assets\/[^"'()\s]+\.(?:js|css)/g) ?? [])];
  let css = 0;
  let js = 0;
  for (const asset of assets) {
    const body = Buffer.from(await (await fetch(new URL(asset, url))).arrayBuffer());
    if (asset.endsWith(".css")) css += gzipSize(body);
    else js += gzipSize(body);
  }
  return { html: gzipSize(html), css, js, jsFiles: assets.filter((a) => a.endsWith(".js")).length };
}

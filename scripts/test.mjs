#!/usr/bin/env node
/**
 * `npm test`: every suite, failing if any fails, ending with "N passed, N failed".
 *   1. vitest (unit + integration) on the embedded PostgreSQL 17
 *   2. the same on TEST_DATABASE_URL's server, when it is set (CI: system PostgreSQL 15)
 *   3. the production build, then Playwright on Debian Chromium (JavaScript on and off)
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const totals = { passed: 0, failed: 0 };
let broken = false;

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function vitest(label, env, outputFile) {
  fs.rmSync(outputFile, { force: true });
  const status = run(label, "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${outputFile}`], env);
  const report = readJson(outputFile);
  if (!report) {
    console.error(`${label}: no report was written (exit ${status}).`);
    broken = true;
    totals.failed += 1;
    return;
  }
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0);
  if (status !== 0) broken = true;
}

const chromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && fs.existsSync(p));
if (!chromium) {
  console.error("No Chromium found: the browser tests need Debian's Chromium. Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH).");
  process.exit(1);
}

fs.mkdirSync("test-results", { recursive: true });
vitest("Unit and integration tests (embedded PostgreSQL 17)", { TEST_DATABASE_URL: "" }, "test-results/vitest-embedded.json");
if (process.env.TEST_DATABASE_URL) {
  vitest(`Unit and integration tests (${new URL(process.env.TEST_DATABASE_URL).host})`, {}, "test-results/vitest-external.json");
}

if (run("Production build", "npx", ["remix", "vite:build"]) !== 0) {
  broken = true;
  totals.failed += 1;
} else {
  const reportFile = "test-results/e2e.json";
  fs.rmSync(reportFile, { force: true });
  const status = run("Browser tests (Playwright, Debian Chromium)", "npx", ["playwright", "test"], { CHROMIUM_PATH: chromium, E2E_REPORT: reportFile });
  const report = readJson(reportFile);
  if (report) {
    totals.passed += report.stats.expected;
    totals.failed += report.stats.unexpected + report.stats.flaky;
  } else {
    totals.failed += 1;
  }
  if (status !== 0) broken = true;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(broken || totals.failed > 0 ? 1 : 0);

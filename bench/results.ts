/**
 * The results page of a section on a large round (issue 5, item 2): on PostgreSQL with
 * 100,000 responses × 30 questions (3,000,000 answers, made by bench/generate.ts), the page of
 * one section answers in under 500 ms at the 95th percentile. Measured by bench/run.ts
 * (`npm run bench -- --only results`, `--responses N` for another size) against the
 * production server with a coordinator's session, one request at a time so each time is the
 * page's own: p50/p95/p99 over 50 requests after 5 to warm up, for a section with an agreement
 * scale, a multiple-choice question and proposed wording, unfiltered and with filters.
 */
import type { Db } from "../app/modules/db/client.server";
import { generateLargeRound, type LargeRound } from "./generate";
import { percentile } from "./latency";

const REQUESTS = 50;
const WARM_UP = 5;
const TARGET_P95_MS = 500;

export type ResultsSetup = LargeRound & { sectionKey: string };

export async function prepareResultsBench(db: Db, responses: number): Promise<ResultsSetup> {
  const set = await generateLargeRound(db, { responses });
  console.log(`Results data set: ${set.reused ? "reused" : "made"} ${set.responses.toLocaleString("en")} responses, ${set.answers.toLocaleString("en")} answers (${set.seconds.toFixed(1)} s).`);
  // The second section: agreement, multiple choice and proposed wording (generate.ts).
  return { ...set, sectionKey: set.sections[1]!.key };
}

async function measure(url: string, cookie: string) {
  const check = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const html = await check.text();
  if (check.status !== 200) throw new Error(`The results page answered ${check.status}, not 200`);
  if (!html.includes('role="img"')) throw new Error("The results page shows no chart");
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + REQUESTS; i++) {
    const start = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.text();
    if (response.status !== 200) throw new Error(`The results page answered ${response.status} on request ${i + 1}`);
    if (i >= WARM_UP) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const ms = (v: number) => Math.round(v * 10) / 10;
  return { requests: times.length, p50: ms(percentile(times, 50)), p95: ms(percentile(times, 95)), p99: ms(percentile(times, 99)), max: ms(times.at(-1)!) };
}

export async function measureResultsPage(options: { appUrl: string; setup: ResultsSetup; cookie: string }) {
  const base = `${options.appUrl}/consultations/${options.setup.consultationId}/rounds/${options.setup.roundId}/results?section=${options.setup.sectionKey}`;
  const variants = [
    { name: "one section, all responses", url: base },
    { name: "one section, filtered (2 types, survivor-led)", url: `${base}&type=survivor-org&type=ngo&survivorLed=yes` },
    { name: "one section, filtered (country, language)", url: `${base}&country=LA&language=fr` },
  ];
  const rows = [];
  for (const v of variants) {
    const m = await measure(v.url, options.cookie);
    rows.push({ measure: `results page, ${v.name} (${m.requests} requests, p50 ${m.p50} / p99 ${m.p99} ms)`, result: `p95 ${m.p95} ms`, target: `p95 < ${TARGET_P95_MS} ms`, met: m.p95 < TARGET_P95_MS, latencyMs: m, path: v.url.slice(options.appUrl.length) });
  }
  return { responses: options.setup.responses, answers: options.setup.answers, rows };
}

/**
 * Reading the written answers at scale (issue 5, item 3): on a closed round of 100,000
 * responses × 30 questions (bench/generate.ts, `generateLargeRound`), the written-answers page
 * (consultations.$consultationId.rounds.$roundId.answers) on the production server, one request
 * at a time so the latency is the page's own: paged list and full-text search, target p95 under
 * 300 ms. Each case is requested in turn for `seconds`; every response time is kept and p95
 * computed here. `npm run bench -- --only text-answers` (with `--responses N` for a smaller set).
 */
import type { Db } from "../app/modules/db/client.server";
import { generateLargeRound, type LargeRound } from "./generate";
import { percentile } from "./latency";

const TARGET_P95_MS = 300;

export type TextAnswersCase = { name: string; path: string; latencyMs: { p50: number; p95: number; p99: number; max: number }; requests: number; answers: string };

export function prepareTextAnswersBench(db: Db, responses: number): Promise<LargeRound> {
  return generateLargeRound(db, { responses });
}

export async function measureTextAnswers(options: { appUrl: string; set: LargeRound; cookie: string; seconds: number }): Promise<TextAnswersCase[]> {
  const { set } = options;
  const base = `/consultations/${set.consultationId}/rounds/${set.roundId}/answers`;
  const text = set.questions.filter((q) => ["LONG_TEXT", "SHORT_TEXT", "PROPOSED_WORDING"].includes(q.type));
  const long = text.find((q) => q.type === "LONG_TEXT")!;
  const wording = text.find((q) => q.type === "PROPOSED_WORDING")!;
  const cases = [
    { name: "section, page 1", path: `?section=${long.sectionKey}` },
    { name: "section, page 40", path: `?section=${long.sectionKey}&page=40` },
    { name: "proposed wording (redlines), page 1", path: `?section=${wording.sectionKey}` },
    { name: "search one word", path: `?section=${long.sectionKey}&q=rehabilitation` },
    { name: "search phrase, type and unreviewed", path: `?section=${long.sectionKey}&q=${encodeURIComponent('"national focal point" -budget')}&type=ngo&reviewed=no` },
    { name: "search, page 10", path: `?section=${long.sectionKey}&q=survivors&page=10` },
  ];
  const results: TextAnswersCase[] = [];
  for (const c of cases) {
    const url = options.appUrl + base + c.path;
    const first = await fetch(url, { headers: { cookie: options.cookie }, redirect: "manual" });
    const html = await first.text();
    if (first.status !== 200) throw new Error(`${c.name}: the written-answers page answered ${first.status}, not 200`);
    const answers = /<p class="muted" id="answer-count">([^<]*)<\/p>/.exec(html)?.[1] ?? "?";
    for (let i = 0; i < 3; i++) await (await fetch(url, { headers: { cookie: options.cookie } })).text(); // warm-up
    const latencies: number[] = [];
    const until = performance.now() + options.seconds * 1000;
    while (performance.now() < until || latencies.length < 20) {
      const started = performance.now();
      const response = await fetch(url, { headers: { cookie: options.cookie } });
      await response.text();
      if (response.status !== 200) throw new Error(`${c.name}: ${response.status}`);
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    const ms = (v: number) => Math.round(v * 10) / 10;
    results.push({
      name: c.name,
      path: base + c.path,
      requests: latencies.length,
      answers: answers.replace(/&quot;|&#x27;/g, ""),
      latencyMs: { p50: ms(percentile(latencies, 50)), p95: ms(percentile(latencies, 95)), p99: ms(percentile(latencies, 99)), max: ms(latencies.at(-1)!) },
    });
  }
  return results;
}

export function textAnswersSummary(set: LargeRound, cases: TextAnswersCase[]) {
  return {
    dataSet: { responses: set.responses, answers: set.answers, generatedSeconds: Math.round(set.seconds), reused: set.reused },
    targetP95Ms: TARGET_P95_MS,
    rows: cases.map((c) => ({ measure: c.name, shown: c.answers, requests: c.requests, p50: c.latencyMs.p50, p95: c.latencyMs.p95, met: c.latencyMs.p95 < TARGET_P95_MS })),
    cases,
  };
}

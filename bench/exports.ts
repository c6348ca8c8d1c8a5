/**
 * The exports' performance target, measured by bench/run.ts (`npm run bench -- --only exports`):
 * the XLSX comment matrix of a round with 10,000 comments, downloaded through the production
 * server's HTTP route, in under 10 s, with the server process's memory under 300 MB.
 * Memory is the server's resident set (VmRSS in /proc/<pid>/status), sampled every 25 ms
 * while the download runs; VmHWM (the process's peak since it started) is reported too.
 * The data is made by set-based SQL (generate_series): 1,000 organisations answering ten
 * written questions each, a third of them type-only and a third confidential, with worklist
 * items linked to half the comments. Recognisable as the "bench-exports" consultation
 * ("Bench export org NNNN"); its round is made anew on every run.
 */
import fs from "node:fs";
import ExcelJS from "exceljs";
import type { Db } from "../app/modules/db/client.server";

const ORGANISATIONS = 1000;
const QUESTIONS = 10; // one written question per section
const SLUG = "bench-exports";
const TARGETS = { seconds: 10, peakRssMb: 300 };

export type ExportsSetup = { consultationId: string; roundId: string; comments: number };

export async function prepareExportsBench(db: Db): Promise<ExportsSetup> {
  const coordinator = await db.user.findUniqueOrThrow({ where: { email: "coordinator@consult.localhost" } });
  const type = await db.stakeholderType.findFirstOrThrow({ orderBy: { position: "asc" } });
  const consultation = await db.consultation.upsert({
    where: { slug: SLUG },
    create: { slug: SLUG, title: "Bench: exports", members: { create: { userId: coordinator.id, role: "COORDINATOR" } } },
    update: {},
  });
  await db.worklistItem.deleteMany({ where: { consultationId: consultation.id } });
  await db.round.deleteMany({ where: { consultationId: consultation.id } });
  await db.documentVersion.deleteMany({ where: { consultationId: consultation.id } });
  const version = await db.documentVersion.create({
    data: {
      consultationId: consultation.id,
      number: 1,
      title: "Bench draft",
      lockedAt: new Date(),
      sections: { create: Array.from({ length: QUESTIONS }, (_, i) => ({ key: `section-${i + 1}`, position: i + 1, heading: `Bench section ${i + 1}` })) },
    },
    include: { sections: true },
  });
  const round = await db.round.create({ data: { consultationId: consultation.id, versionId: version.id, number: 1, title: "Bench exports round", status: "CLOSED" } });
  await db.question.createMany({
    data: version.sections.map((s) => ({ roundId: round.id, sectionId: s.id, position: s.position, type: "LONG_TEXT" as const, prompt: `Comments on ${s.heading}` })),
  });

  await db.$executeRaw`
    INSERT INTO "Organisation" (id, name, "typeId", country)
    SELECT 'bexo' || n, 'Bench export org ' || lpad(n::text, 4, '0'), ${type.id}, 'AT'
    FROM generate_series(1, ${ORGANISATIONS}::int) AS n
    ON CONFLICT (name) DO NOTHING`;
  await db.$executeRaw`
    INSERT INTO "Response" (id, "roundId", "organisationId", status, attribution, "consentToPublish", "updatedAt", "submittedAt")
    SELECT 'bexr' || o.id || ${round.id}, ${round.id}, o.id, 'SUBMITTED',
      (ARRAY['PUBLIC', 'TYPE_ONLY', 'CONFIDENTIAL'])[1 + ((row_number() OVER (ORDER BY o.name)) % 3)::int]::"Attribution", true, now(), now()
    FROM "Organisation" o WHERE o.name LIKE 'Bench export org %'`;
  await db.$executeRaw`
    INSERT INTO "Answer" (id, "responseId", "questionId", text, "updatedAt")
    SELECT r.id || '-' || q.position, r.id, q.id,
      'Paragraph ' || q.position || '.' || (1 + length(r.id) % 7) || ' should say more about survivors'' access to services in rural areas, '
        || 'with a budget and a timeframe, and name the focal point responsible for coordination. ' || repeat('Further detail. ', 8),
      now()
    FROM "Response" r CROSS JOIN "Question" q
    WHERE r."roundId" = ${round.id} AND q."roundId" = ${round.id}`;
  // One worklist item per question, each linked to every other comment on it.
  for (const [i, section] of version.sections.entries()) {
    const item = await db.worklistItem.create({
      data: {
        consultationId: consultation.id,
        roundId: round.id,
        sectionKey: section.key,
        summary: `Bench item ${i + 1}`,
        type: (["GENERAL", "TECHNICAL", "EDITORIAL"] as const)[i % 3],
        status: "ACCEPTED_WITH_CHANGES",
        rationale: "Reworded to name the focal point and the budget line.",
      },
    });
    await db.$executeRaw`
      INSERT INTO "WorklistItemSource" ("itemId", "answerId")
      SELECT ${item.id}, a.id FROM "Answer" a JOIN "Question" q ON q.id = a."questionId"
      WHERE q."sectionId" = ${section.id} AND q."roundId" = ${round.id} AND hashtext(a.id) % 2 = 0`;
  }
  // Fresh rows: give the planner their statistics now, as autovacuum would shortly.
  await db.$executeRaw`ANALYZE "Organisation", "Response", "Answer", "WorklistItemSource", "WorklistItem"`;
  const comments = await db.answer.count({ where: { response: { roundId: round.id } } });
  return { consultationId: consultation.id, roundId: round.id, comments };
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM" | "RssAnon"): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
}

export type ExportsMeasurement = {
  path: string;
  comments: number;
  rows: number;
  bytes: number;
  seconds: number;
  /** The server's RSS once started, before any export. */
  idleRssMb: number;
  peakRssMb: number;
  rssBeforeMb: number;
  /** The part of the RSS that is the process's own heap and stacks (not the node binary and libraries mapped from disk). */
  peakRssAnonMb: number;
  rssAnonBeforeMb: number;
  vmHwmMb: number;
};

/**
 * `warmUpPath`: a small export downloaded first (the demo round's matrix), so the measurement is
 * of a server that has exported before, not of loading and compiling the export code.
 */
export async function measureExports(options: { appUrl: string; cookie: string; serverPid: number; setup: ExportsSetup; warmUpPath: string }): Promise<ExportsMeasurement> {
  const { appUrl, cookie, serverPid, setup } = options;
  const path = `/consultations/${setup.consultationId}/rounds/${setup.roundId}/exports/matrix.xlsx`;
  const idleMb = statusKb(serverPid, "VmRSS") / 1024;
  const warmUp = await fetch(appUrl + options.warmUpPath, { headers: { cookie } });
  if (warmUp.status !== 200) throw new Error(`The warm-up export answered ${warmUp.status}`);
  await warmUp.arrayBuffer();
  const rssBefore = statusKb(serverPid, "VmRSS");
  const anonBefore = statusKb(serverPid, "RssAnon");
  let peak = rssBefore;
  let peakAnon = anonBefore;
  const sample = () => {
    peak = Math.max(peak, statusKb(serverPid, "VmRSS"));
    peakAnon = Math.max(peakAnon, statusKb(serverPid, "RssAnon"));
  };
  const sampler = setInterval(sample, 25);
  const start = performance.now();
  const chunks: Buffer[] = [];
  try {
    const response = await fetch(appUrl + path, { headers: { cookie } });
    if (response.status !== 200 || !response.body) throw new Error(`The XLSX matrix answered ${response.status}`);
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - start) / 1000;
  sample();
  const workbook = new ExcelJS.Workbook();
  const file = Buffer.concat(chunks);
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const rows = workbook.worksheets[0]!.actualRowCount - 1;
  if (rows !== setup.comments) throw new Error(`The XLSX matrix has ${rows} rows, not ${setup.comments}`);
  const mb = (kb: number) => Math.round(kb / 102.4) / 10;
  return { path, idleRssMb: Math.round(idleMb * 10) / 10, comments: setup.comments, rows, bytes: file.length, seconds, peakRssMb: mb(peak), rssBeforeMb: mb(rssBefore), peakRssAnonMb: mb(peakAnon), rssAnonBeforeMb: mb(anonBefore), vmHwmMb: mb(statusKb(serverPid, "VmHWM")) };
}

export function exportsSummary(m: ExportsMeasurement) {
  return {
    measurement: m,
    rows: [
      { measure: `XLSX comment matrix, ${m.rows.toLocaleString("en")} comments (${Math.round(m.bytes / 1024)} KB), over HTTP`, result: `${m.seconds.toFixed(2)} s`, target: `< ${TARGETS.seconds} s`, met: m.seconds < TARGETS.seconds },
      { measure: "server RSS during the export (peak of 25 ms samples)", result: `${m.peakRssMb} MB (idle: ${m.idleRssMb} MB; after a warm-up export: ${m.rssBeforeMb} MB)`, target: `< ${TARGETS.peakRssMb} MB`, met: m.peakRssMb < TARGETS.peakRssMb },
      { measure: "of which anonymous (heap, stacks; not the binary and libraries)", result: `${m.peakRssAnonMb} MB (before: ${m.rssAnonBeforeMb} MB)`, target: "", met: true },
      { measure: "server VmHWM (peak since the server started)", result: `${m.vmHwmMb} MB`, target: `< ${TARGETS.peakRssMb} MB`, met: m.vmHwmMb < TARGETS.peakRssMb },
    ],
  };
}

/**
 * A large, realistic data set for the benchmarks, made by PostgreSQL itself (INSERT ... SELECT
 * over generate_series: no row goes through JavaScript), so 100,000 responses × 30 questions
 * (3,000,000 answers) take a minute or two, not an hour.
 *
 * Usage (any benchmark, after seedDemo, which provides the stakeholder types and the coordinator):
 *
 *   import { generateLargeRound } from "./generate";
 *   const set = await generateLargeRound(db, { responses: 100_000 });
 *   // set.consultationId, set.roundId, set.sections[i].key, set.questions[i] (id, type, sectionKey)
 *
 * or from the command line, against BENCH_DATABASE_URL or the embedded bench database
 * (data/bench, the one `npm run bench` uses; stop the bench first):
 *
 *   npx tsx bench/generate.ts 100000
 *
 * What it makes, keyed by size (consultation slug `bench-large-<responses>`): as many
 * organisations as responses ("Bench large <n> org 000001"…), each invited to one closed round
 * of 10 sections × 3 questions (agreement; single, multiple choice or yes/no; long or short text
 * or proposed wording), and one response each: 85% submitted, 10% drafts, 5% withdrawn;
 * attribution public 45% / by type only 35% / confidential 20%, consent to publish 70%. Mixes
 * follow the stakeholder types (affected States lean to agreement, NGOs to disagreement), 40
 * countries, en/fr/es/ar (some bilingual), survivor-led survivor organisations. Written answers
 * are 1–3 sentences drawn from 40 plausible ones; some answers are blank, as autosave leaves them.
 * Everything is deterministic (hashes of the row number, not random()).
 *
 * A finished data set is reused: the round's status is set to CLOSED last, so an interrupted
 * run (round still DRAFT) is deleted and made again. Tables are analysed and vacuumed at the end
 * so that plans and index-only scans are those of a settled database.
 */
import type { Db } from "../app/modules/db/client.server";

export type LargeRound = {
  consultationId: string;
  roundId: string;
  responses: number;
  answers: number;
  reused: boolean;
  seconds: number;
  sections: Array<{ id: string; key: string; heading: string }>;
  questions: Array<{ id: string; type: string; sectionKey: string }>;
};

const SECTIONS = [
  ["purpose-and-scope", "Purpose and scope"],
  ["integrated-approach", "Principles of an integrated approach"],
  ["data-collection", "Data collection and needs assessment"],
  ["focal-points", "National focal points and action plans"],
  ["medical-care", "Medical care and rehabilitation"],
  ["psychosocial-support", "Psychological and psychosocial support"],
  ["socio-economic-inclusion", "Socio-economic inclusion"],
  ["survivor-participation", "Participation of survivors and their organisations"],
  ["training", "Training of victim assistance professionals"],
  ["measuring-progress", "Measuring progress and reporting"],
] as const;

const SECOND_QUESTION = ["SINGLE_CHOICE", "MULTIPLE_CHOICE", "YES_NO"] as const;
const THIRD_QUESTION = ["LONG_TEXT", "PROPOSED_WORDING", "SHORT_TEXT"] as const;

const SINGLE_OPTIONS = [
  { id: "national-plan", label: "In a national plan" },
  { id: "disability-plan", label: "In the disability plan" },
  { id: "health-plan", label: "In the health plan" },
  { id: "not-yet", label: "Not yet" },
];
const MULTIPLE_OPTIONS = [
  { id: "medical", label: "Medical care" },
  { id: "rehabilitation", label: "Rehabilitation" },
  { id: "psychosocial", label: "Psychosocial support" },
  { id: "education", label: "Education" },
  { id: "employment", label: "Employment" },
];

const SENTENCES = [
  "The section should say who pays for services once international funding ends.",
  "We welcome the emphasis on integrating victim assistance into national disability frameworks.",
  "Please add a reference to the Convention on the Rights of Persons with Disabilities here.",
  "Survivors in rural areas still travel for days to reach a rehabilitation centre.",
  "The guidance should distinguish clearly between emergency and ongoing medical care.",
  "Data should be disaggregated by sex, age and disability, as Action 32 asks.",
  "Peer support by trained survivors deserves its own paragraph.",
  "The text is too long for focal points to use in practice; a checklist would help.",
  "Our ministry coordinates victim assistance through an inter-ministerial committee.",
  "Psychosocial support is often the first service to be cut when budgets shrink.",
  "We suggest replacing 'beneficiaries' with 'survivors and affected communities'.",
  "The role of the national focal point needs a clearer mandate and resources.",
  "Women survivors face additional barriers to employment that the text does not mention.",
  "Children injured by cluster munitions need age-appropriate prosthetics replaced as they grow.",
  "The section repeats paragraph 12 of the 2016 guidance almost word for word.",
  "Include an example of a national action plan with a budget and a timeframe.",
  "Referral pathways between mine action and health services are missing.",
  "We support this paragraph as drafted.",
  "Measuring progress should rely on existing national statistics where possible.",
  "Training for health professionals should include communication with persons with disabilities.",
  "Survivor organisations should be paid for their participation in consultations.",
  "Affected families and communities must be recognised as victims too.",
  "The link to the Lausanne Action Plan should be explicit in every section.",
  "Social protection schemes rarely reach survivors without identity documents.",
  "The guidance should encourage donors to fund multi-year programmes.",
  "Accessible formats (easy read, braille, audio) should be planned from the start.",
  "We propose moving this paragraph to the section on laws and policies.",
  "Inclusive education is absent from the draft and should be added.",
  "Local authorities implement most services and should be named as actors.",
  "Please clarify how this section applies to States without a mine action centre.",
  "Psychological first aid should be available at the point of injury.",
  "The draft could cite IMAS 13.10 on victim assistance in mine action.",
  "Microfinance has helped survivors in our province start small businesses.",
  "We recommend a short summary for each section in plain language.",
  "Reporting templates should be aligned with the CRPD reporting cycle.",
  "Transport costs are a major barrier to follow-up care.",
  "Sign language interpretation should be available at national meetings.",
  "The term 'integrated approach' needs a definition early in the document.",
  "Our network of survivors is ready to contribute case studies.",
  "This section is clear and useful.",
];

const AFFECTED_COUNTRIES = ["AF", "AL", "BA", "TD", "HR", "IQ", "LA", "LB", "MR", "ME", "SO", "SS"];
const OTHER_COUNTRIES = ["AT", "PA", "CH", "FR", "DE", "NO", "GB", "CA", "JP", "AU", "KH", "VN", "CO", "UA", "SY", "YE", "LY", "SN", "UG", "KE", "ET", "MZ", "ES", "IT", "NZ", "IE", "MX", "CL"];

/** Share of organisations per stakeholder type key (percent); types not named share the rest. */
const TYPE_SHARES: Record<string, number> = {
  "affected-state": 10,
  "state-party": 15,
  "observer-state": 5,
  "survivor-org": 25,
  ngo: 30,
  "international-org": 10,
  "convention-body": 5,
};
/** How far each type leans towards agreement (added to a 0–99 draw before the scale is cut). */
const AGREEMENT_LEAN: Record<string, number> = { "affected-state": -15, "state-party": -5, ngo: 12, "survivor-org": 6 };
const INTERNATIONAL = ["international-org", "convention-body"];

export async function generateLargeRound(db: Db, { responses = 100_000 }: { responses?: number } = {}): Promise<LargeRound> {
  const started = performance.now();
  const slug = `bench-large-${responses}`;
  const prefix = `Bench large ${responses}`;
  const existing = await db.consultation.findUnique({ where: { slug }, include: { rounds: true } });
  if (existing?.rounds[0]?.status === "CLOSED") return describe(db, existing.id, existing.rounds[0].id, responses, true, started);
  if (existing) {
    // An interrupted run: start again (organisations first, their responses and answers cascade).
    await db.organisation.deleteMany({ where: { name: { startsWith: `${prefix} org ` } } });
    await db.consultation.delete({ where: { id: existing.id } });
  }

  const coordinator = await db.user.findUniqueOrThrow({ where: { email: "coordinator@consult.localhost" } });
  const types = await db.stakeholderType.findMany({ orderBy: { position: "asc" } });
  if (types.length === 0) throw new Error("No stakeholder types: run seedDemo first.");
  const consultation = await db.consultation.create({
    data: {
      slug,
      title: `Bench: ${responses.toLocaleString("en")} responses`,
      languages: ["en", "fr", "es", "ar"],
      members: { create: { userId: coordinator.id, role: "COORDINATOR" } },
    },
  });
  const version = await db.documentVersion.create({
    data: {
      consultationId: consultation.id,
      number: 1,
      title: "Bench draft",
      lockedAt: new Date(),
      sections: { create: SECTIONS.map(([key, heading], i) => ({ key, heading, position: i + 1, body: `${heading}: the draft text.` })) },
    },
    include: { sections: { orderBy: { position: "asc" } } },
  });
  const closesAt = new Date(Date.now() - 86_400_000);
  const round = await db.round.create({
    data: {
      consultationId: consultation.id,
      versionId: version.id,
      number: 1,
      title: "Bench round",
      status: "DRAFT", // CLOSED once complete
      opensAt: new Date(closesAt.getTime() - 42 * 86_400_000),
      closesAt,
    },
  });
  await db.question.createMany({
    data: version.sections.flatMap((s, i) => [
      { roundId: round.id, sectionId: s.id, position: i * 3 + 1, type: "AGREEMENT" as const, prompt: `${s.heading}: the section meets our needs.`, required: true },
      {
        roundId: round.id,
        sectionId: s.id,
        position: i * 3 + 2,
        type: SECOND_QUESTION[i % 3]!,
        prompt:
          SECOND_QUESTION[i % 3] === "SINGLE_CHOICE"
            ? `${s.heading}: where is this covered in your country?`
            : SECOND_QUESTION[i % 3] === "MULTIPLE_CHOICE"
              ? `${s.heading}: which services does your organisation provide?`
              : `${s.heading}: should the section be shortened?`,
        options: SECOND_QUESTION[i % 3] === "SINGLE_CHOICE" ? SINGLE_OPTIONS : SECOND_QUESTION[i % 3] === "MULTIPLE_CHOICE" ? MULTIPLE_OPTIONS : [],
      },
      { roundId: round.id, sectionId: s.id, position: i * 3 + 3, type: THIRD_QUESTION[i % 3]!, prompt: `${s.heading}: your comments.` },
    ]),
  });

  // 100 slots, each a type id, in proportion to TYPE_SHARES: slot (hash % 100) picks the type.
  const named = types.filter((t) => TYPE_SHARES[t.key] !== undefined);
  const rest = types.filter((t) => TYPE_SHARES[t.key] === undefined);
  const slots: string[] = [];
  for (const t of named) for (let i = 0; i < TYPE_SHARES[t.key]!; i++) slots.push(t.id);
  for (let i = 0; slots.length < 100; i++) slots.push((rest.length ? rest : types)[i % (rest.length || types.length)]!.id);
  slots.length = 100;
  const lean = types.map((t) => AGREEMENT_LEAN[t.key] ?? 0);
  const typeIds = types.map((t) => t.id);
  const affected = types.find((t) => t.key === "affected-state")?.id ?? "";
  const survivor = types.find((t) => t.key === "survivor-org")?.id ?? "";
  const international = types.filter((t) => INTERNATIONAL.includes(t.key)).map((t) => t.id);

  const step = (what: string) => console.log(`  generate: ${what} at ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Ids in the order rows are made (as cuids are), so every index grows at its end instead of
  // at random places: "cb" + table letter + size + row number, 25 characters.
  const id = (table: string, n: string) => `'cb${table}' || lpad('${responses}', 7, '0') || lpad((${n})::text, 15, '0')`;
  // A deterministic draw 0..n-1 for a row number g and a purpose: a multiplicative hash in
  // integer arithmetic (no strings, no md5), with multipliers of its own for each purpose so
  // that draws for different purposes are independent.
  const draw = (what: string, n: number) => {
    let h = 2166136261;
    for (const ch of what) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    const a = (h % 1_000_000_000) * 2 + 1_000_000_001; // odd, about 2^31: g × a stays in bigint
    const b = Math.imul(h, 2654435761) >>> 0;
    return `(((g::bigint * ${a} + ${b}) % 4294967291) % ${n})`;
  };

  await db.$executeRawUnsafe(
    `INSERT INTO "Organisation" (id, name, "typeId", country, languages, "survivorLed")
     SELECT ${id("o", "g")}, $1 || ' org ' || lpad(g::text, 6, '0'), t.id,
       CASE WHEN t.id = ANY($4::text[]) AND ${draw("intl", 10)} < 8 THEN NULL
            WHEN t.id = $5 THEN ($6::text[])[1 + ${draw("country", AFFECTED_COUNTRIES.length)}]
            ELSE ($7::text[])[1 + ${draw("country", OTHER_COUNTRIES.length)}] END,
       CASE ${draw("lang", 20)} WHEN 0 THEN ARRAY['en','fr'] WHEN 1 THEN ARRAY['ar','en'] WHEN 2 THEN ARRAY['es','en']
            ELSE ARRAY[(ARRAY['en','en','en','en','en','en','en','fr','fr','fr','fr','es','es','es','es','ar','ar'])[1 + ${draw("lang1", 17)}]] END,
       CASE WHEN t.id = $8 THEN ${draw("led", 10)} < 7 ELSE ${draw("led", 50)} = 0 END
     FROM generate_series(1, $2::int) g
     CROSS JOIN LATERAL (SELECT ($3::text[])[1 + ${draw("type", 100)}] AS id) t`,
    prefix,
    responses,
    slots,
    international,
    affected,
    AFFECTED_COUNTRIES,
    OTHER_COUNTRIES,
    survivor,
  );
  step("organisations");
  // Organisations carry their row number in their name: g comes back from it.
  const orgs = `SELECT o.id, o."typeId", substr(o.name, length($1) + 6)::int AS g FROM "Organisation" o WHERE o.name LIKE $1 || ' org %'`;
  await db.$executeRawUnsafe(
    `INSERT INTO "Invitation" (id, "roundId", "organisationId", "createdAt")
     SELECT ${id("i", "o.g")}, $2, o.id, $3 FROM (${orgs}) o`,
    prefix,
    round.id,
    round.opensAt,
  );
  step("invitations");
  await db.$executeRawUnsafe(
    `INSERT INTO "Response" (id, "roundId", "organisationId", status, attribution, "consentToPublish", "createdAt", "updatedAt", "submittedAt", "withdrawnAt")
     SELECT ${id("r", "o.g")}, $2, o.id, s.status::"ResponseStatus",
       (CASE WHEN ${draw("attr", 100)} < 45 THEN 'PUBLIC' WHEN ${draw("attr", 100)} < 80 THEN 'TYPE_ONLY' ELSE 'CONFIDENTIAL' END)::"Attribution",
       ${draw("consent", 10)} < 7, s.at - interval '5 days', s.at,
       CASE WHEN s.status <> 'DRAFT' THEN s.at END, CASE WHEN s.status = 'WITHDRAWN' THEN s.at + interval '1 day' END
     FROM (${orgs}) o
     CROSS JOIN LATERAL (SELECT CASE WHEN ${draw("status", 100)} < 85 THEN 'SUBMITTED' WHEN ${draw("status", 100)} < 95 THEN 'DRAFT' ELSE 'WITHDRAWN' END AS status,
                                $3::timestamp - (${draw("day", 40)} || ' days')::interval AS at) s`,
    prefix,
    round.id,
    closesAt,
  );

  step("responses");
  // Every response answers every question; g here numbers the answer (response × question).
  await db.$executeRawUnsafe(
    `INSERT INTO "Answer" (id, "responseId", "questionId", choices, text, "updatedAt")
     SELECT ${id("a", "g")}, r.id, q.id,
       CASE q.type
         WHEN 'AGREEMENT' THEN (SELECT CASE WHEN d < 3 THEN ARRAY[]::text[] WHEN d < 8 THEN ARRAY['dont-know'] WHEN d < 20 THEN ARRAY['strongly-disagree']
                                            WHEN d < 38 THEN ARRAY['disagree'] WHEN d < 55 THEN ARRAY['neutral'] WHEN d < 82 THEN ARRAY['agree']
                                            ELSE ARRAY['strongly-agree'] END
                                FROM (SELECT greatest(3, least(99, ${draw("agree", 100)} - ($3::int[])[array_position($2::text[], r."typeId")])) AS d) x)
         WHEN 'YES_NO' THEN CASE WHEN ${draw("yn", 100)} < 5 THEN ARRAY[]::text[] WHEN ${draw("yn", 100)} < 70 THEN ARRAY['yes'] ELSE ARRAY['no'] END
         WHEN 'SINGLE_CHOICE' THEN CASE WHEN ${draw("one", 20)} = 0 THEN ARRAY[]::text[]
                                        ELSE ARRAY[(ARRAY['national-plan','national-plan','national-plan','disability-plan','disability-plan','health-plan','not-yet'])[1 + ${draw("one1", 7)}]] END
         WHEN 'MULTIPLE_CHOICE' THEN ARRAY(SELECT m FROM unnest(ARRAY['medical','rehabilitation','psychosocial','education','employment']) WITH ORDINALITY AS u(m, i)
                                            WHERE ((g::bigint * (1000000007 + 2 * i) + i * 97) % 4294967291) % 100 < 45 - 5 * i::int)
         ELSE ARRAY[]::text[] END,
       CASE WHEN q.type IN ('LONG_TEXT', 'SHORT_TEXT', 'PROPOSED_WORDING') THEN
         CASE WHEN ${draw("blank", 10)} < 2 THEN NULL WHEN ${draw("blank", 10)} = 2 THEN E' \\n'
              ELSE concat_ws(' ', ($4::text[])[1 + ${draw("s1", SENTENCES.length)}],
                               CASE WHEN ${draw("n", 3)} > 0 THEN ($4::text[])[1 + ${draw("s2", SENTENCES.length)}] END,
                               CASE WHEN ${draw("n", 3)} > 1 THEN ($4::text[])[1 + ${draw("s3", SENTENCES.length)}] END) END
       END,
       r."updatedAt"
     FROM (SELECT r.id, r."updatedAt", o."typeId", substr(r.id, 11)::bigint AS rn
           FROM "Response" r JOIN "Organisation" o ON o.id = r."organisationId"
           WHERE r."roundId" = $1 ORDER BY r.id) r
     CROSS JOIN (SELECT id, type::text AS type, position FROM "Question" WHERE "roundId" = $1) q
     CROSS JOIN LATERAL (SELECT (r.rn * 100 + q.position) AS g) n`,
    round.id,
    typeIds,
    lean,
    SENTENCES,
  );
  step("answers");
  await db.round.update({ where: { id: round.id }, data: { status: "CLOSED", closedAt: closesAt } });
  for (const table of ["Organisation", "Invitation", "Response", "Answer"]) await db.$executeRawUnsafe(`VACUUM ANALYZE "${table}"`);
  step("vacuum analyze");
  return describe(db, consultation.id, round.id, responses, false, started);
}

async function describe(db: Db, consultationId: string, roundId: string, responses: number, reused: boolean, started: number): Promise<LargeRound> {
  const questions = await db.question.findMany({ where: { roundId }, orderBy: { position: "asc" }, include: { section: true } });
  const sections = [...new Map(questions.map((q) => [q.section!.id, { id: q.section!.id, key: q.section!.key, heading: q.section!.heading }])).values()];
  const [{ n }] = await db.$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM "Answer" a JOIN "Question" q ON q.id = a."questionId" WHERE q."roundId" = ${roundId}`;
  return {
    consultationId,
    roundId,
    responses,
    answers: n,
    reused,
    seconds: (performance.now() - started) / 1000,
    sections,
    questions: questions.map((q) => ({ id: q.id, type: q.type, sectionKey: q.section!.key })),
  };
}

// npx tsx bench/generate.ts [responses]: fills the bench database (BENCH_DATABASE_URL or data/bench).
if (import.meta.url === `file://${process.argv[1]}`) {
  const path = await import("node:path");
  const { startEmbeddedPostgres } = await import("../app/modules/db/embedded.server");
  const { applyPendingMigrations } = await import("../app/modules/db/migrate.server");
  const { createPrismaClient } = await import("../app/modules/db/client.server");
  const { seedDemo } = await import("../prisma/seed/demo");
  const embedded = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: path.resolve("data", "bench", "postgres") });
  const url = process.env.BENCH_DATABASE_URL ?? embedded!.url;
  try {
    await applyPendingMigrations(url);
    const db = createPrismaClient(url, 2);
    await seedDemo(db, { appUrl: "http://127.0.0.1:3200" });
    const set = await generateLargeRound(db, { responses: Number(process.argv[2] ?? 100_000) });
    console.log(`${set.reused ? "Reused" : "Made"} ${set.responses} responses, ${set.answers} answers in ${set.seconds.toFixed(1)} s (round ${set.roundId}).`);
    await db.$disconnect();
  } finally {
    await embedded?.stop();
  }
}

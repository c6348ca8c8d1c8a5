/**
 * Aggregated results of a round, one section at a time: per question, how many submitted
 * responses chose each option, broken down by stakeholder type, and how many wrote something.
 * PostgreSQL counts (GROUP BY over unnest); this file only shapes what comes back.
 *
 * Filters (stakeholder types, countries, languages, survivor-led) become SQL conditions on the
 * responding organisation, applied once in a CTE before the answers are joined. Values the
 * round does not know are reported back and ignored, never passed to SQL as a way to fail.
 * Only SUBMITTED responses count. Decision 008 explains the shape and the indexes.
 */
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/modules/db/client.server";
import { isChoiceType, type QuestionType } from "~/modules/questionnaire/questions";

export type ResultsFilter = {
  /** Stakeholder type keys; empty: every type. */
  types: string[];
  /** ISO 3166-1 alpha-2 codes; empty: every country. */
  countries: string[];
  /** Language codes an organisation works in (any of them); empty: every language. */
  languages: string[];
  survivorLed: boolean | null;
};

export const NO_FILTER: ResultsFilter = { types: [], countries: [], languages: [], survivorLed: null };

/** What a filter can be set to for this round: the values its submitted responses carry. */
export type ResultsFacets = {
  types: Array<{ id: string; key: string; label: string }>;
  countries: string[];
  languages: string[];
};

/**
 * Facets change only when a response is submitted, and reading them costs a pass over the
 * round's submitted responses: each app process keeps them for a minute per round.
 */
const FACETS_TTL_MS = 60_000;
const facetsCache = new Map<string, { at: number; facets: Promise<ResultsFacets> }>();

export function resultsFacets(roundId: string, now = Date.now()): Promise<ResultsFacets> {
  const cached = facetsCache.get(roundId);
  if (cached && now - cached.at < FACETS_TTL_MS) return cached.facets;
  const facets = readFacets(roundId);
  facetsCache.set(roundId, { at: now, facets });
  facets.catch(() => facetsCache.delete(roundId));
  return facets;
}

async function readFacets(roundId: string): Promise<ResultsFacets> {
  const [types, values] = await Promise.all([
    db().stakeholderType.findMany({ orderBy: { position: "asc" }, select: { id: true, key: true, label: true } }),
    db().$queryRaw<Array<{ kind: "country" | "language"; value: string }>>`
      SELECT 'country' AS kind, o.country AS value
      FROM "Response" r JOIN "Organisation" o ON o.id = r."organisationId"
      WHERE r."roundId" = ${roundId} AND r.status = 'SUBMITTED' AND o.country IS NOT NULL
      GROUP BY o.country
      UNION ALL
      SELECT 'language', l
      FROM "Response" r JOIN "Organisation" o ON o.id = r."organisationId"
      CROSS JOIN LATERAL unnest(o.languages) AS l
      WHERE r."roundId" = ${roundId} AND r.status = 'SUBMITTED'
      GROUP BY l`,
  ]);
  const of = (kind: string) => values.filter((v) => v.kind === kind).map((v) => v.value).sort();
  return { types, countries: of("country"), languages: of("language") };
}

/**
 * The filter a query string asks for, keeping only values the round knows. Each ignored value
 * gets a message the page shows, so a mistyped link explains itself instead of failing.
 */
export function readResultsFilter(search: URLSearchParams, facets: ResultsFacets): { filter: ResultsFilter; problems: string[] } {
  const problems: string[] = [];
  const pick = (name: string, known: string[], describe: (v: string) => string, normalise = (v: string) => v) => {
    const kept: string[] = [];
    for (const raw of search.getAll(name)) {
      const value = normalise(raw.trim());
      if (!value) continue; // "any" in a select
      if (known.includes(value)) {
        if (!kept.includes(value)) kept.push(value);
      } else problems.push(describe(raw.trim().slice(0, 40)));
    }
    return kept;
  };
  const types = pick("type", facets.types.map((t) => t.key), (v) => `There is no stakeholder type “${v}”: that filter was ignored.`);
  const countries = pick("country", facets.countries, (v) => `No submitted response comes from a country “${v}”: that filter was ignored.`, (v) => v.toUpperCase());
  const languages = pick("language", facets.languages, (v) => `No responding organisation works in a language “${v}”: that filter was ignored.`, (v) => v.toLowerCase());
  const led = search.get("survivorLed")?.trim() ?? "";
  let survivorLed: boolean | null = null;
  if (led === "yes") survivorLed = true;
  else if (led === "no") survivorLed = false;
  else if (led !== "" && led !== "any") problems.push(`“Survivor-led” takes yes, no or any, not “${led.slice(0, 40)}”: that filter was ignored.`);
  return { filter: { types, countries, languages, survivorLed }, problems };
}

export function isFiltered(filter: ResultsFilter) {
  return filter.types.length + filter.countries.length + filter.languages.length > 0 || filter.survivorLed !== null;
}

/** SQL conditions over the responding organisation `o`; the values are bound parameters. */
function filterSql(filter: ResultsFilter, facets: ResultsFacets): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.types.length > 0) {
    const ids = facets.types.filter((t) => filter.types.includes(t.key)).map((t) => t.id);
    conditions.push(Prisma.sql`o."typeId" = ANY(${ids}::text[])`);
  }
  if (filter.countries.length > 0) conditions.push(Prisma.sql`o.country = ANY(${filter.countries}::text[])`);
  if (filter.languages.length > 0) conditions.push(Prisma.sql`o.languages && ${filter.languages}::text[]`);
  if (filter.survivorLed !== null) conditions.push(Prisma.sql`o."survivorLed" = ${filter.survivorLed}`);
  return conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

export type ResultsQuestion = { id: string; type: QuestionType };

/**
 * One count, as PostgreSQL returns it:
 * - questionId null: submitted responses (matching the filter) of that type, the denominator;
 * - option null: responses of that type that answered the question (chose something, or wrote
 *   more than whitespace);
 * - else: responses of that type that chose the option.
 */
export type ResultCount = { questionId: string | null; option: string | null; typeKey: string; count: number };

/**
 * Counts for these questions (one section's) in one query. The CTE narrows the round's
 * submitted responses by the filter first; the answers of the questions are then read through
 * the covering indexes of migration 20261129100000_results_indexes.
 */
export async function resultCounts(roundId: string, questions: ResultsQuestion[], filter: ResultsFilter, facets: ResultsFacets): Promise<ResultCount[]> {
  const choiceIds = questions.filter((q) => isChoiceType(q.type)).map((q) => q.id);
  const textIds = questions.filter((q) => !isChoiceType(q.type)).map((q) => q.id);
  const query = db().$queryRaw<Array<{ questionId: string | null; option: string | null; typeId: string; count: number }>>`
    WITH resp AS MATERIALIZED (
      SELECT r.id, o."typeId"
      FROM "Response" r JOIN "Organisation" o ON o.id = r."organisationId"
      WHERE r."roundId" = ${roundId} AND r.status = 'SUBMITTED' ${filterSql(filter, facets)}
    ),
    answered AS (
      SELECT a."questionId", a."responseId", a.choices
      FROM "Answer" a
      WHERE a."questionId" = ANY(${choiceIds}::text[]) AND cardinality(a.choices) > 0
      UNION ALL
      SELECT a."questionId", a."responseId", '{}'::text[]
      FROM "Answer" a
      WHERE a."questionId" = ANY(${textIds}::text[]) AND a.text ~ '[^[:space:]]'
    ),
    -- Few distinct (question, choices, type) combinations: unnest those, not every answer.
    grouped AS (
      SELECT x."questionId", x.choices, resp."typeId", count(*) AS n
      FROM answered x JOIN resp ON resp.id = x."responseId"
      GROUP BY x."questionId", x.choices, resp."typeId"
    )
    SELECT NULL::text AS "questionId", NULL::text AS option, resp."typeId", count(*)::int AS count
    FROM resp GROUP BY resp."typeId"
    UNION ALL
    -- NULL appended to the choices stands for "answered", counted once per answer.
    SELECT g."questionId", c.option, g."typeId", sum(g.n)::int
    FROM grouped g CROSS JOIN LATERAL unnest(array_append(g.choices, NULL)) AS c(option)
    GROUP BY g."questionId", c.option, g."typeId"`;
  // The responses' hash and the grouping fit in memory instead of spilling to disk.
  const [, rows] = await db().$transaction([db().$executeRaw`SET LOCAL work_mem = '64MB'`, query]);
  const keys = new Map(facets.types.map((t) => [t.id, t.key]));
  return rows.map((r) => ({ questionId: r.questionId, option: r.option, typeKey: keys.get(r.typeId) ?? r.typeId, count: Number(r.count) }));
}

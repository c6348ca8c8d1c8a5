/**
 * Aggregated results of a round, one section at a time: per question, how many submitted
 * responses chose each option, broken down by stakeholder type, and how many wrote something.
 *
 * PostgreSQL keeps the counts per organisation profile (type, country, languages,
 * survivor-led) in "ResultTally", exact at every commit (triggers of migration
 * 20261129123000_result_tally_and_search): a page sums the rows of its questions that pass
 * the filter, a few thousand rows instead of every answer. Values the round does not know are reported
 * back and ignored, never passed to SQL as a way to fail. Only SUBMITTED responses count.
 * Decision 008 explains the shape.
 */
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/modules/db/client.server";
import { serialQuery } from "~/modules/db/serial-query.server";
import type { QuestionType } from "~/modules/questionnaire/questions";

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

/** The countries and languages of the round's submitted responses, from the tally's denominators. */
export async function resultsFacets(roundId: string): Promise<ResultsFacets> {
  const [types, values] = await Promise.all([
    db().stakeholderType.findMany({ orderBy: { position: "asc" }, select: { id: true, key: true, label: true } }),
    serialQuery<{ kind: "country" | "language"; value: string }>(Prisma.sql`
      SELECT 'country' AS kind, t.country AS value
      FROM "ResultTally" t
      WHERE t."roundId" = ${roundId} AND t."questionId" = '' AND t.count > 0 AND t.country <> ''
      GROUP BY t.country
      UNION ALL
      SELECT 'language', l
      FROM "ResultTally" t CROSS JOIN LATERAL unnest(string_to_array(t.languages, ' ')) AS l
      WHERE t."roundId" = ${roundId} AND t."questionId" = '' AND t.count > 0
      GROUP BY l`),
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

/** SQL conditions over the organisation profile of a tally row `t`; the values are bound parameters. */
function filterSql(filter: ResultsFilter, facets: ResultsFacets): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.types.length > 0) {
    const ids = facets.types.filter((t) => filter.types.includes(t.key)).map((t) => t.id);
    conditions.push(Prisma.sql`t."typeId" = ANY(${ids}::text[])`);
  }
  if (filter.countries.length > 0) conditions.push(Prisma.sql`t.country = ANY(${filter.countries}::text[])`);
  if (filter.languages.length > 0) conditions.push(Prisma.sql`string_to_array(t.languages, ' ') && ${filter.languages}::text[]`);
  if (filter.survivorLed !== null) conditions.push(Prisma.sql`t."survivorLed" = ${filter.survivorLed}`);
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

/** Counts for these questions (one section's) and the denominators, summed from the tally in one query. */
export async function resultCounts(roundId: string, questions: ResultsQuestion[], filter: ResultsFilter, facets: ResultsFacets): Promise<ResultCount[]> {
  // "" is the tally's question of the denominators and its option "answered".
  const questionIds = ["", ...questions.map((q) => q.id)];
  const rows = await serialQuery<{ questionId: string; option: string; typeId: string; count: number }>(Prisma.sql`
    SELECT t."questionId", t.option, t."typeId", sum(t.count)::int AS count
    FROM "ResultTally" t
    WHERE t."roundId" = ${roundId} AND t."questionId" = ANY(${questionIds}::text[]) ${filterSql(filter, facets)}
    GROUP BY t."questionId", t.option, t."typeId"
    HAVING sum(t.count) > 0`);
  const keys = new Map(facets.types.map((t) => [t.id, t.key]));
  return rows.map((r) => ({ questionId: r.questionId || null, option: r.option || null, typeKey: keys.get(r.typeId) ?? r.typeId, count: Number(r.count) }));
}

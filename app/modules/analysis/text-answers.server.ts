/**
 * Reading the written answers of a round: per section and question, submitted responses only,
 * filtered, searched with PostgreSQL full-text search and paged. Every condition matches the
 * partial indexes of migrations 20261129100100_text_answers and 20261129123000_result_tally_and_search
 * (`text ~ '[^[:space:]]'`: an answer that says something; search by question and words), so
 * the list stays fast on a round of 100,000 responses (decision 009).
 */
import { Prisma } from "~/generated/prisma/client";
import type { Attribution } from "~/generated/prisma/enums";
import { db } from "~/modules/db/client.server";
import { serialQuery } from "~/modules/db/serial-query.server";
import { attributionLabel, namesOrganisation, publicationLimit, type Reader } from "./attribution";
import { COUNT_CAP, DOCUMENT_KEY, MARK_END, MARK_START, TEXT_PAGE_SIZE } from "./schemas";
import { sectionTexts } from "./wording-redline";

const TEXT_TYPES = ["SHORT_TEXT", "LONG_TEXT", "PROPOSED_WORDING"] as const;

export type TextAnswerFilter = {
  sectionKey: string;
  questionId?: string;
  tagId?: string;
  reviewed?: "yes" | "no";
  typeKey?: string;
  search?: string;
  page: number;
};

/** The round's sections that have written questions, with their questions (retired ones too: their answers stay readable). */
export async function textSections(roundId: string) {
  const round = await db().round.findUniqueOrThrow({
    where: { id: roundId },
    select: { version: { select: { sections: { orderBy: { position: "asc" }, select: { id: true, key: true, heading: true, body: true, translations: true, position: true } } } } },
  });
  const questions = await db().question.findMany({
    where: { roundId, type: { in: [...TEXT_TYPES] } },
    orderBy: [{ position: "asc" }],
    select: { id: true, prompt: true, type: true, sectionId: true, retiredAt: true, position: true },
  });
  const sections = [
    ...round.version.sections.map((s, i) => ({ key: s.key, heading: `${i + 1}. ${s.heading}`, texts: sectionTexts(s), questions: questions.filter((q) => q.sectionId === s.id) })),
    { key: DOCUMENT_KEY, heading: "The document as a whole", texts: [] as string[], questions: questions.filter((q) => q.sectionId === null) },
  ];
  return sections.filter((s) => s.questions.length > 0);
}
export type TextSection = Awaited<ReturnType<typeof textSections>>[number];

/**
 * Reads the page's GET parameters; values that name nothing are dropped, never an error, and
 * each is named in `problems` for the page to say so (as the results page does).
 */
export function parseTextFilter(
  params: URLSearchParams,
  sections: TextSection[],
  known: { tagIds: string[]; typeKeys: string[] },
): { filter: TextAnswerFilter; problems: string[] } {
  const problems: string[] = [];
  const asked = (name: string) => params.get(name)?.trim() || null;
  const shown = (v: string) => v.slice(0, 40);
  const sectionKey = sections.find((s) => s.key === asked("section"))?.key ?? sections[0]?.key ?? DOCUMENT_KEY;
  const section = sections.find((s) => s.key === sectionKey);
  const questionId = section?.questions.find((q) => q.id === asked("question"))?.id;
  const tagId = known.tagIds.find((id) => id === asked("tag"));
  const typeKey = known.typeKeys.find((k) => k === asked("type"));
  const reviewedParam = asked("reviewed");
  const reviewed = reviewedParam === "yes" || reviewedParam === "no" ? reviewedParam : undefined;
  const section_ = asked("section");
  if (section_ !== null && section_ !== sectionKey) problems.push(`This round has no section with written questions called “${shown(section_)}”: showing “${section?.heading ?? "the first section"}”.`);
  const question = asked("question");
  if (question !== null && !questionId) problems.push(`“${shown(question)}” is not a written question of this section: that filter was ignored.`);
  const tag = asked("tag");
  if (tag !== null && !tagId) problems.push(`There is no tag “${shown(tag)}” in this consultation: that filter was ignored.`);
  const type = asked("type");
  if (type !== null && !typeKey) problems.push(`There is no stakeholder type “${shown(type)}”: that filter was ignored.`);
  if (reviewedParam !== null && !reviewed) problems.push(`“Reviewed” takes yes or no, not “${shown(reviewedParam)}”: that filter was ignored.`);
  const pageParam = asked("page");
  if (pageParam !== null && !/^\d+$/.test(pageParam)) problems.push(`“${shown(pageParam)}” is not a page number: showing page 1.`);
  const search = (params.get("q") ?? "").trim().slice(0, 200) || undefined;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.get("page") ?? "1", 10) || 1));
  return { filter: { sectionKey, questionId, tagId, reviewed, typeKey, search, page }, problems };
}

const WRITTEN = Prisma.sql`a.text ~ '[^[:space:]]'`;

function conditions(questionIds: string[], f: TextAnswerFilter, only?: string[]) {
  // One question (the usual case): an equality, so the index (questionId, id) gives the page order.
  const question = questionIds.length === 1 ? Prisma.sql`a."questionId" = ${questionIds[0]}` : Prisma.sql`a."questionId" = ANY(${questionIds})`;
  const parts = [question, WRITTEN, Prisma.sql`r.status = 'SUBMITTED'`];
  if (only) parts.push(Prisma.sql`a.id = ANY(${only})`);
  if (f.reviewed === "yes") parts.push(Prisma.sql`a."reviewedAt" IS NOT NULL`);
  if (f.reviewed === "no") parts.push(Prisma.sql`a."reviewedAt" IS NULL`);
  if (f.typeKey) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Organisation" o JOIN "StakeholderType" st ON st.id = o."typeId" WHERE o.id = r."organisationId" AND st.key = ${f.typeKey})`);
  }
  if (f.tagId) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "AnswerTag" t WHERE t."answerId" = a.id AND t."tagId" = ${f.tagId})`);
  if (f.search) parts.push(Prisma.sql`to_tsvector('simple', coalesce(a.text, '')) @@ websearch_to_tsquery('simple', ${f.search})`);
  return Prisma.join(parts, " AND ");
}

// Only what the conditions need: names are joined for the 50 rows of the page, after paging.
const FROM = Prisma.sql`FROM "Answer" a JOIN "Response" r ON r.id = a."responseId"`;

type Row = {
  id: string;
  questionId: string;
  text: string;
  highlighted: string | null;
  reviewedAt: Date | null;
  attribution: Attribution;
  consentToPublish: boolean;
  organisationName: string;
  typeLabel: string;
  submittedAt: Date | null;
};

/**
 * One page of written answers, each with the name this reader may see. `only`: just these
 * answers, in this order (comments to review together), under the same rules.
 *
 * A search first collects its matches (up to COUNT_CAP + 1) through the full-text index: a
 * narrow search (the usual one) then has its exact total, and its page is those matches' rows.
 * A broad one (more than COUNT_CAP matches) reads its page in page order instead, testing
 * answers until the page is full: fewer rows than fetching and sorting every match of a
 * common word.
 */
export async function textAnswers(reader: Reader, questionIds: string[], f: TextAnswerFilter, only?: string[]) {
  if (questionIds.length === 0 || only?.length === 0) return { rows: [], total: 0, capped: false };
  const where = conditions(questionIds, f, only);
  const order = (t: "a" | "p" | "m") =>
    only
      ? Prisma.sql`array_position(${only}::text[], ${Prisma.raw(t)}.id)`
      : questionIds.length === 1
        ? Prisma.sql`${Prisma.raw(t)}.id`
        : Prisma.sql`array_position(${questionIds}::text[], ${Prisma.raw(t)}."questionId"), ${Prisma.raw(t)}.id`;
  const offset = (f.page - 1) * TEXT_PAGE_SIZE;
  let rows: Row[];
  let total: number;
  const pageOf = (ids: string[]) =>
    ids.length === 0 ? [] : readPage(Prisma.sql`a.id = ANY(${ids})`, Prisma.sql`a.id`, Prisma.sql`array_position(${ids}::text[], p.id)`, 0, f.search);
  if (f.search && !only) {
    const matches = await serialQuery<{ id: string }>(
      Prisma.sql`SELECT m.id FROM (SELECT a.id, a."questionId" ${FROM} WHERE ${where} LIMIT ${COUNT_CAP + 1}) m ORDER BY ${order("m")}`,
    );
    total = matches.length;
    rows = total <= COUNT_CAP
      ? await pageOf(matches.slice(offset, offset + TEXT_PAGE_SIZE).map((m) => m.id))
      : await readPage(where, order("a"), order("p"), offset, f.search, { inPageOrder: true });
  } else {
    // One walk in page order gives both the page and the capped count: as far as the page's
    // end or COUNT_CAP + 1 answers, whichever is further (not one walk for each).
    const [walked] = await serialQuery<{ total: bigint; ids: string[] }>(Prisma.sql`
      WITH walked AS (
        SELECT a.id, a."questionId" ${FROM} WHERE ${where}
        ORDER BY ${order("a")} LIMIT ${Math.max(offset + TEXT_PAGE_SIZE, COUNT_CAP + 1)}
      )
      SELECT (SELECT count(*) FROM walked) AS total,
             ARRAY(SELECT m.id FROM walked m ORDER BY ${order("m")} OFFSET ${offset} LIMIT ${TEXT_PAGE_SIZE}) AS ids`);
    total = Number(walked?.total ?? 0);
    rows = await pageOf(walked?.ids ?? []);
  }
  return {
    rows: rows.map((r) => ({
      id: r.id,
      questionId: r.questionId,
      text: r.text,
      highlighted: r.highlighted,
      reviewed: r.reviewedAt !== null,
      who: attributionLabel(reader, r) ?? "",
      limit: reader === "coordinator" ? publicationLimit(r) : null,
      typeLabel: r.typeLabel,
      // An unnamed answer's submission time could identify its organisation.
      submittedAt: namesOrganisation(reader, r) ? r.submittedAt : null,
    })),
    total: Math.min(total, COUNT_CAP),
    capped: total > COUNT_CAP,
  };
}

/**
 * A page of rows: chosen from Answer and Response alone, names joined for these rows only.
 * `inPageOrder`: walk the answers in page order (no bitmap of every match to sort first).
 */
function readPage(where: Prisma.Sql, order: Prisma.Sql, outerOrder: Prisma.Sql, offset: number, search: string | undefined, options: { inPageOrder?: boolean } = {}) {
  const headline = search
    ? Prisma.sql`ts_headline('simple', p.text, websearch_to_tsquery('simple', ${search}), ${`HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_END}`})`
    : Prisma.sql`NULL`;
  const query = Prisma.sql`
    SELECT p.*, o.name AS "organisationName", st.label AS "typeLabel", ${headline} AS highlighted FROM (
      SELECT a.id, a."questionId", a.text, a."reviewedAt", r.attribution, r."consentToPublish", r."submittedAt", r."organisationId"
      ${FROM}
      WHERE ${where}
      ORDER BY ${order}
      LIMIT ${TEXT_PAGE_SIZE} OFFSET ${offset}
    ) p
    JOIN "Organisation" o ON o.id = p."organisationId"
    JOIN "StakeholderType" st ON st.id = o."typeId"
    ORDER BY ${outerOrder}`;
  return serialQuery<Row>(query, options.inPageOrder ? [Prisma.sql`SET LOCAL enable_bitmapscan = off`] : []);
}

/**
 * "% reviewed" aggregates every written answer of the round (a million on a large round: seconds,
 * not milliseconds), so each app process keeps it for a short while; marking answers reviewed
 * here drops it at once, another process's figure catches up within REVIEWED_TTL_MS.
 */
const REVIEWED_TTL_MS = 60_000;
const reviewedCache = new Map<string, { at: number; rows: Array<{ questionId: string; total: bigint; reviewed: bigint }> }>();

export function forgetReviewedCounts(roundIds: string[]) {
  for (const id of roundIds) reviewedCache.delete(id);
}

async function reviewedCounts(roundId: string, questionIds: string[]) {
  const cached = reviewedCache.get(roundId);
  if (cached && Date.now() - cached.at < REVIEWED_TTL_MS) return cached.rows;
  const rows = await db().$queryRaw<Array<{ questionId: string; total: bigint; reviewed: bigint }>>`
    SELECT a."questionId", count(*) AS total, count(a."reviewedAt") AS reviewed
    FROM "Answer" a JOIN "Response" r ON r.id = a."responseId"
    WHERE a."questionId" = ANY(${questionIds}) AND r."roundId" = ${roundId}
      AND r.status = 'SUBMITTED' AND ${WRITTEN}
    GROUP BY a."questionId"`;
  reviewedCache.set(roundId, { at: Date.now(), rows });
  return rows;
}

/** Per section: written answers in submitted responses, and how many are marked reviewed. */
export async function reviewedBySection(roundId: string, sections: TextSection[]) {
  const rows = await reviewedCounts(roundId, sections.flatMap((s) => s.questions.map((q) => q.id)));
  const byQuestion = new Map(rows.map((r) => [r.questionId, { total: Number(r.total), reviewed: Number(r.reviewed) }]));
  return sections.map((s) => {
    const total = s.questions.reduce((n, q) => n + (byQuestion.get(q.id)?.total ?? 0), 0);
    const reviewed = s.questions.reduce((n, q) => n + (byQuestion.get(q.id)?.reviewed ?? 0), 0);
    return { key: s.key, total, reviewed, percent: total === 0 ? 0 : Math.floor((100 * reviewed) / total) };
  });
}

/** Only answers of submitted responses in this round can be worked on; returns the valid ids. */
export async function answersInRound(roundId: string, answerIds: string[]) {
  if (answerIds.length === 0) return [];
  const rows = await db().answer.findMany({
    where: { id: { in: answerIds }, response: { roundId, status: "SUBMITTED" } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

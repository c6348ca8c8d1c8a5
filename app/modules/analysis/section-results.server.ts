/**
 * The results page of one section of a round: its contents (every section with questions),
 * the filter as read from the query string, and per question the counts by stakeholder type
 * from resultCounts (one SQL query), with a sentence that says what each chart shows.
 */
import { db } from "~/modules/db/client.server";
import { AGREEMENT_OPTIONS, isChoiceType, optionsOf, type QuestionType } from "~/modules/questionnaire/questions";
import { isFiltered, readResultsFilter, resultCounts, resultsFacets, type ResultCount } from "./results.server";
import { guardSmallGroups, type ResultColumn } from "./small-groups";

/** The questions about the document as a whole are a "section" of their own. */
export const WHOLE_DOCUMENT = "whole-document";

export type ResultsSection = { key: string; heading: string; questions: number };

type TypeColumn = ResultColumn;

export type QuestionResult = {
  id: string;
  /** Null for a question since replaced (its type or options changed after answers came in). */
  number: number | null;
  prompt: string;
  type: QuestionType;
  kind: "agreement" | "choice" | "text";
  options: Array<{ id: string; label: string }>;
  /** Per shown type, in `types` order: responses that answered, and per option the count. */
  byType: Array<{ answered: number; counts: number[] }>;
  answered: number;
  summary: string;
};

/**
 * `seesEveryName`: whether the reader sees every organisation's name (coordinators); for the
 * others, groups of fewer than 3 responses show no figures (small-groups.ts, decision 015).
 */
export async function sectionResults(roundId: string, search: URLSearchParams, reader: { seesEveryName: boolean }) {
  const [all, facets] = await Promise.all([
    db().question.findMany({
      where: { roundId },
      select: { id: true, type: true, prompt: true, options: true, position: true, retiredAt: true, section: { select: { key: true, heading: true, position: true } } },
    }),
    resultsFacets(roundId),
  ]);
  // A question replaced after answers came in (type or options changed) keeps its answers
  // readable: it is shown after the current ones, marked as replaced. Replaced questions are
  // few, so each is checked on its own (one indexed probe) rather than in the main query.
  const retired = all.filter((q) => q.retiredAt);
  const answered = new Set(
    (
      await Promise.all(
        retired.map((q) => db().answer.findFirst({ where: { questionId: q.id, response: { status: "SUBMITTED" } }, select: { questionId: true } })),
      )
    ).flatMap((a) => (a ? [a.questionId] : [])),
  );
  const questions = all.filter((q) => !q.retiredAt || answered.has(q.id));
  questions.sort((a, b) => (a.section?.position ?? 1e6) - (b.section?.position ?? 1e6) || Number(!!a.retiredAt) - Number(!!b.retiredAt) || a.position - b.position);
  const sections: ResultsSection[] = [];
  for (const q of questions) {
    const key = q.section?.key ?? WHOLE_DOCUMENT;
    const last = sections.at(-1);
    if (last?.key === key) last.questions++;
    else sections.push({ key, heading: q.section?.heading ?? "The document as a whole", questions: 1 });
  }

  const { filter, problems } = readResultsFilter(search, facets);
  const wanted = search.get("section");
  // With no choice the first section is shown: an empty page asking to choose helps nobody.
  const section = wanted ? sections.find((s) => s.key === wanted) : sections[0];
  if (wanted && !section) problems.unshift(`This round has no section “${wanted.slice(0, 60)}” with questions: choose one from the contents.`);
  const shown = section ? questions.filter((q) => (q.section?.key ?? WHOLE_DOCUMENT) === section.key) : [];
  const counts = await resultCounts(roundId, shown.map((q) => ({ id: q.id, type: q.type })), filter, facets);

  const respondents = new Map(counts.filter((c) => c.questionId === null).map((c) => [c.typeKey, c.count]));
  const responding = facets.types
    .filter((t) => respondents.has(t.key))
    .map((t) => ({ key: t.key, label: t.label, respondents: respondents.get(t.key)! }));
  const filtered = isFiltered(filter);
  const guard = guardSmallGroups(responding, !reader.seesEveryName);
  const types: TypeColumn[] = guard.columns;
  const index = indexCounts(counts);
  // Numbered as the questionnaire numbers them: current questions only.
  const numbers = new Map(questions.filter((q) => !q.retiredAt).map((q, i) => [q.id, i + 1]));

  return {
    sections,
    section: section ?? null,
    filter,
    filtered,
    problems,
    smallGroups: { withheldAll: guard.withheldAll, pooled: guard.pooled, leftOut: guard.leftOut },
    facets: { types: facets.types.map((t) => ({ key: t.key, label: t.label })), countries: facets.countries, languages: facets.languages },
    types,
    /** Every matching response, also those whose figures are withheld (a count of responses says nothing of their answers). */
    respondents: responding.reduce((a, t) => a + t.respondents, 0),
    questions: shown
      .map((q) => questionResult({ ...q, number: numbers.get(q.id) ?? null }, types, index))
      .map((q) => (guard.withheldAll ? { ...q, summary: filtered ? `${WITHHELD} match these filters.` : `${WITHHELD} so far.` } : q)),
  };
}

function indexCounts(counts: ResultCount[]) {
  const map = new Map<string, number>();
  for (const c of counts) if (c.questionId) map.set(`${c.questionId}|${c.option ?? ""}|${c.typeKey}`, c.count);
  return (questionId: string, option: string | null, typeKey: string) => map.get(`${questionId}|${option ?? ""}|${typeKey}`) ?? 0;
}

function questionResult(
  q: { id: string; number: number | null; type: QuestionType; prompt: string; options: unknown },
  types: TypeColumn[],
  count: ReturnType<typeof indexCounts>,
): QuestionResult {
  const kind = q.type === "AGREEMENT" ? "agreement" : isChoiceType(q.type) ? "choice" : "text";
  const options = kind === "text" ? [] : optionsOf(q.type, q.options);
  const sum = (option: string | null, t: TypeColumn) => t.members.reduce((a, key) => a + count(q.id, option, key), 0);
  const byType = types.map((t) => ({ answered: sum(null, t), counts: options.map((o) => sum(o.id, t)) }));
  const answered = byType.reduce((a, t) => a + t.answered, 0);
  const base = { id: q.id, number: q.number, prompt: q.prompt, type: q.type, kind, options, byType, answered } as const;
  return { ...base, summary: describe(base, types) };
}

const WITHHELD = "Not shown: fewer than 3 submitted responses";

const share = (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : 0);
const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** The text alternative of a question's chart: the figures a sighted reader takes from it. */
function describe(q: Omit<QuestionResult, "summary">, types: TypeColumn[]): string {
  if (q.answered === 0) return "No submitted response answered this question.";
  if (q.kind === "text") {
    const parts = types.map((t, i) => `${t.label}: ${q.byType[i]!.answered.toLocaleString("en")}`);
    return `${plural(q.answered, "written answer", "written answers")}. ${parts.join("; ")}.`;
  }
  if (q.kind === "agreement") {
    const agree = AGREEMENT_OPTIONS.findIndex((o) => o.id === "agree");
    const disagree = AGREEMENT_OPTIONS.findIndex((o) => o.id === "disagree");
    const parts = types
      .map((t, i) => ({ t, r: q.byType[i]! }))
      .filter(({ r }) => r.answered > 0)
      .map(({ t, r }) => {
        const yes = r.counts[agree - 1]! + r.counts[agree]!;
        const no = r.counts[disagree]! + r.counts[disagree + 1]!;
        return `${t.label} (${plural(r.answered, "answer", "answers")}): ${share(yes, r.answered)}% agree or strongly agree, ${share(no, r.answered)}% disagree or strongly disagree`;
      });
    return `${plural(q.answered, "answer", "answers")} on a scale from strongly agree to strongly disagree. ${parts.join("; ")}.`;
  }
  const totals = q.options.map((o, i) => ({ label: o.label, n: q.byType.reduce((a, t) => a + t.counts[i]!, 0) })).sort((a, b) => b.n - a.n);
  const several = q.type === "MULTIPLE_CHOICE" ? " Respondents could choose several options." : "";
  return `${plural(q.answered, "answer", "answers")}.${several} ${totals.map((o) => `${o.label}: ${o.n.toLocaleString("en")} (${share(o.n, q.answered)}%)`).join("; ")}.`;
}

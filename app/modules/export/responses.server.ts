/**
 * Raw responses: one row per submitted response, one column per question, choices as their
 * option labels (never ids). Read in pages of BATCH responses (keyset on the id); the
 * publication reader gets only publishable responses, each labelled by the attribution rule.
 */
import { Prisma } from "~/generated/prisma/client";
import { attributionLabel, publicationLimit, PUBLISHABLE_SQL, type Reader } from "~/modules/analysis/attribution";
import { db } from "~/modules/db/client.server";
import { optionsOf, type QuestionType } from "~/modules/questionnaire/questions";
import type { Table } from "./table";

const BATCH = 500;

export type RoundQuestion = {
  id: string;
  number: number;
  type: QuestionType;
  prompt: string;
  section: string | null;
  retired: boolean;
  labels: Map<string, string>;
};

/**
 * The round's questions numbered as respondents see them (sections in order, the
 * whole-document ones last: modules/questionnaire/numbering.ts), then the retired ones, numbered
 * on after them, so that their answers stay readable.
 */
export async function roundQuestions(roundId: string): Promise<RoundQuestion[]> {
  const questions = await db().question.findMany({
    where: { roundId },
    include: { section: { select: { heading: true, position: true } } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  return questions
    .sort((a, b) => Number(!!a.retiredAt) - Number(!!b.retiredAt) || (a.section?.position ?? 1e6) - (b.section?.position ?? 1e6) || a.position - b.position)
    .map((q, i) => ({
      id: q.id,
      number: i + 1,
      type: q.type as QuestionType,
      prompt: q.prompt,
      section: q.section ? `${q.section.position} ${q.section.heading}` : null,
      retired: q.retiredAt !== null,
      labels: new Map(optionsOf(q.type as QuestionType, q.options).map((o) => [o.id, o.label])),
    }));
}

export type ExportedResponse = {
  respondent: string;
  stakeholderType: string;
  channel: string;
  submittedAt: Date | null;
  /** For coordinators, who see every name: how far the respondent allowed publication. */
  publication: string | null;
  answers: Map<string, { choices: string[]; text: string | null }>;
};

/** Submitted responses as this reader may see them, a page at a time. */
export async function* exportedResponses(roundId: string, reader: Reader, questions: RoundQuestion[]): AsyncGenerator<ExportedResponse[]> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const publishable = reader === "publication" ? Prisma.sql`AND ${Prisma.raw(PUBLISHABLE_SQL)}` : Prisma.empty;
  let after = "";
  for (;;) {
    const ids = await db().$queryRaw<Array<{ id: string }>>`
      SELECT r.id FROM "Response" r
      WHERE r."roundId" = ${roundId} AND r.status = 'SUBMITTED' ${publishable} AND r.id > ${after}
      ORDER BY r.id LIMIT ${BATCH}`;
    if (ids.length === 0) return;
    const responses = await db().response.findMany({
      where: { id: { in: ids.map((r) => r.id) } },
      orderBy: { id: "asc" },
      include: { organisation: { select: { name: true, type: { select: { label: true } } } }, answers: { select: { questionId: true, choices: true, text: true } } },
    });
    const page: ExportedResponse[] = [];
    for (const r of responses) {
      const respondent = attributionLabel(reader, { ...r, organisationName: r.organisation.name, typeLabel: r.organisation.type.label });
      if (respondent === null) continue;
      // Unnamed, a response keeps no trace of who sent it: a note verbale received on a given
      // day, beside the stakeholder type, can name a State as surely as its name.
      const named = reader === "coordinator" || r.attribution === "PUBLIC";
      page.push({
        respondent,
        stakeholderType: r.organisation.type.label,
        channel: named ? r.channel.toLowerCase().replace(/_/g, " ") : "",
        submittedAt: named ? r.submittedAt : null,
        publication: reader === "coordinator" ? (publicationLimit(r) ?? "With the organisation's name") : null,
        answers: new Map(
          r.answers.map((a) => {
            const labels = byId.get(a.questionId)?.labels;
            return [a.questionId, { choices: a.choices.map((id) => labels?.get(id) ?? id), text: a.text }];
          }),
        ),
      });
    }
    yield page;
    if (ids.length < BATCH) return;
    after = ids[ids.length - 1]!.id;
  }
}

export function questionHeader(q: RoundQuestion): string {
  return `${q.number}. ${q.prompt}${q.retired ? " (retired)" : ""}`;
}

async function* rows(roundId: string, reader: Reader, questions: RoundQuestion[]): AsyncGenerator<string[][]> {
  for await (const page of exportedResponses(roundId, reader, questions)) {
    yield page.map((r) => [
      r.respondent,
      r.stakeholderType,
      r.channel,
      r.submittedAt ? r.submittedAt.toISOString().slice(0, 10) : "",
      ...(reader === "coordinator" ? [r.publication ?? ""] : []),
      ...questions.map((q) => {
        const answer = r.answers.get(q.id);
        if (!answer) return "";
        return answer.choices.length > 0 ? answer.choices.join("; ") : (answer.text ?? "").trim();
      }),
    ]);
  }
}

export async function responsesTable(roundId: string, reader: Reader): Promise<Table> {
  const questions = await roundQuestions(roundId);
  return {
    title: "Responses",
    headers: ["Respondent", "Stakeholder type", "Received by", "Submitted (UTC)", ...(reader === "coordinator" ? ["Publication"] : []), ...questions.map(questionHeader)],
    widths: [28, 20, 12, 12, ...(reader === "coordinator" ? [24] : []), ...questions.map((q) => (q.type === "LONG_TEXT" || q.type === "PROPOSED_WORDING" ? 50 : 20))],
    batches: rows(roundId, reader, questions),
  };
}

export async function countResponses(roundId: string, reader: Reader): Promise<number> {
  const publishable = reader === "publication" ? Prisma.sql`AND ${Prisma.raw(PUBLISHABLE_SQL)}` : Prisma.empty;
  const [row] = await db().$queryRaw<Array<{ count: bigint }>>`
    SELECT count(*) AS count FROM "Response" r WHERE r."roundId" = ${roundId} AND r.status = 'SUBMITTED' ${publishable}`;
  return Number(row?.count ?? 0);
}

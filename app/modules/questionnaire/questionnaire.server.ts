/**
 * Reading a round's questionnaire for the builder: questions grouped by section in document
 * order, how many organisations answered each, the retired questions with their answers.
 */
import type { Prisma, RoundStatus } from "~/generated/prisma/client";
import { db, type Db } from "~/modules/db/client.server";
import { requireRoundManager } from "~/modules/round/round-access.server";
import { optionsOf, type QuestionType } from "./questions";
import { typeLabel } from "./schemas";

type Tx = Db | Prisma.TransactionClient;

/** An answer row is created by any save, even an empty one; only these count as answers. */
export const GIVEN_ANSWER = { OR: [{ choices: { isEmpty: false } }, { text: { gt: "" } }] } satisfies Prisma.AnswerWhereInput;

export async function answerCounts(tx: Tx, questionIds: string[]): Promise<Map<string, number>> {
  if (questionIds.length === 0) return new Map();
  const rows = await tx.answer.groupBy({
    by: ["questionId"],
    where: { questionId: { in: questionIds }, ...GIVEN_ANSWER },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.questionId, r._count._all]));
}

/** Closed and archived rounds keep the questionnaire their answers were given to; an archived consultation is read-only. */
export function questionnaireLock(status: RoundStatus, consultationArchivedAt: Date | null = null): string | null {
  if (consultationArchivedAt) return "This consultation is archived: it is read-only. Bring it back from the archive (Settings) to change it.";
  return status === "CLOSED" || status === "ARCHIVED"
    ? `This round is ${status.toLowerCase()}: its questionnaire can no longer change.`
    : null;
}

/** Coordinators change questionnaires; analysts only read them (403), strangers get a 404, an archived consultation refuses (403). */
export async function requireQuestionnaireEditor(request: Request, consultationId: string, roundId: string) {
  const { user, round } = await requireRoundManager(request, consultationId, roundId);
  return { user, round };
}

/** What the question form offers: the sections of the round's draft, the languages to translate into. */
export async function questionFormContext(round: { versionId: string; consultationId: string }) {
  const [sections, consultation] = await Promise.all([
    db().section.findMany({ where: { versionId: round.versionId }, orderBy: { position: "asc" }, select: { id: true, heading: true } }),
    db().consultation.findUniqueOrThrow({ where: { id: round.consultationId }, select: { languages: true } }),
  ]);
  return {
    sections: sections.map((s, i) => ({ id: s.id, label: `${i + 1}. ${s.heading}` })),
    translationLanguages: consultation.languages.slice(1),
  };
}

/** Questions in the order respondents meet them within a section. */
export const byPosition = (a: { position: number; createdAt: Date }, b: { position: number; createdAt: Date }) =>
  a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime();

export type BuilderQuestion = {
  id: string;
  prompt: string;
  type: QuestionType;
  typeLabel: string;
  required: boolean;
  answers: number;
  replacesId: string | null;
};

export async function loadQuestionnaire(roundId: string) {
  const round = await db().round.findUniqueOrThrow({
    where: { id: roundId },
    include: {
      consultation: { select: { languages: true } },
      version: { select: { number: true, title: true, sections: { orderBy: { position: "asc" }, select: { id: true, key: true, heading: true } } } },
    },
  });
  const questions = (await db().question.findMany({ where: { roundId }, include: { section: { select: { heading: true } } } })).sort(byPosition);
  const counts = await answerCounts(db(), questions.map((q) => q.id));
  const toBuilder = (q: (typeof questions)[number]): BuilderQuestion => ({
    id: q.id,
    prompt: q.prompt,
    type: q.type as QuestionType,
    typeLabel: typeLabel(q.type),
    required: q.required,
    answers: counts.get(q.id) ?? 0,
    replacesId: q.replacesId,
  });
  const active = questions.filter((q) => !q.retiredAt);
  const groups = [
    ...round.version.sections.map((s, i) => ({
      sectionId: s.id as string | null,
      heading: `${i + 1}. ${s.heading}`,
      questions: active.filter((q) => q.sectionId === s.id).map(toBuilder),
    })),
    { sectionId: null, heading: "The document as a whole", questions: active.filter((q) => !q.sectionId).map(toBuilder) },
  ];
  const retired = questions
    .filter((q) => q.retiredAt)
    .sort((a, b) => b.retiredAt!.getTime() - a.retiredAt!.getTime())
    .map((q) => ({ ...toBuilder(q), section: q.section?.heading ?? "The document as a whole", retiredAt: q.retiredAt! }));
  return { round, groups, retired, activeCount: active.length };
}

/** One question with everything answered to it, for its page (retired ones are read-only). */
export async function loadQuestion(roundId: string, questionId: string) {
  const question = await db().question.findFirst({
    where: { id: questionId, roundId },
    include: {
      replaces: { select: { id: true, prompt: true, retiredAt: true } },
      replacedBy: { select: { id: true, prompt: true } },
      answers: {
        where: GIVEN_ANSWER,
        include: { response: { select: { status: true, organisation: { select: { name: true } } } } },
      },
    },
  });
  if (!question) return null;
  const options = optionsOf(question.type as QuestionType, question.options);
  const answers = question.answers
    .map((a) => ({
      organisation: a.response.organisation.name,
      status: a.response.status,
      answer: a.text ?? a.choices.map((id) => options.find((o) => o.id === id)?.label ?? id).join("; "),
    }))
    .sort((a, b) => a.organisation.localeCompare(b.organisation));
  return { question, options, answers };
}

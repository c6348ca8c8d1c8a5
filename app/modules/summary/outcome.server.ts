/**
 * What happened to one organisation's comments: for each of its written answers in the round
 * (as submitted), the decisions on the worklist items made from it, with their rationale, and
 * the resulting change to the section. Only once the summary is published; the caller has
 * already checked that the reader is one of the organisation's contacts.
 */
import type { WorklistStatus } from "~/generated/prisma/enums";
import { db } from "~/modules/db/client.server";
import type { RedlinePart } from "~/modules/document/redline";
import { loadSummary } from "./summary.server";

export type OutcomeComment = {
  answerId: string;
  questionId: string;
  sectionKey: string | null;
  question: string;
  text: string;
  decisions: Array<{ summary: string; status: WorklistStatus; rationale: string; resolvedIn: number | null }>;
  /** The section's redline to the revised version; null when there is none yet. */
  parts: RedlinePart[] | null;
};

export async function loadOutcome(roundId: string, organisationId: string) {
  const round = await db().round.findUniqueOrThrow({ where: { id: roundId }, select: { summaryPublishedAt: true } });
  if (!round.summaryPublishedAt) return { published: false as const };
  const [summary, response] = await Promise.all([
    loadSummary(roundId),
    db().response.findUnique({
      where: { roundId_organisationId: { roundId, organisationId } },
      include: {
        answers: {
          where: { text: { not: null } },
          include: {
            question: { select: { prompt: true, position: true, section: { select: { key: true, position: true } } } },
            worklistItems: { include: { item: { include: { resolvedInVersion: { select: { number: true } } } } } },
          },
        },
      },
    }),
  ]);
  const submitted = response?.status === "SUBMITTED";
  const answers = submitted ? response.answers.filter((a) => a.text?.trim()) : [];
  answers.sort(
    (a, b) => (a.question.section?.position ?? 1e6) - (b.question.section?.position ?? 1e6) || a.question.position - b.question.position,
  );
  const comments: OutcomeComment[] = answers.map((a) => {
    const key = a.question.section?.key ?? null;
    const section = key ? summary!.sections.find((s) => s.key === key) : undefined;
    return {
      answerId: a.id,
      questionId: a.questionId,
      sectionKey: key,
      question: a.question.prompt,
      text: a.text!.trim(),
      decisions: a.worklistItems.map(({ item }) => ({
        summary: item.summary,
        status: item.status,
        rationale: item.rationale,
        resolvedIn: item.resolvedInVersion?.number ?? null,
      })),
      parts: section?.parts && section.parts.some((p) => p.kind !== "same") ? section.parts : null,
    };
  });
  return {
    published: true as const,
    submitted,
    comments,
    revisedNumber: summary!.revised?.number ?? null,
    sourceLanguage: summary!.sourceLanguage,
  };
}

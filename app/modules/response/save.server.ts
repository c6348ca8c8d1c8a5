/**
 * Saving a section's answers. One response per organisation per round, created by the first
 * save. Several contacts write the same response, so each answer is saved against the revision
 * it was based on: a stale base whose text differs from the stored one is a conflict, reported
 * and not stored (the other answers of the same save are). A save key makes a replayed post
 * (a double click, a retried autosave) return the first result and store nothing twice.
 */
import { randomUUID } from "node:crypto";
import { db } from "~/modules/db/client.server";
import { isAnswered, type AnswerValue } from "~/modules/questionnaire/questions";
import type { RespondentRound } from "./respondent-round.server";

export type StoredConflict = {
  questionId: string;
  theirs: AnswerValue;
  revision: number;
  by: string;
  at: string;
};

export type SaveResult = {
  /** Questions whose answer changed. */
  stored: string[];
  /** The stored revision of every posted question after the save. */
  revisions: Record<string, number>;
  conflicts: StoredConflict[];
  savedAt: string;
};

export class SaveKeyReused extends Error {}

/** The response a save writes: the organisation's in the round (null until its first save). */
export type SaveScope = { roundId: string; organisationId: string; consultationId: string; responseId: string | null };

type Outcome = { result: SaveResult } | { replay: SaveResult; sameResponse: boolean };

/**
 * Autosaves come every few seconds from everyone writing, so a save is one statement: the
 * function save_answers (migration 20261129140000_save_answers, where its rules are written
 * out, changed by 20261129170000 and 20261129170500) locks the response, compares each posted
 * answer with the stored one, writes what changed with the response's time, the audit entry
 * and the receipt, and answers the result.
 * Whether an answer says anything is decided here (isAnswered), as everywhere else.
 */
export async function saveAnswers(input: {
  scope: SaveScope;
  userId: string;
  values: Map<string, AnswerValue>;
  /** The revision each answer was based on (0: no answer yet); a question without one is not checked. */
  baseRevisions?: Map<string, number>;
  saveKey?: string;
  /** The rendering of the page the answers were typed in (see PAGE_ID). */
  pageId?: string;
}): Promise<SaveResult & { replayed: boolean }> {
  const { scope, userId, values, saveKey } = input;
  const posted = [...values].map(([questionId, value], n) => ({
    n,
    questionId,
    choices: value.choices,
    text: value.text,
    base: input.baseRevisions?.get(questionId) ?? null,
    answered: isAnswered(value),
    newId: randomUUID(),
  }));

  // The same key posted twice at once queues on the response's lock and finds the receipt.
  const [{ outcome }] = (await db().$queryRaw<Array<{ outcome: Outcome }>>`
    SELECT save_answers(${scope.responseId}::text, ${scope.roundId}, ${scope.organisationId}, ${scope.consultationId}, ${userId},
                        ${saveKey ?? null}::text, ${JSON.stringify(posted)}::jsonb, ${new Date()}::timestamp(3), ${randomUUID()}, ${randomUUID()},
                        ${input.pageId ?? null}::text) AS outcome`) as [{ outcome: Outcome }];
  if ("replay" in outcome) {
    // A key of another organisation's response is not a replay of this save.
    if (!outcome.sameResponse) throw new SaveKeyReused();
    return { ...outcome.replay, replayed: true };
  }
  return { ...outcome.result, replayed: false };
}

/** The stored revision of each of these questions' answers (0: not answered yet), a draft's first. */
export async function currentRevisions(round: RespondentRound, questionIds: string[]): Promise<Map<string, number>> {
  const revisions = new Map(questionIds.map((id) => [id, 0]));
  if (!round.response) return revisions;
  const where = { responseId: round.response.id, questionId: { in: questionIds } };
  const select = { questionId: true, revision: true } as const;
  const [answers, drafts] = await Promise.all([db().answer.findMany({ where, select }), db().answerDraft.findMany({ where, select })]);
  for (const a of [...answers, ...drafts]) revisions.set(a.questionId, a.revision);
  return revisions;
}

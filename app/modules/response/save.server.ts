/**
 * Saving a section's answers. One response per organisation per round, created by the first
 * save. Several contacts write the same response, so each answer is saved against the revision
 * it was based on: a stale base whose text differs from the stored one is a conflict, reported
 * and not stored (the other answers of the same save are). A save key makes a replayed post
 * (a double click, a retried autosave) return the first result and store nothing twice.
 */
import { Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
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

const same = (a: AnswerValue, b: AnswerValue) =>
  (a.text ?? "") === (b.text ?? "") && a.choices.length === b.choices.length && a.choices.every((c, i) => c === b.choices[i]);

export async function saveAnswers(input: {
  round: RespondentRound;
  userId: string;
  values: Map<string, AnswerValue>;
  /** The revision each answer was based on (0: no answer yet); a question without one is not checked. */
  baseRevisions?: Map<string, number>;
  saveKey?: string;
}): Promise<SaveResult & { replayed: boolean }> {
  const { round, userId, values, saveKey } = input;

  const replay = async () => {
    if (!saveKey) return null;
    const receipt = await db().saveReceipt.findUnique({ where: { key: saveKey }, include: { response: true } });
    if (!receipt) return null;
    // A key of another organisation's response is not a replay of this save.
    if (receipt.response.roundId !== round.round.id || receipt.response.organisationId !== round.organisation.id) throw new SaveKeyReused();
    return { ...(receipt.result as SaveResult), replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  try {
    const result = await db().$transaction(async (tx) => {
      // The response exists after the organisation's first save: the page that posted loaded it.
      const response =
        round.response ??
        (await tx.response.upsert({
          where: { roundId_organisationId: { roundId: round.round.id, organisationId: round.organisation.id } },
          create: { roundId: round.round.id, organisationId: round.organisation.id },
          update: {},
          select: { id: true },
        }));
      // One save of a response at a time: the revision read below is the one overwritten.
      await tx.$queryRaw`SELECT id FROM "Response" WHERE id = ${response.id} FOR UPDATE`;
      const existing = new Map(
        (await tx.answer.findMany({ where: { responseId: response.id, questionId: { in: [...values.keys()] } } })).map((a) => [a.questionId, a]),
      );
      const stored: string[] = [];
      const revisions: Record<string, number> = {};
      const conflicts: StoredConflict[] = [];
      for (const [questionId, value] of values) {
        const current = existing.get(questionId);
        const base = input.baseRevisions?.get(questionId);
        if (current) {
          const theirs = { choices: current.choices, text: current.text };
          revisions[questionId] = current.revision;
          if (same(theirs, value)) continue; // nothing changed: no new revision for others to trip on
          // Stale only matters when someone else wrote since: one's own earlier autosave is not a conflict.
          if (base !== undefined && base !== current.revision && isAnswered(theirs) && current.updatedById !== userId) {
            conflicts.push({ questionId, theirs, revision: current.revision, by: current.updatedById ?? "", at: current.updatedAt.toISOString() });
            continue;
          }
          const updated = await tx.answer.update({
            where: { id: current.id },
            data: { choices: value.choices, text: value.text, updatedById: userId, revision: { increment: 1 } },
          });
          revisions[questionId] = updated.revision;
        } else {
          if (!isAnswered(value)) continue; // no empty rows for questions nobody has answered
          const created = await tx.answer.create({
            data: { responseId: response.id, questionId, choices: value.choices, text: value.text, updatedById: userId },
          });
          revisions[questionId] = created.revision;
        }
        stored.push(questionId);
      }
      // Who wrote the other version, by name (a conflict is rare: only then is it looked up).
      if (conflicts.length > 0) {
        const authors = new Map((await tx.user.findMany({ where: { id: { in: conflicts.map((c) => c.by).filter(Boolean) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
        for (const c of conflicts) c.by = authors.get(c.by) ?? "";
      }
      if (stored.length > 0) {
        await tx.response.update({ where: { id: response.id }, data: { updatedAt: new Date() } });
        await audit(tx, {
          actorId: userId,
          action: "response.answers-saved",
          entityType: "Response",
          entityId: response.id,
          consultationId: round.round.consultationId,
          data: { questions: stored, ...(conflicts.length ? { conflicts: conflicts.map((c) => c.questionId) } : {}) },
        });
      }
      const result: SaveResult = { stored, revisions, conflicts, savedAt: new Date().toISOString() };
      if (saveKey) await tx.saveReceipt.create({ data: { key: saveKey, responseId: response.id, result } });
      return result;
    });
    return { ...result, replayed: false };
  } catch (error) {
    // The same key posted twice at once: the other request stored it; answer as it did.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const earlier = await replay();
      if (earlier) return earlier;
    }
    throw error;
  }
}

/** The stored revision of each of these questions' answers (0: not answered yet). */
export async function currentRevisions(round: RespondentRound, questionIds: string[]): Promise<Map<string, number>> {
  const revisions = new Map(questionIds.map((id) => [id, 0]));
  if (!round.response) return revisions;
  const answers = await db().answer.findMany({ where: { responseId: round.response.id, questionId: { in: questionIds } }, select: { questionId: true, revision: true } });
  for (const a of answers) revisions.set(a.questionId, a.revision);
  return revisions;
}

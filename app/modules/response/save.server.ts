/**
 * Saving a section's answers. One response per organisation per round, created by the first
 * save. Several contacts write the same response, so each answer is saved against the revision
 * it was based on: a stale base whose text differs from the stored one is a conflict, reported
 * and not stored (the other answers of the same save are). A save key makes a replayed post
 * (a double click, a retried autosave) return the first result and store nothing twice.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
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

/** The response a save writes: the organisation's in the round (null until its first save). */
export type SaveScope = { roundId: string; organisationId: string; consultationId: string; responseId: string | null };

type StoredAnswer = { id: string; questionId: string; choices: string[]; text: string | null; revision: number; updatedById: string | null; updatedAt: Date };
type Receipt = { result: SaveResult; responseId: string };
/** A posted question's stored answer (id null: none yet), each row with the save key's receipt. */
type LockedRow = (StoredAnswer | { id: null }) & { receipt: Receipt | null };

/**
 * Autosaves come every few seconds from everyone writing, so the common path is a few
 * statements of SQL (Prisma's query building costs more CPU than PostgreSQL's work here):
 * lock the response and read its answers, then one statement writes the changed answers,
 * the response's time, the audit entry and the receipt.
 */
export async function saveAnswers(input: {
  scope: SaveScope;
  userId: string;
  values: Map<string, AnswerValue>;
  /** The revision each answer was based on (0: no answer yet); a question without one is not checked. */
  baseRevisions?: Map<string, number>;
  saveKey?: string;
}): Promise<SaveResult & { replayed: boolean }> {
  const { scope, userId, values, saveKey } = input;

  const replay = async () => {
    if (!saveKey) return null;
    const [receipt] = await db().$queryRaw<Array<{ result: SaveResult; roundId: string; organisationId: string }>>`
      SELECT s.result, p."roundId", p."organisationId" FROM "SaveReceipt" s JOIN "Response" p ON p.id = s."responseId" WHERE s.key = ${saveKey}`;
    if (!receipt) return null;
    // A key of another organisation's response is not a replay of this save.
    if (receipt.roundId !== scope.roundId || receipt.organisationId !== scope.organisationId) throw new SaveKeyReused();
    return { ...receipt.result, replayed: true };
  };
  try {
    return await db().$transaction(async (tx) => {
      // The response exists after the organisation's first save: the page that posted found it.
      const responseId = scope.responseId ?? (await createResponse(tx, scope));
      // One save of a response at a time: the revisions read here are the ones overwritten.
      // The receipt of the save key comes along: a replay answers as the first save did.
      const rows = await tx.$queryRaw<Array<LockedRow>>`
        SELECT a.id, a."questionId", a.choices, a.text, a.revision, a."updatedById", a."updatedAt",
               (SELECT json_build_object('result', s.result, 'responseId', s."responseId") FROM "SaveReceipt" s WHERE s.key = ${saveKey ?? null}) AS receipt
        FROM "Response" p LEFT JOIN "Answer" a ON a."responseId" = p.id AND a."questionId" = ANY(${[...values.keys()]}::text[])
        WHERE p.id = ${responseId} FOR UPDATE OF p`;
      const receipt = rows[0]?.receipt;
      if (receipt) {
        // A key of another organisation's response is not a replay of this save.
        if (receipt.responseId !== responseId) throw new SaveKeyReused();
        return { ...receipt.result, replayed: true };
      }
      const existing = new Map(rows.filter((a): a is StoredAnswer & { receipt: Receipt | null } => a.id !== null).map((a) => [a.questionId, a]));

      const stored: string[] = [];
      const revisions: Record<string, number> = {};
      const conflicts: StoredConflict[] = [];
      const writes: Array<{ id: string; questionId: string; choices: string[]; text: string | null; isNew: boolean }> = [];
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
          writes.push({ id: current.id, questionId, ...value, isNew: false });
          revisions[questionId] = current.revision + 1;
        } else {
          if (!isAnswered(value)) continue; // no empty rows for questions nobody has answered
          writes.push({ id: randomUUID(), questionId, ...value, isNew: true });
          revisions[questionId] = 1;
        }
        stored.push(questionId);
      }
      // Who wrote the other version, by name (a conflict is rare: only then is it looked up).
      if (conflicts.length > 0) {
        const authors = new Map((await tx.user.findMany({ where: { id: { in: conflicts.map((c) => c.by).filter(Boolean) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
        for (const c of conflicts) c.by = authors.get(c.by) ?? "";
      }
      const result: SaveResult = { stored, revisions, conflicts, savedAt: new Date().toISOString() };
      if (writes.length > 0 || saveKey) await writeSave(tx, { responseId, userId, scope, writes, result, saveKey });
      return { ...result, replayed: false };
    }, SAVE_TX);
  } catch (error) {
    // The same key posted twice at once (both read before either wrote): the other request stored it; answer as it did.
    if (isUniqueViolation(error)) {
      const earlier = await replay();
      if (earlier) return earlier;
    }
    throw error;
  }
}

/**
 * A save waits its turn rather than fail: under a burst of saves a connection may take a while
 * to free up, and a refused save is only retried by the browser (or lost without JavaScript).
 */
const SAVE_TX = { maxWait: 20_000, timeout: 20_000 };

/** The organisation's response, made by its first save (or found, when another save made it first). */
async function createResponse(tx: Prisma.TransactionClient, scope: SaveScope): Promise<string> {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "Response" (id, "roundId", "organisationId", "updatedAt") VALUES (${randomUUID()}, ${scope.roundId}, ${scope.organisationId}, ${new Date()})
    ON CONFLICT ("roundId", "organisationId") DO UPDATE SET "roundId" = EXCLUDED."roundId"
    RETURNING id`;
  return row!.id;
}

/**
 * One statement: the answers (updated, or inserted with revision 1), the response's time and
 * the audit entry when something changed, the receipt when the save has a key.
 */
async function writeSave(
  tx: Prisma.TransactionClient,
  save: { responseId: string; userId: string; scope: SaveScope; writes: Array<{ id: string; questionId: string; choices: string[]; text: string | null; isNew: boolean }>; result: SaveResult; saveKey?: string },
) {
  const { responseId, userId, writes, result } = save;
  const at = new Date(result.savedAt); // Dates go as UTC: the server's own time zone never matters
  const changed = writes.length > 0;
  const audit = { questions: result.stored, ...(result.conflicts.length ? { conflicts: result.conflicts.map((c) => c.questionId) } : {}) };
  await tx.$executeRaw`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(writes)}::jsonb)
        AS w(id text, "questionId" text, choices text[], text text, "isNew" boolean)
    ), updated AS (
      UPDATE "Answer" a SET choices = w.choices, text = w.text, "updatedById" = ${userId}, revision = a.revision + 1, "updatedAt" = ${at}
      FROM input w WHERE NOT w."isNew" AND a.id = w.id
      RETURNING a.id
    ), created AS (
      INSERT INTO "Answer" (id, "responseId", "questionId", choices, text, "updatedById", "updatedAt")
      SELECT w.id, ${responseId}, w."questionId", w.choices, w.text, ${userId}, ${at} FROM input w WHERE w."isNew"
      RETURNING id
    ), touched AS (
      UPDATE "Response" SET "updatedAt" = ${at} WHERE id = ${responseId} AND ${changed}::boolean
      RETURNING id
    ), audited AS (
      INSERT INTO "AuditEvent" (id, at, "actorId", action, "entityType", "entityId", "consultationId", data)
      SELECT ${randomUUID()}, ${at}, ${userId}, 'response.answers-saved', 'Response', ${responseId}, ${save.scope.consultationId}, ${JSON.stringify(audit)}::jsonb
      WHERE ${changed}::boolean
      RETURNING id
    ), receipt AS (
      INSERT INTO "SaveReceipt" (key, "responseId", result)
      SELECT ${save.saveKey ?? ""}, ${responseId}, ${JSON.stringify(result)}::jsonb WHERE ${!!save.saveKey}::boolean
      RETURNING key
    )
    SELECT (SELECT count(*) FROM updated), (SELECT count(*) FROM created), (SELECT count(*) FROM touched),
           (SELECT count(*) FROM audited), (SELECT count(*) FROM receipt)`;
}

/** PostgreSQL's unique_violation: P2002 from Prisma's queries, the SQLSTATE from raw SQL. */
function isUniqueViolation(error: unknown) {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const cause = (error.meta as { driverAdapterError?: { cause?: { originalCode?: string } } } | undefined)?.driverAdapterError?.cause;
  return error.code === "P2002" || cause?.originalCode === "23505";
}

/** The stored revision of each of these questions' answers (0: not answered yet). */
export async function currentRevisions(round: RespondentRound, questionIds: string[]): Promise<Map<string, number>> {
  const revisions = new Map(questionIds.map((id) => [id, 0]));
  if (!round.response) return revisions;
  const answers = await db().answer.findMany({ where: { responseId: round.response.id, questionId: { in: questionIds } }, select: { questionId: true, revision: true } });
  for (const a of answers) revisions.set(a.questionId, a.revision);
  return revisions;
}

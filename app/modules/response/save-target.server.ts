/**
 * What a save of a section needs to know, read in one query: whether this person may write
 * the organisation's response (a contact of it, the invitation not revoked), whether the round
 * accepts answers, the response (if any), the order of the sections (where "Save and continue"
 * goes) and the section's questions. Autosave posts arrive every few seconds from everyone
 * writing, so this is one round trip instead of the whole respondent page (loadRespondentPage),
 * which a save loads only when it has something to show (a conflict).
 */
import { db } from "~/modules/db/client.server";
import { notFound } from "~/modules/auth/authorization.server";
import { optionsOf, type FormQuestion, type QuestionType } from "~/modules/questionnaire/questions";
import { GENERAL_KEY, isAcceptingAnswers } from "./respondent-round.server";

export type SaveTarget = {
  invitationId: string;
  organisationId: string;
  roundId: string;
  consultationId: string;
  responseId: string | null;
  isOpen: boolean;
  /** Every section's key in document order (the whole-document questions last). */
  sectionKeys: string[];
  /** This section's questions, in the consultation's original language: enough to check a post. */
  questions: FormQuestion[];
};

type Row = {
  organisationId: string;
  extendedUntil: Date | null;
  roundId: string;
  consultationId: string;
  status: string;
  opensAt: Date | null;
  closesAt: Date | null;
  responseId: string | null;
  sectionKeys: string[];
  questions: Array<{ id: string; type: QuestionType; prompt: string; help: string; required: boolean; options: unknown; sectionKey: string | null }>;
};

/** 404 unless `userId` is a contact of the invitation's organisation and the section exists. */
export async function loadSaveTarget(invitationId: string, userId: string, sectionKey: string): Promise<SaveTarget> {
  const [row] = await db().$queryRaw<Row[]>`
    SELECT i."organisationId", i."extendedUntil", r.id AS "roundId", r."consultationId", r.status::text AS status,
           r."opensAt", r."closesAt",
           (SELECT p.id FROM "Response" p WHERE p."roundId" = r.id AND p."organisationId" = i."organisationId") AS "responseId",
           ARRAY(SELECT s.key FROM "Section" s WHERE s."versionId" = r."versionId" ORDER BY s.position) AS "sectionKeys",
           COALESCE((
             SELECT json_agg(json_build_object('id', q.id, 'type', q.type, 'prompt', q.prompt, 'help', q.help,
                                               'required', q.required, 'options', q.options, 'sectionKey', s.key) ORDER BY q.position)
             FROM "Question" q LEFT JOIN "Section" s ON s.id = q."sectionId"
             WHERE q."roundId" = r.id AND q."retiredAt" IS NULL
           ), '[]'::json) AS questions
    FROM "Invitation" i JOIN "Round" r ON r.id = i."roundId"
    WHERE i.id = ${invitationId} AND i."revokedAt" IS NULL
      AND EXISTS (SELECT 1 FROM "Contact" c WHERE c."organisationId" = i."organisationId" AND c."userId" = ${userId})`;
  if (!row) notFound("No such invitation.");

  const sectionKeys = row.questions.some((q) => q.sectionKey === null) ? [...row.sectionKeys, GENERAL_KEY] : row.sectionKeys;
  if (!sectionKeys.includes(sectionKey)) notFound("No such section.");
  const ofSection = row.questions.filter((q) => (q.sectionKey ?? GENERAL_KEY) === sectionKey);
  return {
    invitationId,
    organisationId: row.organisationId,
    roundId: row.roundId,
    consultationId: row.consultationId,
    responseId: row.responseId,
    isOpen: isAcceptingAnswers(row, row),
    sectionKeys,
    questions: ofSection.map((q) => ({
      id: q.id,
      type: q.type,
      prompt: q.prompt,
      help: q.help,
      required: q.required,
      options: optionsOf(q.type, q.options),
    })),
  };
}

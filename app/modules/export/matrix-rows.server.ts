/**
 * The comment-resolution matrix (ISO comment template): one row per comment, read from the
 * database question by question in pages of BATCH with keyset pagination (on the answer id),
 * so an export of any size holds one page in memory. Comments are submitted responses'
 * non-blank written answers (long text, short text, proposed wording); drafts and withdrawn
 * responses never appear. The publication
 * reader gets only publishable responses (PUBLISHABLE_SQL), and every row goes through the
 * attribution rule again before it is shown.
 */
import { Prisma } from "~/generated/prisma/client";
import type { Attribution, ResponseChannel } from "~/generated/prisma/enums";
import { attributionLabel, PUBLISHABLE_SQL, type Reader } from "~/modules/analysis/attribution";
import { db } from "~/modules/db/client.server";
import { matrixRowsOf, type MatrixRow } from "./matrix-layout";

const BATCH = 1000;

export type CommentRecord = {
  answerId: string;
  text: string;
  questionType: "LONG_TEXT" | "SHORT_TEXT" | "PROPOSED_WORDING";
  sectionPosition: number; // -1: the document as a whole
  questionPosition: number;
  sectionHeading: string | null;
  attribution: Attribution;
  consentToPublish: boolean;
  channel: ResponseChannel;
  organisationName: string;
  typeLabel: string;
  /** The linked worklist items, oldest first. */
  items: Array<{ type: string; status: string; rationale: string; doneIn: number | null }> | null;
};

const WRITTEN = Prisma.sql`q.type IN ('LONG_TEXT', 'SHORT_TEXT', 'PROPOSED_WORDING') AND a.text ~ '[^[:space:]]'`;

function baseWhere(roundId: string, reader: Reader) {
  return Prisma.sql`r."roundId" = ${roundId} AND r.status = 'SUBMITTED' AND ${WRITTEN}
    ${reader === "publication" ? Prisma.sql`AND ${Prisma.raw(PUBLISHABLE_SQL)}` : Prisma.empty}`;
}

type WrittenQuestion = { id: string; type: CommentRecord["questionType"]; questionPosition: number; sectionPosition: number; sectionHeading: string | null };

/** The round's written questions in matrix order: whole-document ones first, then by section and position. */
async function writtenQuestions(roundId: string): Promise<WrittenQuestion[]> {
  return db().$queryRaw<WrittenQuestion[]>`
    SELECT q.id, q.type::text AS type, q.position AS "questionPosition", coalesce(s.position, -1) AS "sectionPosition", s.heading AS "sectionHeading"
    FROM "Question" q LEFT JOIN "Section" s ON s.id = q."sectionId"
    WHERE q."roundId" = ${roundId} AND q.type IN ('LONG_TEXT', 'SHORT_TEXT', 'PROPOSED_WORDING')
    ORDER BY coalesce(s.position, -1), q.position, q.id`;
}

type AnswerRecord = Omit<CommentRecord, "questionType" | "questionPosition" | "sectionPosition" | "sectionHeading">;

/**
 * One page of a question's comments, keyset on the answer id. The worklist items are looked up
 * only for the page's rows (after the LIMIT), not for every comment the sort went through.
 */
async function page(questionId: string, reader: Reader, after: string): Promise<AnswerRecord[]> {
  const publishable = reader === "publication" ? Prisma.sql`AND ${Prisma.raw(PUBLISHABLE_SQL)}` : Prisma.empty;
  return db().$queryRaw<AnswerRecord[]>`
    SELECT p.*, (
      SELECT json_agg(json_build_object('type', wi.type, 'status', wi.status, 'rationale', wi.rationale, 'doneIn', (SELECT v.number FROM "DocumentVersion" v WHERE v.id = wi."resolvedInVersionId")) ORDER BY wi."createdAt", wi.id)
      FROM "WorklistItemSource" ws JOIN "WorklistItem" wi ON wi.id = ws."itemId"
      WHERE ws."answerId" = p."answerId"
    ) AS items
    FROM (
      SELECT a.id AS "answerId", a.text, r.attribution, r."consentToPublish", r.channel, o.name AS "organisationName", st.label AS "typeLabel"
      FROM "Answer" a
      JOIN "Response" r ON r.id = a."responseId"
      JOIN "Organisation" o ON o.id = r."organisationId"
      JOIN "StakeholderType" st ON st.id = o."typeId"
      WHERE a."questionId" = ${questionId} AND a.id > ${after} AND r.status = 'SUBMITTED' AND a.text ~ '[^[:space:]]' ${publishable}
      ORDER BY a.id
      LIMIT ${BATCH}
    ) p
    ORDER BY p."answerId"`;
}

/** Every comment of the round as this reader may see it, in matrix order (by section, then question). */
export async function* matrixRows(roundId: string, reader: Reader): AsyncGenerator<MatrixRow[]> {
  for (const question of await writtenQuestions(roundId)) {
    let after = "";
    for (;;) {
      const records = await page(question.id, reader, after);
      if (records.length === 0) break;
      const rows: MatrixRow[] = [];
      for (const answer of records) {
        const record: CommentRecord = { ...answer, ...question, questionType: question.type };
        const stakeholder = attributionLabel(reader, record);
        if (stakeholder !== null) rows.push(...matrixRowsOf(record, stakeholder));
      }
      yield rows;
      if (records.length < BATCH) break;
      after = records[records.length - 1]!.answerId;
    }
  }
}

/**
 * How many rows the matrix has for this reader, for the exports page: an imported comment
 * table's answer is one row per table row (the "¶" markers that matrix-layout splits on).
 */
export async function countMatrixRows(roundId: string, reader: Reader): Promise<number> {
  const [row] = await db().$queryRaw<Array<{ count: bigint | null }>>`
    SELECT sum(CASE WHEN r.channel = 'COMMENT_TABLE'
      THEN 1 + (SELECT count(*) FROM regexp_matches(a.text, E'\\n\\n(\\\\[[^\\\\]\\n]*\\\\] )?¶ ', 'g'))
      ELSE 1 END) AS count
    FROM "Answer" a
    JOIN "Response" r ON r.id = a."responseId"
    JOIN "Question" q ON q.id = a."questionId"
    WHERE ${baseWhere(roundId, reader)}`;
  return Number(row?.count ?? 0);
}

/**
 * The comment-resolution matrix (ISO comment template): one row per comment, read from the
 * database in pages of BATCH with keyset pagination, so an export of any size holds one page
 * in memory. Comments are submitted responses' non-blank written answers (long text, short
 * text, proposed wording); drafts and withdrawn responses never appear. The publication
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
  items: Array<{ type: string; status: string; rationale: string }> | null;
};

const WRITTEN = Prisma.sql`q.type IN ('LONG_TEXT', 'SHORT_TEXT', 'PROPOSED_WORDING') AND a.text ~ '[^[:space:]]'`;

function baseWhere(roundId: string, reader: Reader) {
  return Prisma.sql`r."roundId" = ${roundId} AND r.status = 'SUBMITTED' AND ${WRITTEN}
    ${reader === "publication" ? Prisma.sql`AND ${Prisma.raw(PUBLISHABLE_SQL)}` : Prisma.empty}`;
}

type Key = { sectionPosition: number; questionPosition: number; answerId: string };

async function page(roundId: string, reader: Reader, after: Key | null): Promise<CommentRecord[]> {
  const keyset = after
    ? Prisma.sql`AND (coalesce(s.position, -1), q.position, a.id) > (${after.sectionPosition}, ${after.questionPosition}, ${after.answerId})`
    : Prisma.empty;
  return db().$queryRaw<CommentRecord[]>`
    SELECT a.id AS "answerId", a.text, q.type::text AS "questionType",
      coalesce(s.position, -1) AS "sectionPosition", q.position AS "questionPosition", s.heading AS "sectionHeading",
      r.attribution, r."consentToPublish", r.channel, o.name AS "organisationName", st.label AS "typeLabel", w.items
    FROM "Answer" a
    JOIN "Response" r ON r.id = a."responseId"
    JOIN "Question" q ON q.id = a."questionId"
    LEFT JOIN "Section" s ON s.id = q."sectionId"
    JOIN "Organisation" o ON o.id = r."organisationId"
    JOIN "StakeholderType" st ON st.id = o."typeId"
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('type', wi.type, 'status', wi.status, 'rationale', wi.rationale) ORDER BY wi."createdAt", wi.id) AS items
      FROM "WorklistItemSource" ws JOIN "WorklistItem" wi ON wi.id = ws."itemId"
      WHERE ws."answerId" = a.id
    ) w ON true
    WHERE ${baseWhere(roundId, reader)} ${keyset}
    ORDER BY coalesce(s.position, -1), q.position, a.id
    LIMIT ${BATCH}`;
}

/** Every comment of the round as this reader may see it, in matrix order (by section, then question). */
export async function* matrixRows(roundId: string, reader: Reader): AsyncGenerator<MatrixRow[]> {
  let after: Key | null = null;
  for (;;) {
    const records = await page(roundId, reader, after);
    if (records.length === 0) return;
    const rows: MatrixRow[] = [];
    for (const record of records) {
      const stakeholder = attributionLabel(reader, record);
      if (stakeholder !== null) rows.push(...matrixRowsOf(record, stakeholder));
    }
    yield rows;
    if (records.length < BATCH) return;
    const last = records[records.length - 1]!;
    after = { sectionPosition: Number(last.sectionPosition), questionPosition: last.questionPosition, answerId: last.answerId };
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

/**
 * Per-question counts by stakeholder type, counted by PostgreSQL (GROUP BY over unnest), not by
 * loops over rows here. Only submitted responses count, and only written answers with more than
 * whitespace in them (btrim() alone trims spaces, not line breaks or tabs).
 */
import { db } from "~/modules/db/client.server";

export type CountRow = { questionId: string; option: string | null; typeKey: string; count: number };

export async function questionCountsByType(roundId: string): Promise<CountRow[]> {
  const choices = await db().$queryRaw<Array<{ questionId: string; option: string; typeKey: string; count: bigint }>>`
    SELECT a."questionId", choice AS option, st.key AS "typeKey", count(*) AS count
    FROM "Answer" a
    JOIN "Response" r ON r.id = a."responseId"
    JOIN "Organisation" o ON o.id = r."organisationId"
    JOIN "StakeholderType" st ON st.id = o."typeId"
    CROSS JOIN LATERAL unnest(a.choices) AS choice
    WHERE r."roundId" = ${roundId} AND r.status = 'SUBMITTED'
    GROUP BY a."questionId", choice, st.key`;
  const texts = await db().$queryRaw<Array<{ questionId: string; typeKey: string; count: bigint }>>`
    SELECT a."questionId", st.key AS "typeKey", count(*) AS count
    FROM "Answer" a
    JOIN "Response" r ON r.id = a."responseId"
    JOIN "Organisation" o ON o.id = r."organisationId"
    JOIN "StakeholderType" st ON st.id = o."typeId"
    WHERE r."roundId" = ${roundId} AND r.status = 'SUBMITTED' AND a.text ~ '[^[:space:]]'
    GROUP BY a."questionId", st.key`;
  return [
    ...choices.map((r) => ({ questionId: r.questionId, option: r.option, typeKey: r.typeKey, count: Number(r.count) })),
    ...texts.map((r) => ({ questionId: r.questionId, option: null, typeKey: r.typeKey, count: Number(r.count) })),
  ];
}

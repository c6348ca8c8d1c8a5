/**
 * Comments worth reading together: other written answers to the same question whose text is
 * close to this one, by trigram similarity (pg_trgm). The `%` operator uses the trigram index
 * and the module's threshold (0.3 by default): organisations that copied a shared position
 * paper or a coalition's wording score far above it.
 */
import { db } from "~/modules/db/client.server";

export const NEAR_DUPLICATE_LIMIT = 10;

export async function nearDuplicates(roundId: string, answerId: string) {
  return db().$queryRaw<Array<{ id: string; similarity: number }>>`
    SELECT b.id, similarity(b.text, a.text)::float8 AS similarity
    FROM "Answer" a
    JOIN "Answer" b ON b."questionId" = a."questionId" AND b.id <> a.id
    JOIN "Response" r ON r.id = b."responseId"
    WHERE a.id = ${answerId} AND r."roundId" = ${roundId} AND r.status = 'SUBMITTED'
      AND b.text ~ '[^[:space:]]' AND b.text % a.text
    ORDER BY similarity DESC, b.id
    LIMIT ${NEAR_DUPLICATE_LIMIT}`;
}

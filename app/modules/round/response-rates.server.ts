/**
 * Response rates of a round while it is open, counted by PostgreSQL: for every stakeholder
 * type and overall, the invited organisations (invitation not revoked) by where they are —
 * not opened yet, opened the link, drafting, submitted, withdrawn — and the share submitted.
 * The states are those of the tracking table (tracking.server.ts), so the two always agree.
 */
import { db } from "~/modules/db/client.server";

export type RateRow = {
  /** null: every type together. */
  typeKey: string | null;
  typeLabel: string;
  invited: number;
  invitedOnly: number;
  opened: number;
  drafting: number;
  submitted: number;
  withdrawn: number;
  /** Submitted, in whole percent of invited. */
  rate: number;
};

export async function responseRates(roundId: string): Promise<{ overall: RateRow; byType: RateRow[] }> {
  const rows = await db().$queryRaw<
    Array<{ key: string | null; label: string | null; invited: number; invitedOnly: number; opened: number; drafting: number; submitted: number; withdrawn: number }>
  >`
    WITH state AS (
      SELECT o."typeId",
        CASE r.status
          WHEN 'SUBMITTED' THEN 'submitted'
          WHEN 'WITHDRAWN' THEN 'withdrawn'
          WHEN 'DRAFT' THEN 'drafting'
          ELSE CASE WHEN EXISTS (SELECT 1 FROM "InvitationLink" l WHERE l."invitationId" = i.id AND l."firstOpenedAt" IS NOT NULL)
                    THEN 'opened' ELSE 'invited' END
        END AS state
      FROM "Invitation" i
      JOIN "Organisation" o ON o.id = i."organisationId"
      LEFT JOIN "Response" r ON r."roundId" = i."roundId" AND r."organisationId" = i."organisationId"
      WHERE i."roundId" = ${roundId} AND i."revokedAt" IS NULL
    )
    SELECT st.key, st.label,
      count(*)::int AS invited,
      (count(*) FILTER (WHERE s.state = 'invited'))::int AS "invitedOnly",
      (count(*) FILTER (WHERE s.state = 'opened'))::int AS opened,
      (count(*) FILTER (WHERE s.state = 'drafting'))::int AS drafting,
      (count(*) FILTER (WHERE s.state = 'submitted'))::int AS submitted,
      (count(*) FILTER (WHERE s.state = 'withdrawn'))::int AS withdrawn
    FROM state s JOIN "StakeholderType" st ON st.id = s."typeId"
    GROUP BY GROUPING SETS ((st.key, st.label, st.position), ())
    ORDER BY st.position NULLS LAST`;
  const shaped = rows.map(
    (r): RateRow => ({
      typeKey: r.key,
      typeLabel: r.label ?? "All types",
      invited: r.invited,
      invitedOnly: r.invitedOnly,
      opened: r.opened,
      drafting: r.drafting,
      submitted: r.submitted,
      withdrawn: r.withdrawn,
      rate: r.invited > 0 ? Math.round((100 * r.submitted) / r.invited) : 0,
    }),
  );
  // The empty grouping set always gives a row, even for a round without invitations.
  return { overall: shaped.find((r) => r.typeKey === null)!, byType: shaped.filter((r) => r.typeKey !== null) };
}

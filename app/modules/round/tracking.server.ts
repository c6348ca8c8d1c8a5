/**
 * Who has answered a round: one row per invited organisation, for the coordinator. One SQL
 * query for the whole table (500 organisations stay well under the page's 150 ms).
 */
import type { EmailStatus, ResponseStatus } from "~/generated/prisma/client";
import { db } from "~/modules/db/client.server";
import { deadlineOf } from "~/modules/response/respondent-round.server";

export type TrackingState = "invited" | "opened" | "drafting" | "submitted" | "withdrawn";
const TRACKING_STATES: TrackingState[] = ["invited", "opened", "drafting", "submitted", "withdrawn"];

/**
 * An organisation's email: "failed" when the latest email to any of its current contacts
 * failed for good (a colleague's delivery does not hide it); otherwise the state of the latest
 * email to any of them: handed to the mail server, or on its way. Revoked links do not count.
 */
export type EmailState = "delivered" | "failed" | "queued";

const EMAIL_STATE: Record<EmailStatus, EmailState> = { SENT: "delivered", FAILED: "failed", PENDING: "queued", SENDING: "queued" };

/** "not-submitted": every state but submitted, the usual audience of a reminder; "email-failed": an email to a contact failed. */
export type TrackingFilter = { type?: string | null; state?: TrackingState | "not-submitted" | "email-failed" | null };

type Row = {
  invitationId: string;
  organisationId: string;
  organisation: string;
  country: string | null;
  typeKey: string;
  typeLabel: string;
  closesAt: Date | null;
  extendedUntil: Date | null;
  remindersSent: number;
  lastRemindedAt: Date | null;
  openedAt: Date | null;
  responseStatus: ResponseStatus | null;
  draftStartedAt: Date | null;
  submittedAt: Date | null;
  latestStatus: EmailStatus | null;
  latestAt: Date | null;
  failedContacts: number;
  errors: string[] | null;
};

/**
 * Each link's latest email decides that contact's email state; only links still in use count
 * (a revoked contact's email no longer matters). Shaped to stay fast whatever the planner
 * believes: a round's invitations are often created moments before the page is read, before
 * PostgreSQL's statistics know them (estimated at 1 row, a join plan took 40 s for 500
 * organisations). Each link's latest email is one index probe (LATERAL ... LIMIT 1), and the
 * per-invitation summary is computed once (MATERIALIZED), never once per invitation.
 */
function trackingRows(roundId: string) {
  return db().$queryRaw<Row[]>`
    WITH per_invitation AS MATERIALIZED (
      SELECT l."invitationId",
             min(l."firstOpenedAt") AS "openedAt",
             (array_agg(latest."status" ORDER BY latest."createdAt" DESC) FILTER (WHERE latest."status" IS NOT NULL AND l."revokedAt" IS NULL))[1] AS "latestStatus",
             max(latest."createdAt") FILTER (WHERE l."revokedAt" IS NULL) AS "latestAt",
             count(*) FILTER (WHERE latest."status" = 'FAILED' AND l."revokedAt" IS NULL)::int AS "failedContacts",
             array_agg(DISTINCT latest."lastError") FILTER (WHERE latest."status" = 'FAILED' AND l."revokedAt" IS NULL AND latest."lastError" IS NOT NULL) AS "errors"
      FROM "InvitationLink" l
      JOIN "Invitation" i ON i."id" = l."invitationId"
      LEFT JOIN LATERAL (
        SELECT m."status", m."createdAt", m."lastError" FROM "EmailMessage" m
        WHERE m."invitationLinkId" = l."id"
        ORDER BY m."createdAt" DESC, m."id" DESC
        LIMIT 1
      ) latest ON true
      WHERE i."roundId" = ${roundId} AND i."revokedAt" IS NULL
      GROUP BY l."invitationId"
    )
    SELECT i."id" AS "invitationId", o."id" AS "organisationId", o."name" AS "organisation", o."country", t."key" AS "typeKey", t."label" AS "typeLabel",
           rd."closesAt", i."extendedUntil", i."remindersSent", i."lastRemindedAt",
           p."openedAt", r."status" AS "responseStatus", r."createdAt" AS "draftStartedAt", r."submittedAt",
           p."latestStatus", p."latestAt", COALESCE(p."failedContacts", 0) AS "failedContacts", p."errors"
    FROM "Invitation" i
    JOIN "Round" rd ON rd."id" = i."roundId"
    JOIN "Organisation" o ON o."id" = i."organisationId"
    JOIN "StakeholderType" t ON t."id" = o."typeId"
    LEFT JOIN per_invitation p ON p."invitationId" = i."id"
    LEFT JOIN "Response" r ON r."roundId" = i."roundId" AND r."organisationId" = i."organisationId"
    WHERE i."roundId" = ${roundId} AND i."revokedAt" IS NULL
    ORDER BY o."name"`;
}

export async function roundTracking(roundId: string, filter: TrackingFilter = {}) {
  const all = (await trackingRows(roundId)).map((row) => {
    const state: TrackingState = row.responseStatus
      ? row.responseStatus === "SUBMITTED"
        ? "submitted"
        : row.responseStatus === "WITHDRAWN"
          ? "withdrawn"
          : "drafting"
      : row.openedAt
        ? "opened"
        : "invited";
    const email =
      row.latestStatus && row.latestAt
        ? {
            state: row.failedContacts > 0 ? ("failed" as const) : EMAIL_STATE[row.latestStatus],
            at: row.latestAt,
            failedContacts: row.failedContacts,
            errors: [...(row.errors ?? [])].sort(),
          }
        : null;
    return {
      invitationId: row.invitationId,
      organisationId: row.organisationId,
      organisation: row.organisation,
      typeKey: row.typeKey,
      typeLabel: row.typeLabel,
      country: row.country,
      state,
      email,
      linkOpenedAt: row.openedAt,
      draftStartedAt: row.responseStatus ? row.draftStartedAt : null,
      submittedAt: row.submittedAt,
      deadline: deadlineOf({ closesAt: row.closesAt }, row),
      extended: !!row.extendedUntil,
      remindersSent: row.remindersSent,
      lastRemindedAt: row.lastRemindedAt,
    };
  });

  const byType = filter.type ? all.filter((r) => r.typeKey === filter.type) : all;
  const emailFailedRow = (r: (typeof all)[number]) => (r.email?.failedContacts ?? 0) > 0;
  const rows = byType.filter((r) =>
    !filter.state
      ? true
      : filter.state === "not-submitted"
        ? r.state !== "submitted"
        : filter.state === "email-failed"
          ? emailFailedRow(r)
          : r.state === filter.state,
  );
  const counts = Object.fromEntries(TRACKING_STATES.map((s) => [s, byType.filter((r) => r.state === s).length])) as Record<TrackingState, number>;
  const emailFailed = byType.filter(emailFailedRow).length;
  return { rows, counts, emailFailed, totalInType: byType.length };
}

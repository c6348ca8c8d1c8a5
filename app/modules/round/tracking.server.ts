/** Who has answered a round: one row per invited organisation, for the coordinator. */
import type { EmailStatus } from "~/generated/prisma/client";
import { db } from "~/modules/db/client.server";
import { deadlineOf } from "~/modules/response/respondent-round.server";

export type TrackingState = "invited" | "opened" | "drafting" | "submitted" | "withdrawn";
const TRACKING_STATES: TrackingState[] = ["invited", "opened", "drafting", "submitted", "withdrawn"];

/** The latest email to any of the organisation's contacts: handed to the mail server, failed for good, or on its way. */
export type EmailState = "delivered" | "failed" | "queued";

const EMAIL_STATE: Record<EmailStatus, EmailState> = { SENT: "delivered", FAILED: "failed", PENDING: "queued", SENDING: "queued" };

/** "not-submitted": every state but submitted, the usual audience of a reminder. */
export type TrackingFilter = { type?: string | null; state?: TrackingState | "not-submitted" | null };

export async function roundTracking(roundId: string, filter: TrackingFilter = {}) {
  const round = await db().round.findUniqueOrThrow({
    where: { id: roundId },
    include: {
      invitations: {
        where: { revokedAt: null },
        include: {
          organisation: { include: { type: true } },
          links: {
            select: {
              firstOpenedAt: true,
              emails: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, createdAt: true, lastError: true } },
            },
          },
        },
        orderBy: { organisation: { name: "asc" } },
      },
      responses: {
        select: { organisationId: true, status: true, createdAt: true, submittedAt: true, updatedAt: true, attribution: true },
      },
    },
  });
  const responses = new Map(round.responses.map((r) => [r.organisationId, r]));
  const all = round.invitations.map((inv) => {
    const response = responses.get(inv.organisationId);
    const opened = inv.links
      .map((l) => l.firstOpenedAt)
      .filter((d): d is Date => !!d)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    const latestEmail = inv.links
      .flatMap((l) => l.emails)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    const state: TrackingState = response
      ? response.status === "SUBMITTED"
        ? "submitted"
        : response.status === "WITHDRAWN"
          ? "withdrawn"
          : "drafting"
      : opened
        ? "opened"
        : "invited";
    return {
      invitationId: inv.id,
      organisation: inv.organisation.name,
      typeKey: inv.organisation.type.key,
      typeLabel: inv.organisation.type.label,
      country: inv.organisation.country,
      state,
      email: latestEmail ? { state: EMAIL_STATE[latestEmail.status], at: latestEmail.createdAt, error: latestEmail.lastError } : null,
      linkOpenedAt: opened ?? null,
      draftStartedAt: response?.createdAt ?? null,
      submittedAt: response?.submittedAt ?? null,
      deadline: deadlineOf(round, inv),
      extended: !!inv.extendedUntil,
      remindersSent: inv.remindersSent,
      lastRemindedAt: inv.lastRemindedAt,
    };
  });

  const byType = filter.type ? all.filter((r) => r.typeKey === filter.type) : all;
  const rows = byType.filter((r) =>
    !filter.state ? true : filter.state === "not-submitted" ? r.state !== "submitted" : r.state === filter.state,
  );
  const counts = Object.fromEntries(TRACKING_STATES.map((s) => [s, byType.filter((r) => r.state === s).length])) as Record<TrackingState, number>;
  const emailFailed = byType.filter((r) => r.email?.state === "failed").length;
  return {
    round,
    rows,
    counts,
    emailFailed,
    totalInType: byType.length,
  };
}

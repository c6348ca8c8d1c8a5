/** Who has answered a round: one row per invited organisation, for the coordinator. */
import { db } from "~/modules/db/client.server";
import { deadlineOf } from "~/modules/response/respondent-round.server";

export type TrackingState = "invited" | "opened" | "drafting" | "submitted" | "withdrawn";

export async function roundTracking(roundId: string) {
  const round = await db().round.findUniqueOrThrow({
    where: { id: roundId },
    include: {
      invitations: {
        where: { revokedAt: null },
        include: {
          organisation: { include: { type: true } },
          links: { select: { firstOpenedAt: true } },
        },
        orderBy: { organisation: { name: "asc" } },
      },
      responses: { select: { organisationId: true, status: true, submittedAt: true, updatedAt: true, attribution: true } },
    },
  });
  const responses = new Map(round.responses.map((r) => [r.organisationId, r]));
  const rows = round.invitations.map((inv) => {
    const response = responses.get(inv.organisationId);
    const opened = inv.links.some((l) => l.firstOpenedAt);
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
      submittedAt: response?.submittedAt ?? null,
      deadline: deadlineOf(round, inv),
      extended: !!inv.extendedUntil,
    };
  });
  return { round, rows };
}

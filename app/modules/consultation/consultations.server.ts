import { db } from "~/modules/db/client.server";
import type { SessionUser } from "~/modules/auth/session.server";

/** The consultations a staff member may open: all for admins, else their memberships. */
export async function consultationsFor(user: SessionUser) {
  return db().consultation.findMany({
    where: user.isAdmin ? {} : { members: { some: { userId: user.id } } },
    orderBy: { createdAt: "desc" },
    include: {
      rounds: { orderBy: { number: "asc" }, select: { id: true, title: true, status: true, closesAt: true, timeZone: true } },
      _count: { select: { versions: true } },
    },
  });
}

export async function consultationOverview(consultationId: string) {
  const [consultation, submitted, worklist] = await Promise.all([
    db().consultation.findUniqueOrThrow({
      where: { id: consultationId },
      include: {
        versions: { orderBy: { number: "desc" }, include: { _count: { select: { sections: true } } } },
        rounds: {
          orderBy: { number: "asc" },
          include: {
            // What respondents see: invitations not revoked, questions not retired (a retired one was replaced).
            _count: { select: { invitations: { where: { revokedAt: null } }, questions: { where: { retiredAt: null } } } },
          },
        },
        members: { include: { user: { select: { name: true, email: true } } } },
      },
    }),
    // Counted in PostgreSQL: a round can hold thousands of responses.
    db().response.groupBy({ by: ["roundId"], where: { status: "SUBMITTED", round: { consultationId } }, _count: { _all: true } }),
    db().worklistItem.groupBy({ by: ["status"], where: { consultationId }, _count: { _all: true } }),
  ]);
  return {
    ...consultation,
    submittedByRound: new Map(submitted.map((g) => [g.roundId, g._count._all])),
    worklistByStatus: new Map(worklist.map((g) => [g.status, g._count._all])),
  };
}

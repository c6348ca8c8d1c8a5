import { db } from "~/modules/db/client.server";
import { forbidden, notFound, requireConsultationAccess } from "~/modules/auth/authorization.server";

/** The round must belong to the consultation in the URL, and the user must have access to it. */
export async function requireRoundAccess(request: Request, consultationId: string, roundId: string) {
  const access = await requireConsultationAccess(request, consultationId);
  const round = await db().round.findUnique({ where: { id: roundId }, include: { consultation: true } });
  if (!round || round.consultationId !== consultationId) notFound("No such round.");
  return { ...access, round };
}

/** For changes to a round: coordinators and admins only (analysts read), and not in an archived consultation. */
export async function requireRoundManager(request: Request, consultationId: string, roundId: string) {
  const access = await requireConsultationAccess(request, consultationId, { allowAnalyst: false });
  const round = await db().round.findUnique({ where: { id: roundId }, include: { consultation: true } });
  if (!round || round.consultationId !== consultationId) notFound("No such round.");
  if (round.consultation.archivedAt) forbidden("This consultation is archived: it is read-only.");
  return { ...access, round };
}

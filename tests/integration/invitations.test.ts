/**
 * Taking an organisation out of a round through the invitations page: allowed while it has
 * not submitted (its links stop working, audited); refused, with the reason, once it has a
 * submitted response, which would otherwise stay counted in the results but vanish from
 * tracking.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { action as invitationsAction } from "~/routes/consultations.$consultationId.rounds.$roundId.invitations";
import { seedDemo } from "../../prisma/seed/demo";
import { context, cookieFor, outcome, post } from "./route-helpers";

let coordinatorCookie: string;
let round: { id: string; consultationId: string };

const withdraw = (invitationId: string) =>
  outcome(() =>
    invitationsAction({
      request: post(`/consultations/${round.consultationId}/rounds/${round.id}/invitations`, { intent: "withdraw", id: invitationId }, coordinatorCookie),
      params: { consultationId: round.consultationId, roundId: round.id },
      context,
    }),
  );

async function invitationWhose(status: "SUBMITTED" | null) {
  const invitations = await db().invitation.findMany({ where: { roundId: round.id, revokedAt: null }, include: { organisation: true } });
  const responses = await db().response.findMany({ where: { roundId: round.id }, select: { organisationId: true, status: true } });
  const statusOf = new Map(responses.map((r) => [r.organisationId, r.status]));
  return invitations.find((i) => (statusOf.get(i.organisationId) ?? null) === status)!;
}

beforeAll(async () => {
  await seedDemo(db(), { appUrl: "http://localhost:3000" });
  round = await db().round.findFirstOrThrow({ where: { status: "OPEN" }, select: { id: true, consultationId: true } });
  const coordinator = await db().user.findUniqueOrThrow({ where: { email: "coordinator@consult.localhost" } });
  coordinatorCookie = await cookieFor(coordinator.id);
});

describe("withdrawing an invitation", () => {
  it("is refused once the organisation has submitted, saying why, and changes nothing", async () => {
    const invitation = await invitationWhose("SUBMITTED");
    const result = await withdraw(invitation.id);
    expect(result.status).toBe(409);
    expect(result.data.errors.form).toBe(
      `${invitation.organisation.name} has submitted a response, so it stays in the round and its answers count. Only the organisation can withdraw its response.`,
    );
    expect((await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "invitation.withdrawn", entityId: invitation.id } })).toBe(0);
  });

  it("takes out an organisation that has not answered: its invitation is revoked and the change audited", async () => {
    const invitation = await invitationWhose(null);
    const result = await withdraw(invitation.id);
    expect(result).toMatchObject({ status: 302, location: expect.stringContaining("done=withdraw") });
    expect((await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).not.toBeNull();
    expect(await db().auditEvent.count({ where: { action: "invitation.withdrawn", entityId: invitation.id } })).toBe(1);
  });
});

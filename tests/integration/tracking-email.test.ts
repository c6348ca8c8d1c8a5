/**
 * The tracking table's email column: a failure to one contact is not hidden by a colleague's
 * later delivery; it is shown as "email failed for N contact(s)" with the error in words, and
 * the state filter can show only those organisations. A revoked contact's failure no longer counts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { inviteOrganisations } from "~/modules/invitation/invitations.server";
import { roundTracking } from "~/modules/round/tracking.server";
import { loader as trackingLoader } from "~/routes/consultations.$consultationId.rounds.$roundId._index";
import { consultationWithRound } from "./round-fixture";
import { context, cookieFor, get, outcome } from "./route-helpers";

const DAY = 24 * 60 * 60_000;
const REFUSED = "ECONNECTION: connect ECONNREFUSED 127.0.0.1:2525";

let consultationId: string;
let roundId: string;
let cookie: string;

async function organisation(name: string, typeId: string, emails: string[]) {
  const users = await Promise.all(emails.map((email) => db().user.create({ data: { email, name: email.split("@")[0]! } })));
  return db().organisation.create({ data: { name, typeId, contacts: { create: users.map((u, i) => ({ userId: u.id, role: i === 0 ? "SUBMITTER" : "CONTRIBUTOR" })) } } });
}

/** Sets the email to this address: its status, error and when it was queued. */
async function emailTo(address: string, status: "SENT" | "FAILED" | "PENDING", minutesAgo: number, lastError: string | null = null) {
  const updated = await db().emailMessage.updateMany({
    where: { toAddress: address, invitationLink: { invitation: { roundId } } },
    data: { status, lastError, createdAt: new Date(Date.now() - minutesAgo * 60_000) },
  });
  expect(updated.count).toBe(1);
}

beforeAll(async () => {
  const lead = await db().user.create({ data: { email: "lead@tracking.example", name: "Lead" } });
  cookie = await cookieFor(lead.id);
  const fixture = await consultationWithRound({ slug: "tracking", title: "Tracking", members: [{ userId: lead.id, role: "COORDINATOR" }], round: { status: "OPEN" } });
  consultationId = fixture.consultation.id;
  roundId = fixture.round.id;
  await db().round.update({ where: { id: roundId }, data: { opensAt: new Date(Date.now() - DAY), openedAt: new Date(Date.now() - DAY), closesAt: new Date(Date.now() + 10 * DAY) } });
  const type = await db().stakeholderType.create({ data: { key: "state", label: "State", position: 1 } });
  const a = await organisation("Albania", type.id, ["focal@al.example", "second@al.example"]);
  const b = await organisation("Belgium", type.id, ["focal@be.example"]);
  const c = await organisation("Chile", type.id, ["focal@cl.example", "former@cl.example"]);
  const d = await organisation("Denmark", type.id, ["focal@dk.example", "second@dk.example"]);
  // The round is open: inviting emails every contact their link at once.
  const invited = await inviteOrganisations(lead.id, roundId, { audienceTypes: [], organisationIds: [a.id, b.id, c.id, d.id] });
  expect(invited.ok).toBe(true);

  await emailTo("focal@al.example", "FAILED", 30, REFUSED); // the failure ...
  await emailTo("second@al.example", "SENT", 10); // ... and a colleague's later delivery
  await emailTo("focal@be.example", "SENT", 20);
  await emailTo("focal@cl.example", "SENT", 20);
  await emailTo("former@cl.example", "FAILED", 5, "EENVELOPE: 550 5.1.1 No such user");
  await db().invitationLink.updateMany({ where: { contact: { user: { email: "former@cl.example" } } }, data: { revokedAt: new Date() } });
  await emailTo("focal@dk.example", "FAILED", 20, "EENVELOPE: 550 5.1.1 No such user");
  await emailTo("second@dk.example", "FAILED", 15, REFUSED);
});

describe("the tracking table's email column", () => {
  it("shows a failure to one contact even after a colleague's delivery, with the count and the errors", async () => {
    const { rows, emailFailed } = await roundTracking(roundId);
    const email = (name: string) => rows.find((r) => r.organisation === name)!.email;
    expect(email("Albania")).toMatchObject({ state: "failed", failedContacts: 1, errors: [REFUSED] });
    expect(email("Belgium")).toMatchObject({ state: "delivered", failedContacts: 0, errors: [] });
    expect(email("Chile")).toMatchObject({ state: "delivered", failedContacts: 0 }); // the failure was to a revoked contact
    expect(email("Denmark")).toMatchObject({ state: "failed", failedContacts: 2, errors: ["ECONNECTION: connect ECONNREFUSED 127.0.0.1:2525", "EENVELOPE: 550 5.1.1 No such user"] });
    expect(emailFailed).toBe(2);
  });

  it("filters on \"email failed\", and gives the page the error in words", async () => {
    const page = await outcome(() =>
      trackingLoader({ request: get(`/consultations/${consultationId}/rounds/${roundId}?state=email-failed`, cookie), params: { consultationId, roundId }, context }),
    );
    expect(page.status).toBe(200);
    expect(page.data.filter.state).toBe("email-failed");
    expect(page.data.rows.map((r: { organisation: string }) => r.organisation)).toEqual(["Albania", "Denmark"]);
    expect(page.data.emailFailed).toBe(2);
    const albania = page.data.rows[0].email;
    expect(albania).toEqual({
      state: "failed",
      failedContacts: 1,
      errors: ["The mail server could not be reached: check SMTP_URL and that the server runs; messages are retried automatically."],
    });
    expect(page.data.rows[1].email.errors).toHaveLength(2);
  });
});

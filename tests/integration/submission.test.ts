/**
 * Submitting and withdrawing through the real review, submitted and withdraw routes: only
 * submitters submit (a contributor's forged post is a 403 and stores nothing), a replayed
 * submit key stores one version, every version is kept, a withdrawal keeps the answers as a
 * draft and can be followed by a new submission; bad input is a 400 or a 404.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { readOutbox } from "~/modules/mail/outbox.server";
import { action as reviewAction, loader as reviewLoader } from "~/routes/respond.$invitationId.review";
import { loader as submittedLoader } from "~/routes/respond.$invitationId.submitted";
import { action as withdrawAction, loader as withdrawLoader } from "~/routes/respond.$invitationId.withdraw";
import { seedDemo } from "../../prisma/seed/demo";
import { answerQuestions, organisationInRound } from "./response-helpers";
import { context, get, outcome, post } from "./route-helpers";

type Org = Awaited<ReturnType<typeof organisationInRound>>;
let sudan: Org; // a submitter and a contributor; nothing answered in the demo
let afghanistan: Org;

const review = (org: Org, cookie: string) =>
  outcome(() => reviewLoader({ request: get(`/respond/${org.invitationId}/review`, cookie), params: { invitationId: org.invitationId }, context }));
const submit = (org: Org, cookie: string, fields: Record<string, string>, invitationId = org.invitationId) =>
  outcome(() => reviewAction({ request: post(`/respond/${invitationId}/review`, fields, cookie), params: { invitationId }, context }));
const withdrawPage = (org: Org, cookie: string) =>
  outcome(() => withdrawLoader({ request: get(`/respond/${org.invitationId}/withdraw`, cookie), params: { invitationId: org.invitationId }, context }));
const withdraw = (org: Org, cookie: string) =>
  outcome(() => withdrawAction({ request: post(`/respond/${org.invitationId}/withdraw`, {}, cookie), params: { invitationId: org.invitationId }, context }));

async function state(org: Org) {
  const response = await db().response.findUnique({
    where: { roundId_organisationId: { roundId: org.roundId, organisationId: org.organisationId } },
    include: { submissions: { orderBy: { number: "asc" } }, answers: true },
  });
  if (!response) return null;
  return {
    response,
    receipts: await db().saveReceipt.count({ where: { responseId: response.id } }),
    audits: await db().auditEvent.findMany({ where: { entityId: response.id }, orderBy: { at: "asc" } }),
    emails: await readOutbox(db(), { where: { template: "submission-receipt", toAddress: org.submitter.email }, orderBy: { createdAt: "asc" } }),
  };
}

beforeAll(async () => {
  await seedDemo(db(), { appUrl: "http://localhost:3000" });
  sudan = await organisationInRound("South Sudan");
  afghanistan = await organisationInRound("Afghanistan");
});

describe("who may submit", () => {
  it("shows a contributor the answers, names the submitter, and offers no submit form", async () => {
    const page = await review(sudan, sudan.contributor!.cookie);
    expect(page.status).toBe(200);
    expect(page.data.canSubmit).toBe(false);
    expect(page.data.submitters).toEqual([sudan.submitter.name]);
    expect(page.data.sections.length).toBeGreaterThan(0);
  });

  it("refuses a contributor's forged submit with 403 and stores nothing", async () => {
    await answerQuestions(sudan.invitationId, sudan.contributor!.id);
    const before = await state(sudan);
    const result = await submit(sudan, sudan.contributor!.cookie, { attribution: "PUBLIC", consent: "yes", submitKey: "forged-key-0001" });
    expect(result.status).toBe(403);
    const after = await state(sudan);
    expect(after!.response.status).toBe("DRAFT");
    expect(after!.response.submissions).toHaveLength(0);
    expect(after!.receipts).toBe(0);
    expect(after!.audits.length).toBe(before!.audits.length);
    expect(after!.emails).toHaveLength(0);
    // The withdraw page and its post are the submitter's too.
    expect((await withdrawPage(sudan, sudan.contributor!.cookie)).status).toBe(403);
    expect((await withdraw(sudan, sudan.contributor!.cookie)).status).toBe(403);
  });

  it("is not found (404) through a forged invitation id or another organisation's invitation", async () => {
    expect((await submit(sudan, sudan.submitter.cookie, { attribution: "PUBLIC" }, "no-such-invitation")).status).toBe(404);
    expect((await submit(sudan, afghanistan.submitter.cookie, { attribution: "PUBLIC" })).status).toBe(404);
    expect((await review(sudan, afghanistan.submitter.cookie)).status).toBe(404);
    expect((await withdrawPage(sudan, afghanistan.submitter.cookie)).status).toBe(404);
    expect((await state(sudan))!.response.submissions).toHaveLength(0);
  });
});

describe("bad input", () => {
  it("refuses an unknown attribution with 400 and sends back what was chosen", async () => {
    const result = await submit(sudan, sudan.submitter.cookie, { attribution: "EVERYONE", consent: "yes", submitKey: "bad-attribution-1" });
    expect(result.status).toBe(400);
    expect(result.data.errors.attribution).toBe("error.attribution");
    expect(result.data.values).toMatchObject({ attribution: "EVERYONE", consent: "yes" });
    expect((await state(sudan))!.response.submissions).toHaveLength(0);
  });

  it("refuses a submit with required answers missing (400) and lists them on the page", async () => {
    const result = await submit(afghanistan, afghanistan.submitter.cookie, { attribution: "PUBLIC", submitKey: "missing-answers-1" });
    expect(result.status).toBe(400);
    const page = await review(afghanistan, afghanistan.submitter.cookie);
    expect(page.data.missing.length).toBeGreaterThan(0);
    expect(result.data.errors.form).toBe(`${page.data.missing.length} required questions are not answered yet: see the list above.`);
    expect(page.data.missing[0].href).toMatch(new RegExp(`^/respond/${afghanistan.invitationId}/sections/[^#]+#field-`));
    expect(await state(afghanistan)).toBeNull();
  });
});

describe("submitting, replaying, resubmitting, withdrawing", () => {
  it("stores one submission for a replayed submit key, even when the replays arrive together", async () => {
    const page = await review(sudan, sudan.submitter.cookie);
    expect(page.data.canSubmit).toBe(true);
    expect(page.data.missing).toEqual([]);
    const key = page.data.submitKey as string;
    expect(key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);

    const fields = { attribution: "TYPE_ONLY", consent: "yes", submitKey: key };
    const first = await submit(sudan, sudan.submitter.cookie, fields);
    expect(first).toMatchObject({ status: 302, location: `/respond/${sudan.invitationId}/submitted` });
    const replays = await Promise.all([1, 2, 3].map(() => submit(sudan, sudan.submitter.cookie, fields)));
    expect(replays.map((r) => r.status)).toEqual([302, 302, 302]);

    const s = await state(sudan);
    expect(s!.response).toMatchObject({ status: "SUBMITTED", attribution: "TYPE_ONLY", consentToPublish: true, submittedById: sudan.submitter.id });
    expect(s!.response.submissions.map((v) => v.number)).toEqual([1]);
    expect(s!.receipts).toBe(1);
    expect(s!.audits.filter((a) => a.action === "response.submitted")).toHaveLength(1);
    expect(s!.emails).toHaveLength(1);
    expect(s!.emails[0]!.text).toContain("version 1");

    const submitted = await outcome(() =>
      submittedLoader({ request: get(`/respond/${sudan.invitationId}/submitted`, sudan.submitter.cookie), params: { invitationId: sudan.invitationId }, context }),
    );
    expect(submitted.data).toMatchObject({ number: 1, earlier: [], email: sudan.submitter.email });
  });

  it("keeps both versions when the response is changed and submitted again with a new key", async () => {
    const firstSnapshot = (await state(sudan))!.response.submissions[0]!.answers;
    await answerQuestions(sudan.invitationId, sudan.contributor!.id, { all: true, text: "A second thought." });
    const page = await review(sudan, sudan.submitter.cookie);
    expect(page.data.attribution).toBe("TYPE_ONLY"); // a resubmission starts from the last choice
    const result = await submit(sudan, sudan.submitter.cookie, { attribution: "PUBLIC", submitKey: page.data.submitKey });
    expect(result.status).toBe(302);

    const s = await state(sudan);
    expect(s!.response.submissions.map((v) => [v.number, v.attribution, v.consentToPublish])).toEqual([
      [1, "TYPE_ONLY", true],
      [2, "PUBLIC", false],
    ]);
    expect(s!.response.submissions[0]!.answers).toEqual(firstSnapshot);
    expect(JSON.stringify(s!.response.submissions[1]!.answers)).toContain("A second thought.");

    const after = await review(sudan, sudan.submitter.cookie);
    expect(after.data.latest.number).toBe(2);
    expect(after.data.versions.map((v: { number: number; by: string }) => [v.number, v.by])).toEqual([
      [2, sudan.submitter.name],
      [1, sudan.submitter.name],
    ]);
    const submitted = await outcome(() =>
      submittedLoader({ request: get(`/respond/${sudan.invitationId}/submitted`, sudan.submitter.cookie), params: { invitationId: sudan.invitationId }, context }),
    );
    expect(submitted.data.number).toBe(2);
    expect(submitted.data.earlier.map((v: { number: number }) => v.number)).toEqual([1]);
  });

  it("withdraws after a confirmation page, audited, keeping the answers as a draft; then submits again", async () => {
    const confirm = await withdrawPage(sudan, sudan.submitter.cookie);
    expect(confirm.status).toBe(200);
    expect(confirm.data.canWithdraw).toBe(true);
    expect((await state(sudan))!.response.status).toBe("SUBMITTED"); // the page itself changes nothing

    const answersBefore = (await state(sudan))!.response.answers.length;
    const result = await withdraw(sudan, sudan.submitter.cookie);
    expect(result).toMatchObject({ status: 302, location: `/respond/${sudan.invitationId}/review?done=withdrawn` });
    // A replayed withdrawal changes nothing more.
    expect((await withdraw(sudan, sudan.submitter.cookie)).status).toBe(302);

    let s = await state(sudan);
    expect(s!.response.status).toBe("WITHDRAWN");
    expect(s!.response.withdrawnAt).not.toBeNull();
    expect(s!.response.answers).toHaveLength(answersBefore);
    expect(s!.response.submissions).toHaveLength(2);
    const withdrawn = s!.audits.filter((a) => a.action === "response.withdrawn");
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]).toMatchObject({ actorId: sudan.submitter.id, consultationId: sudan.consultationId });
    const notices = await db().emailMessage.findMany({ where: { template: "withdrawal-receipt", toAddress: sudan.submitter.email } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subject).toBe(`Withdrawn: response from South Sudan to ${(await db().round.findUniqueOrThrow({ where: { id: sudan.roundId } })).title}`);

    const page = await review(sudan, sudan.submitter.cookie);
    expect(page.data.status).toBe("WITHDRAWN");
    expect(page.data.withdrawnText).toBeTruthy();
    expect(page.data.done).toBe(null);
    const gone = await outcome(() =>
      submittedLoader({ request: get(`/respond/${sudan.invitationId}/submitted`, sudan.submitter.cookie), params: { invitationId: sudan.invitationId }, context }),
    );
    expect(gone.status).toBe(404);
    expect((await withdrawPage(sudan, sudan.submitter.cookie)).data.canWithdraw).toBe(false);

    const again = await submit(sudan, sudan.submitter.cookie, { attribution: "CONFIDENTIAL", submitKey: page.data.submitKey });
    expect(again.status).toBe(302);
    s = await state(sudan);
    expect(s!.response).toMatchObject({ status: "SUBMITTED", attribution: "CONFIDENTIAL", withdrawnAt: null });
    expect(s!.response.submissions.map((v) => v.number)).toEqual([1, 2, 3]);
  });
});

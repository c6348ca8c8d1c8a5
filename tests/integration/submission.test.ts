/**
 * Submitting and withdrawing through the real review, submitted and withdraw routes: only
 * submitters submit (a contributor's forged post is a 403 and stores nothing), a replayed
 * submit key stores one version, every version is kept, a withdrawal keeps the answers as a
 * draft and can be followed by a new submission; bad input is a 400 or a 404.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { readOutbox } from "~/modules/mail/outbox.server";
import { loadRespondentRound } from "~/modules/response/respondent-round.server";
import { currentRevisions, saveAnswers } from "~/modules/response/save.server";
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
    // The copy of the answers numbers the questions as the section pages do (decision 016).
    const questions = (await loadRespondentRound(sudan.invitationId)).sections.flatMap((x) => x.questions);
    expect(s!.emails[0]!.text).toContain(`1. ${questions[0]!.prompt}`);
    expect(s!.emails[0]!.text).toContain(`${questions.length}. ${questions.at(-1)!.prompt}`);

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

describe("changes after submitting", () => {
  const choiceCount = async (questionId: string, option: string) =>
    Number((await db().$queryRaw<Array<{ n: bigint }>>`SELECT coalesce(sum(count), 0) AS n FROM "ResultTally" WHERE "questionId" = ${questionId} AND option = ${option}`)[0]!.n);

  it("wait as drafts: the coordinators keep the submitted answers and counts until the organisation submits again", async () => {
    const round = await loadRespondentRound(sudan.invitationId);
    expect(round.response?.status).toBe("SUBMITTED");
    const questions = round.sections.flatMap((s) => s.questions);
    const written = questions.find((q) => q.type === "LONG_TEXT" && round.answers.has(q.id))!;
    const choice = questions.find((q) => q.type === "AGREEMENT" && round.answers.has(q.id))!;
    const before = await db().answer.findMany({ where: { responseId: round.response!.id, questionId: { in: [written.id, choice.id] } } });
    const submittedText = before.find((a) => a.questionId === written.id)!.text;
    const submittedChoice = before.find((a) => a.questionId === choice.id)!.choices[0]!;
    const otherChoice = choice.options.find((o) => o.id !== submittedChoice)!.id;
    await db().answer.updateMany({ where: { responseId: round.response!.id, questionId: written.id }, data: { reviewedAt: new Date() } });
    const counted = await choiceCount(choice.id, submittedChoice);
    const revisions = await currentRevisions(round, [written.id, choice.id]);
    const scope = { roundId: sudan.roundId, organisationId: sudan.organisationId, consultationId: sudan.consultationId, responseId: round.response!.id };

    const saved = await saveAnswers({
      scope,
      userId: sudan.contributor!.id,
      values: new Map([[written.id, { choices: [], text: "Edited after submission." }], [choice.id, { choices: [otherChoice], text: null }]]),
      baseRevisions: revisions,
    });
    expect(saved.stored.sort()).toEqual([written.id, choice.id].sort());

    // What the coordinators read is unchanged...
    const answers = await db().answer.findMany({ where: { responseId: round.response!.id, questionId: { in: [written.id, choice.id] } } });
    expect(answers.find((a) => a.questionId === written.id)!.text).toBe(submittedText);
    expect(answers.find((a) => a.questionId === choice.id)!.choices).toEqual([submittedChoice]);
    expect(await choiceCount(choice.id, submittedChoice)).toBe(counted);
    // ...while the organisation's writers see their change, and the review page says it is not sent yet.
    const mine = await loadRespondentRound(sudan.invitationId);
    expect(mine.answers.get(written.id)?.text).toBe("Edited after submission.");
    expect(mine.answers.get(choice.id)?.choices).toEqual([otherChoice]);
    expect((await review(sudan, sudan.submitter.cookie)).data.unsubmittedChanges).toBe(2);

    // A colleague's save based on the submitted revision meets the draft, not the submitted text.
    const stale = await saveAnswers({
      scope,
      userId: sudan.submitter.id,
      values: new Map([[written.id, { choices: [], text: "Written from an old page." }]]),
      baseRevisions: revisions,
    });
    expect(stale.conflicts.map((c) => [c.questionId, c.theirs.text])).toEqual([[written.id, "Edited after submission."]]);

    const page = await review(sudan, sudan.submitter.cookie);
    expect((await submit(sudan, sudan.submitter.cookie, { attribution: "CONFIDENTIAL", submitKey: page.data.submitKey })).status).toBe(302);
    const after = await db().answer.findMany({ where: { responseId: round.response!.id, questionId: { in: [written.id, choice.id] } } });
    const text = after.find((a) => a.questionId === written.id)!;
    expect(text.text).toBe("Edited after submission.");
    expect(text.reviewedAt).toBeNull(); // the analyst reviewed other words
    expect(after.find((a) => a.questionId === choice.id)!.choices).toEqual([otherChoice]);
    expect(await choiceCount(choice.id, submittedChoice)).toBe(counted - 1);
    expect(await db().answerDraft.count({ where: { responseId: round.response!.id } })).toBe(0);
    const latest = (await state(sudan))!.response.submissions.at(-1)!;
    expect(JSON.stringify(latest.answers)).toContain("Edited after submission.");
    expect((await review(sudan, sudan.submitter.cookie)).data.unsubmittedChanges).toBe(0);
  });

  it("become the draft's answers when the response is withdrawn", async () => {
    const round = await loadRespondentRound(sudan.invitationId);
    const written = round.sections.flatMap((s) => s.questions).find((q) => q.type === "LONG_TEXT" && round.answers.has(q.id))!;
    await saveAnswers({
      scope: { roundId: sudan.roundId, organisationId: sudan.organisationId, consultationId: sudan.consultationId, responseId: round.response!.id },
      userId: sudan.submitter.id,
      values: new Map([[written.id, { choices: [], text: "Changed, then withdrawn." }]]),
      baseRevisions: await currentRevisions(round, [written.id]),
    });
    expect((await withdraw(sudan, sudan.submitter.cookie)).status).toBe(302);
    const answer = await db().answer.findUniqueOrThrow({ where: { responseId_questionId: { responseId: round.response!.id, questionId: written.id } } });
    expect(answer.text).toBe("Changed, then withdrawn.");
    expect(await db().answerDraft.count({ where: { responseId: round.response!.id } })).toBe(0);
    // A withdrawn response is a draft again: saves write its answers directly.
    expect((await loadRespondentRound(sudan.invitationId)).answers.get(written.id)?.text).toBe("Changed, then withdrawn.");
  });
});

describe("the review page", () => {
  it("shows a proposed wording as its changes to the section, not the whole section again", async () => {
    const round = await loadRespondentRound(afghanistan.invitationId);
    const section = round.sections.find((s) => s.questions.some((q) => q.type === "PROPOSED_WORDING"))!;
    const question = section.questions.find((q) => q.type === "PROPOSED_WORDING")!;
    const words = section.body.split(" ");
    const wording = [...words.slice(0, 3), "(with survivors' organisations)", ...words.slice(3)].join(" ");
    const response = await answerQuestions(afghanistan.invitationId, afghanistan.submitter.id);
    await db().answer.upsert({
      where: { responseId_questionId: { responseId: response.id, questionId: question.id } },
      create: { responseId: response.id, questionId: question.id, text: wording },
      update: { text: wording },
    });
    const page = await review(afghanistan, afghanistan.submitter.cookie);
    const shown = page.data.sections.flatMap((s: { questions: unknown[] }) => s.questions).find((q: { id: string }) => q.id === question.id);
    expect(shown.answered).toBe(true);
    expect(shown.answer).toBe("");
    expect(shown.wording.filter((p: { kind: string }) => p.kind !== "same")).toEqual([{ kind: "ins", text: "(with survivors' organisations) " }]);
  });
});

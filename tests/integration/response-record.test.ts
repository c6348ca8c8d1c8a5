/**
 * Every submitted version is kept whole, its files included, and the coordinators can read it:
 * a file removed after a submission stays stored for that version (and downloadable by the
 * coordinators), a file never submitted is deleted for real; the review page says when files
 * changed since the last submission; the coordinators' page of one organisation's response
 * shows each version's answers and files; analysts and other consultations' staff get none of it.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { loader as downloadLoader } from "~/routes/attachments.$attachmentId";
import { loader as trackingLoader } from "~/routes/consultations.$consultationId.rounds.$roundId._index";
import { loader as recordLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.responses.$organisationId";
import { action as removeAction } from "~/routes/respond.$invitationId.attachments.$attachmentId.remove";
import { action as attachAction } from "~/routes/respond.$invitationId.attachments._index";
import { action as reviewAction, loader as reviewLoader } from "~/routes/respond.$invitationId.review";
import { seedDemo } from "../../prisma/seed/demo";
import { answerQuestions, organisationInRound, upload } from "./response-helpers";
import { context, cookieForEmail, get, outcome, post } from "./route-helpers";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));

type Org = Awaited<ReturnType<typeof organisationInRound>>;
let iraq: Org;
let coordinator: string;

const attach = async (name: string, file: string) => {
  const result = await outcome(() =>
    attachAction({ request: upload(`/respond/${iraq.invitationId}/attachments`, { name, content: fixture(file) }, iraq.submitter.cookie), params: { invitationId: iraq.invitationId }, context }),
  );
  expect(result.status).toBe(302);
  return db().attachment.findFirstOrThrow({ where: { filename: name, response: { organisationId: iraq.organisationId, roundId: iraq.roundId } } });
};
const remove = (attachmentId: string) =>
  outcome(() =>
    removeAction({ request: post(`/respond/${iraq.invitationId}/attachments/${attachmentId}/remove`, {}, iraq.submitter.cookie), params: { invitationId: iraq.invitationId, attachmentId }, context }),
  );
const submit = async (key: string) => {
  const result = await outcome(() =>
    reviewAction({ request: post(`/respond/${iraq.invitationId}/review`, { attribution: "CONFIDENTIAL", consent: "yes", submitKey: key }, iraq.submitter.cookie), params: { invitationId: iraq.invitationId }, context }),
  );
  expect(result.status).toBe(302);
};
const reviewData = async () =>
  (await outcome(() => reviewLoader({ request: get(`/respond/${iraq.invitationId}/review`, iraq.submitter.cookie), params: { invitationId: iraq.invitationId }, context }))).data;
const recordPage = (cookie: string, query = "", organisationId = iraq.organisationId) =>
  outcome(() =>
    recordLoader({
      request: get(`/consultations/${iraq.consultationId}/rounds/${iraq.roundId}/responses/${organisationId}${query}`, cookie),
      params: { consultationId: iraq.consultationId, roundId: iraq.roundId, organisationId },
      context,
    }),
  );
const download = async (id: string, cookie: string) =>
  (await outcome(() => downloadLoader({ request: get(`/attachments/${id}`, cookie), params: { attachmentId: id }, context }))).status;
const answerTexts = (page: { shown: { answers: Array<{ questions: Array<{ text: string | null }> }> } }) =>
  page.shown.answers.flatMap((g) => g.questions.map((q) => q.text)).filter(Boolean);

beforeAll(async () => {
  await seedDemo(db(), { appUrl: "http://localhost:3000" });
  iraq = await organisationInRound("Iraq");
  coordinator = await cookieForEmail("coordinator@consult.localhost");
});

describe("submitted versions keep their files", () => {
  it("keeps a file removed after a submission for that version, tells the organisation, and sends the new set with the next", async () => {
    await answerQuestions(iraq.invitationId, iraq.submitter.id, { all: true, text: "Our first answer." });
    const letter = await attach("Signed letter.pdf", "letter.pdf");
    await submit("record-v1");

    // Removed after version 1: gone from the response's list, kept for version 1.
    expect((await remove(letter.id)).status).toBe(302);
    expect(await db().attachment.findUnique({ where: { id: letter.id } })).toMatchObject({ removedAt: expect.any(Date) });
    let review = await reviewData();
    expect(review.attachments.map((a: { filename: string }) => a.filename)).toEqual([]);
    expect(review.unsubmittedFiles).toBe(true);

    const figures = await attach("figures.xlsx", "figures.xlsx");
    await answerQuestions(iraq.invitationId, iraq.submitter.id, { all: true, text: "Our revised answer." });
    await submit("record-v2");
    review = await reviewData();
    expect(review.unsubmittedFiles).toBe(false);

    const versions = await db().responseSubmission.findMany({ where: { response: { organisationId: iraq.organisationId, roundId: iraq.roundId } }, orderBy: { number: "asc" } });
    expect(versions.map((v) => v.attachmentIds)).toEqual([[letter.id], [figures.id]]);
  });

  it("deletes for real a file that no submitted version names", async () => {
    const chart = await attach("chart.png", "chart.png");
    expect((await reviewData()).unsubmittedFiles).toBe(true);
    expect((await remove(chart.id)).status).toBe(302);
    expect(await db().attachment.findUnique({ where: { id: chart.id } })).toBeNull();
    expect((await reviewData()).unsubmittedFiles).toBe(false);
  });
});

describe("the coordinators' page of one response", () => {
  it("shows the latest version's answers and files, and any earlier version on request", async () => {
    const latest = await recordPage(coordinator);
    expect(latest.status).toBe(200);
    expect(latest.data.organisation.name).toBe("Iraq");
    expect(latest.data.status).toBe("SUBMITTED");
    expect(latest.data.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(latest.data.versions[0].attribution).toMatch(/^Confidential/);
    expect(latest.data.shown.number).toBe(2);
    expect(latest.data.shown.attachments.map((a: { filename: string }) => a.filename)).toEqual(["figures.xlsx"]);
    expect(answerTexts(latest.data)).toContain("Our revised answer.");
    expect(answerTexts(latest.data)).not.toContain("Our first answer.");

    const first = await recordPage(coordinator, "?version=1");
    expect(first.data.shown.number).toBe(1);
    expect(first.data.shown.attachments.map((a: { filename: string }) => a.filename)).toEqual(["Signed letter.pdf"]);
    expect(answerTexts(first.data)).toContain("Our first answer.");
    // The removed letter is still there for the version that carried it.
    expect(await download(first.data.shown.attachments[0].id, coordinator)).toBe(200);

    const unknown = await recordPage(coordinator, "?version=9");
    expect(unknown.data.shown.number).toBe(2);
    expect(unknown.data.unknownVersion).toBe("9");
  });

  it("shows choices by their labels, never option ids", async () => {
    const page = await recordPage(coordinator);
    const choices = page.data.shown.answers.flatMap((g: { questions: Array<{ choices: string[] }> }) => g.questions.flatMap((q) => q.choices));
    expect(choices.length).toBeGreaterThan(0);
    const optionIds = (await db().question.findMany({ where: { roundId: iraq.roundId } })).flatMap((q) => ((q.options as Array<{ id: string }> | null) ?? []).map((o) => o.id));
    for (const label of choices) expect(optionIds).not.toContain(label);
    // Numbered as the respondent saw them (decision 016).
    const numbers = page.data.shown.answers.flatMap((g: { questions: Array<{ number: number | null }> }) => g.questions.map((q) => q.number));
    expect(numbers).toEqual(numbers.map((_: unknown, i: number) => i + 1));
    expect(page.data.shown.answers.at(-1).heading).toBe("The document as a whole");
  });

  it("says a draft is the organisation's own and shows none of it", async () => {
    const chad = await organisationInRound("Chad");
    await answerQuestions(chad.invitationId, chad.submitter.id, { text: "A private draft." });
    const page = await recordPage(coordinator, "", chad.organisationId);
    expect(page.status).toBe(200);
    expect(page.data.status).toBe("DRAFT");
    expect(page.data.shown).toBeNull();
    expect(JSON.stringify(page.data)).not.toContain("A private draft.");
  });

  it("is for coordinators: analysts 403 (and no organisation rows on the tracking page), other consultations' staff and unknown organisations 404", async () => {
    const analyst = await cookieForEmail("analyst@consult.localhost");
    expect((await recordPage(analyst)).status).toBe(403);
    const letterId = (await db().responseSubmission.findFirstOrThrow({ where: { number: 1, response: { organisationId: iraq.organisationId, roundId: iraq.roundId } } })).attachmentIds[0]!;
    expect(await download(letterId, analyst)).toBe(404);

    const other = await db().user.create({ data: { email: "lead@record.example", name: "Other lead" } });
    await db().consultation.create({ data: { slug: "record-elsewhere", title: "Elsewhere", members: { create: { userId: other.id, role: "COORDINATOR" } } } });
    expect((await recordPage(await cookieForEmail("lead@record.example"))).status).toBe(404);
    expect((await recordPage(coordinator, "", "no-such-organisation")).status).toBe(404);
    expect((await recordPage(iraq.submitter.cookie)).status).toBe(404);

    const tracking = async (cookie: string) =>
      (await outcome(() => trackingLoader({ request: get(`/consultations/${iraq.consultationId}/rounds/${iraq.roundId}`, cookie), params: { consultationId: iraq.consultationId, roundId: iraq.roundId }, context }))).data;
    const rowFor = (data: { rows: Array<{ organisation: string; responseHref: string | null }> }) => data.rows.find((r) => r.organisation === "Iraq")!;
    expect(rowFor(await tracking(coordinator)).responseHref).toBe(`responses/${iraq.organisationId}`);
    // Analysts see the rates by type, not the organisations' rows.
    const analystView = await tracking(analyst);
    expect(analystView.organisationsHidden).toBe(true);
    expect(analystView.rows).toEqual([]);
    expect(analystView.rates.overall.submitted).toBeGreaterThan(0);
  });
});

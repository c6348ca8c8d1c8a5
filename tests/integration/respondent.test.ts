/**
 * The respondent's side on the demo consultation, through the real route loaders and actions:
 * a contact reaches only their own organisation's invitation; contributors draft, the
 * submitter submits (required answers first); every submitted version is kept; a closed
 * round stores nothing but keeps what was typed; extensions reopen it for one organisation;
 * staff pages are for the consultation's own team.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { readOutbox } from "~/modules/mail/outbox.server";
import { fieldName, type FormQuestion } from "~/modules/questionnaire/questions";
import { loadRespondentRound, type RespondentSection } from "~/modules/response/respondent-round.server";
import { loader as consultationsLoader } from "~/routes/consultations._index";
import { loader as consultationLayoutLoader } from "~/routes/consultations.$consultationId";
import { loader as consultationLoader } from "~/routes/consultations.$consultationId._index";
import { loader as roundLoader } from "~/routes/consultations.$consultationId.rounds.$roundId._index";
import { loader as resultsLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.results";
import { loader as contentsLoader } from "~/routes/respond.$invitationId._index";
import { action as reviewAction, loader as reviewLoader } from "~/routes/respond.$invitationId.review";
import { action as sectionAction, loader as sectionLoader } from "~/routes/respond.$invitationId.sections.$sectionKey";
import { loader as submittedLoader } from "~/routes/respond.$invitationId.submitted";
import { seedDemo } from "../../prisma/seed/demo";
import { context, cookieFor, cookieForEmail, get, outcome, post } from "./route-helpers";

const LAO = "Lao People's Democratic Republic";
const LAO_SUBMITTER = "focalpoint@laopdr.example";
const LAO_CONTRIBUTOR = "va@nra.laopdr.example";
const ALBANIA = "Albania"; // has a submitted response in the demo
const CHAD = "Chad"; // has not started
const CHAD_SUBMITTER = "pointfocal@hcnd.tchad.example";

let consultationId: string;
let roundId: string;
let laoInvitation: string;
let albaniaInvitation: string;
let chadInvitation: string;
let sections: RespondentSection[];
const cookies = {} as Record<"laoSubmitter" | "laoContributor" | "chadSubmitter" | "coordinator" | "analyst" | "otherCoordinator", string>;
let otherConsultationId: string;

async function invitationOf(organisation: string) {
  return (await db().invitation.findFirstOrThrow({ where: { roundId, organisation: { name: organisation } } })).id;
}

/** A plausible answer for any question, as the form posts it. */
function answerFor(q: FormQuestion, text = "Our considered answer."): string | string[] {
  switch (q.type) {
    case "AGREEMENT":
      return "agree";
    case "YES_NO":
      return "yes";
    case "SINGLE_CHOICE":
      return q.options[0]!.id;
    case "MULTIPLE_CHOICE":
      return [q.options[0]!.id, q.options[1]!.id];
    default:
      return text;
  }
}

function answersForm(section: RespondentSection, text?: string) {
  return Object.fromEntries(section.questions.map((q) => [fieldName(q.id), answerFor(q, text)]));
}

const sectionByKey = (key: string) => sections.find((s) => s.key === key)!;
const sectionPath = (invitationId: string, key: string) => `/respond/${invitationId}/sections/${key}`;

function saveSection(cookie: string | undefined, invitationId: string, key: string, fields: Record<string, string | string[]>) {
  return outcome(() =>
    sectionAction({ request: post(sectionPath(invitationId, key), fields, cookie), params: { invitationId, sectionKey: key }, context }),
  );
}

function submit(cookie: string | undefined, invitationId: string, fields: Record<string, string> = { attribution: "TYPE_ONLY", consent: "yes" }) {
  return outcome(() => reviewAction({ request: post(`/respond/${invitationId}/review`, fields, cookie), params: { invitationId }, context }));
}

/** Everything stored about an organisation's response, to check that nothing changed. */
async function responseState(organisation: string) {
  const response = await db().response.findFirst({
    where: { roundId, organisation: { name: organisation } },
    include: { answers: { orderBy: { questionId: "asc" } }, submissions: { orderBy: { number: "asc" } } },
  });
  if (!response) return null;
  const audit = await db().auditEvent.count({ where: { entityId: response.id } });
  return {
    status: response.status,
    updatedAt: response.updatedAt.toISOString(),
    submittedAt: response.submittedAt?.toISOString() ?? null,
    answers: response.answers.map((a) => ({ q: a.questionId, choices: a.choices, text: a.text, revision: a.revision, updatedById: a.updatedById })),
    submissions: response.submissions.map((s) => ({ number: s.number, answers: s.answers })),
    audit,
  };
}

/** The stored answers as the organisation's writers see them (a change made after submitting waits as a draft). */
async function storedAnswers(organisation: string) {
  const response = await db().response.findFirstOrThrow({ where: { roundId, organisation: { name: organisation } }, include: { answers: true, answerDrafts: true } });
  const byQuestion = new Map<string, { choices: string[]; text: string | null; revision: number; updatedById: string | null }>(response.answers.map((a) => [a.questionId, a]));
  for (const d of response.answerDrafts) byQuestion.set(d.questionId, d);
  return { response, byQuestion };
}

beforeAll(async () => {
  await seedDemo(db(), { appUrl: "http://localhost:3000" });
  const round = await db().round.findFirstOrThrow({ where: { status: "OPEN" } });
  roundId = round.id;
  consultationId = round.consultationId;
  laoInvitation = await invitationOf(LAO);
  albaniaInvitation = await invitationOf(ALBANIA);
  chadInvitation = await invitationOf(CHAD);
  sections = (await loadRespondentRound(laoInvitation)).sections;

  cookies.laoSubmitter = await cookieForEmail(LAO_SUBMITTER);
  cookies.laoContributor = await cookieForEmail(LAO_CONTRIBUTOR);
  cookies.chadSubmitter = await cookieForEmail(CHAD_SUBMITTER);
  cookies.coordinator = await cookieForEmail("coordinator@consult.localhost");
  cookies.analyst = await cookieForEmail("analyst@consult.localhost");

  // The coordinator of another consultation, on the same installation.
  const other = await db().user.create({ data: { email: "lead@other-consultation.example", name: "Other lead" } });
  otherConsultationId = (
    await db().consultation.create({ data: { slug: "another-consultation", title: "Another consultation", members: { create: { userId: other.id, role: "COORDINATOR" } } } })
  ).id;
  cookies.otherCoordinator = await cookieFor(other.id);
});

describe("the demo data this file relies on", () => {
  it("has the organisations, contacts and questions the tests use", async () => {
    const roles = await db().contact.findMany({
      where: { user: { email: { in: [LAO_SUBMITTER, LAO_CONTRIBUTOR, CHAD_SUBMITTER] } } },
      include: { user: true, organisation: true },
    });
    expect(Object.fromEntries(roles.map((c) => [c.user.email, [c.organisation.name, c.role]]))).toEqual({
      [LAO_SUBMITTER]: [LAO, "SUBMITTER"],
      [LAO_CONTRIBUTOR]: [LAO, "CONTRIBUTOR"],
      [CHAD_SUBMITTER]: [CHAD, "SUBMITTER"],
    });
    expect((await responseState(ALBANIA))?.status).toBe("SUBMITTED");
    expect(await responseState(LAO)).toBeNull();
    expect(await responseState(CHAD)).toBeNull();
    expect(sections.some((s) => s.questions.some((q) => q.required))).toBe(true);
    expect(sectionByKey("purpose-and-scope").questions.some((q) => q.required)).toBe(true);
  });
});

// ───────────────────────────── another organisation's invitation ─────────────────────────────

describe("another organisation's invitation", () => {
  const key = "purpose-and-scope";

  it("is not found (404) on its contents, section, review and submitted pages", async () => {
    const invitationId = albaniaInvitation;
    const cookie = cookies.laoContributor;
    const pages = [
      () => contentsLoader({ request: get(`/respond/${invitationId}`, cookie), params: { invitationId }, context }),
      () => sectionLoader({ request: get(sectionPath(invitationId, key), cookie), params: { invitationId, sectionKey: key }, context }),
      () => reviewLoader({ request: get(`/respond/${invitationId}/review`, cookie), params: { invitationId }, context }),
      () => submittedLoader({ request: get(`/respond/${invitationId}/submitted`, cookie), params: { invitationId }, context }),
    ];
    for (const page of pages) expect((await outcome(page)).status).toBe(404);
    // The same pages of the contact's own invitation open.
    expect((await outcome(() => contentsLoader({ request: get(`/respond/${laoInvitation}`, cookie), params: { invitationId: laoInvitation }, context }))).status).toBe(200);
  });

  it("refuses a posted save or submit with 404 and writes nothing to that organisation's response", async () => {
    const before = await responseState(ALBANIA);
    const emails = await db().emailMessage.count();

    const saved = await saveSection(cookies.laoContributor, albaniaInvitation, key, answersForm(sectionByKey(key), "Written by the wrong organisation."));
    expect(saved.status).toBe(404);
    const savedBySubmitter = await saveSection(cookies.laoSubmitter, albaniaInvitation, key, answersForm(sectionByKey(key), "Written by the wrong organisation."));
    expect(savedBySubmitter.status).toBe(404);
    const submitted = await submit(cookies.laoSubmitter, albaniaInvitation, { attribution: "PUBLIC", consent: "yes" });
    expect(submitted.status).toBe(404);

    expect(await responseState(ALBANIA)).toEqual(before);
    expect(await db().emailMessage.count()).toBe(emails);
    expect(await db().answer.count({ where: { text: "Written by the wrong organisation." } })).toBe(0);
  });

  it("is not found for its own contacts once revoked", async () => {
    await db().invitation.update({ where: { id: chadInvitation }, data: { revokedAt: new Date() } });
    try {
      const page = await outcome(() => contentsLoader({ request: get(`/respond/${chadInvitation}`, cookies.chadSubmitter), params: { invitationId: chadInvitation }, context }));
      expect(page.status).toBe(404);
      const save = await saveSection(cookies.chadSubmitter, chadInvitation, key, answersForm(sectionByKey(key)));
      expect(save.status).toBe(404);
      expect(await responseState(CHAD)).toBeNull();
    } finally {
      await db().invitation.update({ where: { id: chadInvitation }, data: { revokedAt: null } });
    }
  });

  it("sends a signed-out visitor to sign in, back to the same page afterwards, and stores nothing", async () => {
    const path = sectionPath(laoInvitation, key);
    const page = await outcome(() => sectionLoader({ request: get(path), params: { invitationId: laoInvitation, sectionKey: key }, context }));
    expect(page.status).toBe(302);
    expect(page.location).toBe(`/sign-in?${new URLSearchParams({ redirectTo: path })}`);
    expect(decodeURIComponent(page.location!)).toBe(`/sign-in?redirectTo=${path}`);

    const save = await saveSection(undefined, laoInvitation, key, answersForm(sectionByKey(key)));
    expect(save.status).toBe(302);
    expect(save.location).toMatch(/^\/sign-in\?redirectTo=/);
    expect(await responseState(LAO)).toBeNull();
  });
});

// ───────────────────────────── drafting and submitting ─────────────────────────────

describe("drafting and submitting a response", () => {
  const key = "purpose-and-scope";

  it("refuses answers outside the options with 400, keeps what was typed, stores nothing", async () => {
    const section = sectionByKey(key);
    const agreement = section.questions.find((q) => q.type === "AGREEMENT")!;
    const text = section.questions.find((q) => q.type === "LONG_TEXT" || q.type === "PROPOSED_WORDING")!;
    const result = await saveSection(cookies.laoContributor, laoInvitation, key, { [fieldName(agreement.id)]: "totally-agree", [fieldName(text.id)]: "Keep me" });
    expect(result.status).toBe(400);
    expect(result.data.errors[fieldName(agreement.id)]).toBe("validation.chooseOne");
    expect(result.data.values[fieldName(text.id)]).toBe("Keep me");
    expect(await responseState(LAO)).toBeNull();
  });

  it("stores a contributor's answers as a draft, audited as response.answers-saved", async () => {
    const section = sectionByKey(key);
    const contributor = await db().user.findUniqueOrThrow({ where: { email: LAO_CONTRIBUTOR } });
    const result = await saveSection(cookies.laoContributor, laoInvitation, key, answersForm(section, "Line one\r\nLine two"));
    expect(result.status).toBe(302);
    expect(result.location).toBe(`${sectionPath(laoInvitation, key)}?saved=1`);

    const { response, byQuestion } = await storedAnswers(LAO);
    expect(response.status).toBe("DRAFT");
    expect(byQuestion.size).toBe(section.questions.length);
    for (const q of section.questions) {
      const stored = byQuestion.get(q.id)!;
      const posted = answerFor(q, "Line one\nLine two");
      if (typeof posted === "string" && ["AGREEMENT", "YES_NO", "SINGLE_CHOICE"].includes(q.type)) expect(stored.choices).toEqual([posted]);
      else if (Array.isArray(posted)) expect(stored.choices).toEqual(posted);
      else expect(stored.text).toBe(posted); // line breaks as the browser sends them, normalised
      expect(stored.updatedById).toBe(contributor.id);
    }

    const events = await db().auditEvent.findMany({ where: { action: "response.answers-saved", entityId: response.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: contributor.id, consultationId, entityType: "Response" });
    expect(((events[0]!.data as { questions: string[] }).questions).sort()).toEqual(section.questions.map((q) => q.id).sort());

    // The page shows them again.
    const page = await outcome(() => sectionLoader({ request: get(sectionPath(laoInvitation, key), cookies.laoContributor), params: { invitationId: laoInvitation, sectionKey: key }, context }));
    expect(page.status).toBe(200);
    const agreement = section.questions.find((q) => q.type === "AGREEMENT")!;
    expect(page.data.values[fieldName(agreement.id)]).toBe("agree");
    expect(page.data.isOpen).toBe(true);
  });

  it("refuses a contributor's submit with 403; the response stays a draft", async () => {
    const result = await submit(cookies.laoContributor, laoInvitation);
    expect(result.status).toBe(403);
    const { response } = await storedAnswers(LAO);
    expect(response.status).toBe("DRAFT");
    expect(await db().responseSubmission.count({ where: { responseId: response.id } })).toBe(0);
    const review = await outcome(() => reviewLoader({ request: get(`/respond/${laoInvitation}/review`, cookies.laoContributor), params: { invitationId: laoInvitation }, context }));
    expect(review.data.canSubmit).toBe(false);
  });

  it("refuses the submitter's submit while required answers are missing (400); still a draft", async () => {
    const missing = sections.flatMap((s) => (s.key === key ? [] : s.questions.filter((q) => q.required)));
    expect(missing.length).toBeGreaterThan(0);
    const result = await submit(cookies.laoSubmitter, laoInvitation);
    expect(result.status).toBe(400);
    expect(result.data.errors.form).toContain(`${missing.length} required question`);
    const { response } = await storedAnswers(LAO);
    expect(response.status).toBe("DRAFT");
    expect(response.submittedAt).toBeNull();
    expect(await db().responseSubmission.count({ where: { responseId: response.id } })).toBe(0);

    const review = await outcome(() => reviewLoader({ request: get(`/respond/${laoInvitation}/review`, cookies.laoSubmitter), params: { invitationId: laoInvitation }, context }));
    expect(review.data.canSubmit).toBe(true);
    expect(review.data.missing).toHaveLength(missing.length);
  });

  it("refuses a submit without an attribution choice (400)", async () => {
    const result = await submit(cookies.laoSubmitter, laoInvitation, { consent: "yes" });
    expect(result.status).toBe(400);
    expect(result.data.errors.attribution).toBeTruthy();
  });

  it("submits once the required questions are answered: version 1 with a snapshot, audited, with a receipt", async () => {
    for (const section of sections) {
      if (section.key === key || !section.questions.some((q) => q.required)) continue;
      const required = Object.fromEntries(section.questions.filter((q) => q.required).map((q) => [fieldName(q.id), answerFor(q)]));
      expect((await saveSection(cookies.laoSubmitter, laoInvitation, section.key, required)).status).toBe(302);
    }
    const submitter = await db().user.findUniqueOrThrow({ where: { email: LAO_SUBMITTER } });
    const result = await submit(cookies.laoSubmitter, laoInvitation, { attribution: "TYPE_ONLY", consent: "yes" });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/respond/${laoInvitation}/submitted`);

    const { response } = await storedAnswers(LAO);
    expect(response).toMatchObject({ status: "SUBMITTED", attribution: "TYPE_ONLY", consentToPublish: true, submittedById: submitter.id });
    expect(response.submittedAt).not.toBeNull();

    const submissions = await db().responseSubmission.findMany({ where: { responseId: response.id } });
    expect(submissions).toHaveLength(1);
    expect(submissions[0]).toMatchObject({ number: 1, submittedById: submitter.id, attribution: "TYPE_ONLY", consentToPublish: true });
    const stored = (await db().answer.findMany({ where: { responseId: response.id } })).map((a) => ({ questionId: a.questionId, choices: a.choices, text: a.text }));
    const snapshot = submissions[0]!.answers as typeof stored;
    expect(snapshot).toHaveLength(stored.length);
    expect(snapshot).toEqual(expect.arrayContaining(stored));

    const audit = await db().auditEvent.findMany({ where: { action: "response.submitted", entityId: response.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: submitter.id, consultationId });

    const receipts = await readOutbox(db(), { where: { template: "submission-receipt", toAddress: LAO_SUBMITTER } });
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.status).toBe("PENDING");
    expect(receipts[0]!.text).toContain(LAO);

    const page = await outcome(() => submittedLoader({ request: get(`/respond/${laoInvitation}/submitted`, cookies.laoSubmitter), params: { invitationId: laoInvitation }, context }));
    expect(page.status).toBe(200);
    expect(page.data.email).toBe(LAO_SUBMITTER);
  });

  it("keeps every version: a change and a second submit make submission 2, and version 1 is unchanged", async () => {
    const section = sectionByKey(key);
    const text = section.questions.find((q) => q.type === "LONG_TEXT" || q.type === "PROPOSED_WORDING")!;
    const { response } = await storedAnswers(LAO);
    const first = await db().responseSubmission.findFirstOrThrow({ where: { responseId: response.id, number: 1 } });

    expect((await saveSection(cookies.laoContributor, laoInvitation, key, { ...answersForm(section, "Line one\r\nLine two"), [fieldName(text.id)]: "A second thought." })).status).toBe(302);
    const result = await submit(cookies.laoSubmitter, laoInvitation, { attribution: "PUBLIC" });
    expect(result.status).toBe(302);

    const submissions = await db().responseSubmission.findMany({ where: { responseId: response.id }, orderBy: { number: "asc" } });
    expect(submissions.map((s) => [s.number, s.attribution, s.consentToPublish])).toEqual([
      [1, "TYPE_ONLY", true],
      [2, "PUBLIC", false],
    ]);
    expect(submissions[0]!.answers).toEqual(first.answers);
    const textOf = (answers: unknown) => (answers as Array<{ questionId: string; text: string | null }>).find((a) => a.questionId === text.id)?.text;
    expect(textOf(submissions[0]!.answers)).toBe("Line one\nLine two");
    expect(textOf(submissions[1]!.answers)).toBe("A second thought.");
    expect(await db().auditEvent.count({ where: { action: "response.submitted", entityId: response.id } })).toBe(2);
    expect(await db().emailMessage.count({ where: { template: "submission-receipt", toAddress: LAO_SUBMITTER } })).toBe(2);
  });

  it("three submits at once (a double click without JavaScript) each succeed with their own version number", async () => {
    const { response } = await storedAnswers(LAO);
    const results = await Promise.all([1, 2, 3].map(() => submit(cookies.laoSubmitter, laoInvitation, { attribution: "PUBLIC" })));
    expect(results.map((r) => r.status)).toEqual([302, 302, 302]);
    const numbers = (await db().responseSubmission.findMany({ where: { responseId: response.id }, orderBy: { number: "asc" } })).map((s) => s.number);
    expect(numbers).toEqual([1, 2, 3, 4, 5]);
  });
});

// ───────────────────────────── staff pages ─────────────────────────────

describe("the coordinators' pages", () => {
  const roundPage = (cookie: string, cId = consultationId) =>
    outcome(() => roundLoader({ request: get(`/consultations/${cId}/rounds/${roundId}`, cookie), params: { consultationId: cId, roundId }, context }));
  const resultsPage = (cookie: string, cId = consultationId) =>
    outcome(() => resultsLoader({ request: get(`/consultations/${cId}/rounds/${roundId}/results`, cookie), params: { consultationId: cId, roundId }, context }));
  const consultationPages = (cookie: string) =>
    Promise.all([
      outcome(() => consultationLayoutLoader({ request: get(`/consultations/${consultationId}`, cookie), params: { consultationId }, context })),
      outcome(() => consultationLoader({ request: get(`/consultations/${consultationId}`, cookie), params: { consultationId }, context })),
    ]);

  it("show a coordinator and an analyst the round's tracking and results", async () => {
    const submitted = await db().response.count({ where: { roundId, status: "SUBMITTED" } });
    const invited = await db().invitation.count({ where: { roundId, revokedAt: null } });
    for (const cookie of [cookies.coordinator, cookies.analyst]) {
      const tracking = await roundPage(cookie);
      expect(tracking.status).toBe(200);
      expect(tracking.data.total).toBe(invited);
      expect(tracking.data.counts.submitted).toBe(submitted);
      // Analysts see the rates by type only (decision 015).
      if (cookie === cookies.coordinator) expect(tracking.data.rows.find((r: { organisation: string }) => r.organisation === LAO)?.state).toBe("submitted");
      else expect(tracking.data.rows).toEqual([]);

      const results = await resultsPage(cookie);
      expect(results.status).toBe(200);
      expect(results.data.respondents).toBe(submitted);
      expect(results.data.sections.length).toBeGreaterThan(0);

      const pages = await consultationPages(cookie);
      expect(pages.map((p) => p.status)).toEqual([200, 200]);
    }
  });

  it("are not found (404) for a respondent, who is refused the consultations list (403)", async () => {
    const cookie = cookies.laoSubmitter;
    expect((await consultationPages(cookie)).map((p) => p.status)).toEqual([404, 404]);
    expect((await roundPage(cookie)).status).toBe(404);
    expect((await resultsPage(cookie)).status).toBe(404);
    const list = await outcome(() => consultationsLoader({ request: get("/consultations", cookie), params: {}, context }));
    expect(list.status).toBe(403);
  });

  it("are not found (404) for the coordinator of another consultation, even through their own consultation's URL", async () => {
    const cookie = cookies.otherCoordinator;
    expect((await consultationPages(cookie)).map((p) => p.status)).toEqual([404, 404]);
    expect((await roundPage(cookie)).status).toBe(404);
    expect((await resultsPage(cookie)).status).toBe(404);
    // Their own consultation in the URL, the demo round's id after it.
    expect((await roundPage(cookie, otherConsultationId)).status).toBe(404);
    expect((await resultsPage(cookie, otherConsultationId)).status).toBe(404);
    // Their list shows their own consultation only.
    const list = await outcome(() => consultationsLoader({ request: get("/consultations", cookie), params: {}, context }));
    expect(list.status).toBe(200);
    expect(list.data.consultations.map((c: { id: string }) => c.id)).toEqual([otherConsultationId]);
  });
});

// ───────────────────────────── after the deadline ─────────────────────────────

describe("after the round's closing time", () => {
  const key = "purpose-and-scope";

  beforeAll(async () => {
    await db().round.update({ where: { id: roundId }, data: { closesAt: new Date(Date.now() - 60_000) } });
  });

  it("a save is refused with 409, keeps the posted values in the page data, and stores nothing", async () => {
    const section = sectionByKey(key);
    const text = section.questions.find((q) => q.type === "LONG_TEXT" || q.type === "PROPOSED_WORDING")!;
    const before = await responseState(LAO);
    const fields = { ...answersForm(section), [fieldName(text.id)]: "Typed after the deadline, at length." };
    const result = await saveSection(cookies.laoContributor, laoInvitation, key, fields);
    expect(result.status).toBe(409);
    expect(result.data.closed).toBe(true);
    expect(result.data.errors.form).toMatch(/no longer accepting answers/);
    expect(result.data.values).toEqual(fields);
    expect(await responseState(LAO)).toEqual(before);

    const page = await outcome(() => sectionLoader({ request: get(sectionPath(laoInvitation, key), cookies.laoContributor), params: { invitationId: laoInvitation, sectionKey: key }, context }));
    expect(page.data.isOpen).toBe(false);
  });

  it("a submit is refused with 409 and makes no new version", async () => {
    const before = await responseState(LAO);
    const result = await submit(cookies.laoSubmitter, laoInvitation);
    expect(result.status).toBe(409);
    expect(await responseState(LAO)).toEqual(before);
  });

  it("an organisation with an extension may save again; others still get 409", async () => {
    await db().invitation.update({ where: { id: laoInvitation }, data: { extendedUntil: new Date(Date.now() + 24 * 60 * 60_000) } });
    const section = sectionByKey(key);
    const text = section.questions.find((q) => q.type === "LONG_TEXT" || q.type === "PROPOSED_WORDING")!;

    const lao = await saveSection(cookies.laoContributor, laoInvitation, key, { [fieldName(text.id)]: "Sent within our extension." });
    expect(lao.status).toBe(302);
    expect((await storedAnswers(LAO)).byQuestion.get(text.id)?.text).toBe("Sent within our extension.");

    const chad = await saveSection(cookies.chadSubmitter, chadInvitation, key, { [fieldName(text.id)]: "Sent late." });
    expect(chad.status).toBe(409);
    expect(chad.data.values[fieldName(text.id)]).toBe("Sent late.");
    expect(await responseState(CHAD)).toBeNull();
  });

  it("an extension that has itself run out closes the round for that organisation again", async () => {
    await db().invitation.update({ where: { id: laoInvitation }, data: { extendedUntil: new Date(Date.now() - 1000) } });
    const section = sectionByKey(key);
    const text = section.questions.find((q) => q.type === "LONG_TEXT" || q.type === "PROPOSED_WORDING")!;
    const result = await saveSection(cookies.laoContributor, laoInvitation, key, { [fieldName(text.id)]: "Too late now." });
    expect(result.status).toBe(409);
    expect((await storedAnswers(LAO)).byQuestion.get(text.id)?.text).toBe("Sent within our extension.");
  });
});

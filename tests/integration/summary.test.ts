/**
 * The published summary and each organisation's outcome page: the publication rule (a
 * confidential answer, a non-consented one and a draft appear nowhere in the public page's
 * data; a type-only one never shows the organisation), publishing (closed rounds only; one
 * email per contact of every organisation that submitted, in the contact's language, once),
 * a 404 until published, and the outcome page for the organisation's own contacts only.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { readOutbox } from "~/modules/mail/outbox.server";
import { createVersionFrom, editSection, sectionBaseline } from "~/modules/document/versions.server";
import { resolveItems } from "~/modules/revision/resolve.server";
import { action as summaryAction, loader as summaryLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.summary";
import { loader as contentsLoader } from "~/routes/respond.$invitationId._index";
import { loader as outcomeLoader } from "~/routes/respond.$invitationId.outcome";
import { loader as publicLoader } from "~/routes/summaries.$roundId";
import { buildConsultation, ORGS, type Fixture } from "./summary-fixture";
import { context, cookieFor, cookieForEmail, get, outcome, post } from "./route-helpers";

let f: Fixture;
let cookie: string;
let editorUrl: string;

const [PUBLIC_ORG, TYPE_ONLY_ORG, CONFIDENTIAL_ORG, NO_CONSENT_ORG, DRAFT_ORG] = ORGS.map((o) => o.name) as [string, string, string, string, string];
const org = (name: string) => f.orgs[name]!;
const fullName = (name: string) => `${name} summary`;

const publicPage = (as?: string) => outcome(() => publicLoader({ request: get(`/summaries/${f.round.id}`, as), params: { roundId: f.round.id }, context }));
const editor = (as = cookie) => outcome(() => summaryLoader({ request: get(editorUrl, as), params: { consultationId: f.consultation.id, roundId: f.round.id }, context }));
const act = (fields: Record<string, string>, as = cookie) =>
  outcome(() => summaryAction({ request: post(editorUrl, fields, as), params: { consultationId: f.consultation.id, roundId: f.round.id }, context }));
const outcomePage = async (invitationOf: string, asContactOf: string) => {
  const as = await cookieForEmail(org(asContactOf).contactEmails[0]!);
  const id = org(invitationOf).invitationId;
  return outcome(() => outcomeLoader({ request: get(`/respond/${id}/outcome`, as), params: { invitationId: id }, context }));
};

beforeAll(async () => {
  f = await buildConsultation("summary");
  cookie = await cookieFor(f.coordinator.id);
  editorUrl = `/consultations/${f.consultation.id}/rounds/${f.round.id}/summary`;
  // Version 2 says "survivors" and resolves the scope item.
  const { versionId } = await createVersionFrom({ actorId: f.coordinator.id, consultationId: f.consultation.id, fromVersionId: f.version.id });
  const scope = await db().section.findFirstOrThrow({ where: { versionId, key: "scope" } });
  await editSection(f.coordinator.id, f.consultation.id, versionId, "scope", {
    heading: scope.heading,
    body: "This guidance helps survivors and their families.",
    tags: scope.tags,
    baseline: sectionBaseline(scope),
  });
  await resolveItems({ actorId: f.coordinator.id, consultationId: f.consultation.id, versionId, sectionKey: "scope", shown: [{ id: f.scopeItem.id, revision: 1 }], resolved: [f.scopeItem.id] });
});

describe("before publication", () => {
  it("the public page is a 404, even for the coordinators", async () => {
    expect((await publicPage()).status).toBe(404);
    expect((await publicPage(cookie)).status).toBe(404);
  });

  it("the outcome page says the summary is not published yet", async () => {
    const page = await outcomePage(PUBLIC_ORG, PUBLIC_ORG);
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ published: false, comments: [] });
  });

  it("coordinators save the introduction and the themes; the text is kept when it is too long", async () => {
    const saved = await act({ intent: "save", intro: "Four organisations answered.", "themes:scope": "Many asked for **survivors**.", "themes:services": "", "themes:annex": "", "themes:": "" });
    expect(saved.status).toBe(302);
    expect(await db().roundSummarySection.findUniqueOrThrow({ where: { roundId_sectionKey: { roundId: f.round.id, sectionKey: "scope" } } })).toMatchObject({ themes: "Many asked for **survivors**." });
    expect(await db().auditEvent.count({ where: { action: "round.summary-edited", entityId: f.round.id } })).toBe(1);
    const tooLong = await act({ intent: "save", intro: "x".repeat(20_001), "themes:scope": "kept" });
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.errors.intro).toMatch(/under 20,000/);
    expect(tooLong.data.values["themes:scope"]).toBe("kept");
  });

  it("the editor's preview renders the themes through Markdown and shows the redline to version 2", async () => {
    const page = await editor();
    const scope = page.data.preview.sections.find((s: { key: string }) => s.key === "scope");
    expect(scope.themesHtml).toContain("<strong>survivors</strong>");
    expect(scope.parts).toContainEqual({ kind: "ins", text: "survivors " });
    expect(page.data.preview.revised).toEqual({ number: 2 });
  });

  it("an open round cannot be published", async () => {
    await db().round.update({ where: { id: f.round.id }, data: { status: "OPEN" } });
    const refused = await act({ intent: "publish" });
    await db().round.update({ where: { id: f.round.id }, data: { status: "CLOSED" } });
    expect(refused.status).toBe(409);
    expect(refused.data.errors.form).toMatch(/once the round is closed/);
    expect((await db().round.findUniqueOrThrow({ where: { id: f.round.id } })).summaryPublishedAt).toBeNull();
  });

  it("analysts cannot publish", async () => {
    const refused = await act({ intent: "publish" }, await cookieFor(f.analyst.id));
    expect(refused.status).toBe(403);
  });
});

describe("publishing", () => {
  it("sets the publication date, audits it and queues one email per contact of each organisation that submitted, in the contact's language", async () => {
    const published = await act({ intent: "publish" });
    expect(published.status).toBe(302);
    expect(published.location).toBe(`${editorUrl}?published=8`);
    expect((await db().round.findUniqueOrThrow({ where: { id: f.round.id } })).summaryPublishedAt).toBeInstanceOf(Date);
    expect(await db().auditEvent.count({ where: { action: "round.summary-published", entityId: f.round.id } })).toBe(1);
    const emails = await readOutbox(db(), { where: { template: "summary-published" } });
    const submitters = [PUBLIC_ORG, TYPE_ONLY_ORG, CONFIDENTIAL_ORG, NO_CONSENT_ORG];
    expect(emails.map((e) => e.toAddress).sort()).toEqual(submitters.flatMap((name) => org(name).contactEmails).sort());
    for (const o of ORGS.filter((x) => x.status === "SUBMITTED")) {
      const first = emails.find((e) => e.toAddress === org(o.name).contactEmails[0])!;
      expect(first.language).toBe(o.language);
      expect(first.text).toContain(`/respond/${org(o.name).invitationId}/outcome`);
      expect(first.text).toContain(`/summaries/${f.round.id}`);
    }
    const french = emails.find((e) => e.toAddress === org(TYPE_ONLY_ORG).contactEmails[0])!;
    expect(french.subject).toBe("Ce que nous avons entendu, ce que nous avons changé : Round 1");
    const arabic = emails.find((e) => e.toAddress === org(NO_CONSENT_ORG).contactEmails[0])!;
    expect(arabic.subject).toBe("ما سمعناه وما غيّرناه: Round 1");
    expect(emails.some((e) => org(DRAFT_ORG).contactEmails.includes(e.toAddress))).toBe(false);
  });

  it("the public page needs no sign-in and carries only what may be published", async () => {
    const page = await publicPage();
    expect(page.status).toBe(200);
    const everything = JSON.stringify(page.data);
    expect(everything).toContain("PUBLIC-COMMENT");
    expect(everything).toContain(fullName(PUBLIC_ORG));
    expect(everything).toContain("TYPE-ONLY-COMMENT");
    // Type-only: the type, which the page words in the reader's language.
    const quotes = page.data.summary.sections.flatMap((s: { items: Array<{ quotes: unknown[] }> }) => s.items.flatMap((i) => i.quotes));
    expect(quotes).toContainEqual({ type: "Type summary", text: expect.stringContaining("TYPE-ONLY-COMMENT") });
    // Confidential, not consented, or never submitted: nowhere, neither words nor names.
    for (const hidden of ["CONFIDENTIAL-COMMENT", "NO-CONSENT-COMMENT", "DRAFT-COMMENT", fullName(CONFIDENTIAL_ORG), fullName(NO_CONSENT_ORG), fullName(DRAFT_ORG)]) {
      expect(everything).not.toContain(hidden);
    }
    // Type-only: the organisation's name never shows.
    expect(everything).not.toContain(fullName(TYPE_ONLY_ORG));
    const scope = page.data.summary.sections.find((s: { key: string }) => s.key === "scope");
    expect(scope.items[0]).toMatchObject({ summary: "Say survivors rather than victims", status: "ACCEPTED", doneIn: 2, rationale: expect.stringContaining("Convention") });
    expect(scope.parts).toContainEqual({ kind: "del", text: "victims " });
  });

  it("the coordinators' preview follows the same rule", async () => {
    const everything = JSON.stringify((await editor()).data.preview);
    for (const hidden of ["CONFIDENTIAL-COMMENT", "NO-CONSENT-COMMENT", fullName(TYPE_ONLY_ORG)]) expect(everything).not.toContain(hidden);
  });

  it("the respondent contents page links to the outcome", async () => {
    const as = await cookieForEmail(org(PUBLIC_ORG).contactEmails[1]!);
    const id = org(PUBLIC_ORG).invitationId;
    const page = await outcome(() => contentsLoader({ request: get(`/respond/${id}`, as), params: { invitationId: id }, context }));
    expect(page.data.summaryPublished).toBe(true);
  });
});

describe("the outcome page", () => {
  it("shows each of the organisation's own comments with its decision and the resulting change", async () => {
    const page = await outcomePage(PUBLIC_ORG, PUBLIC_ORG);
    expect(page.status).toBe(200);
    expect(page.data.published).toBe(true);
    const [scope, services] = page.data.comments;
    expect(scope).toMatchObject({ sectionKey: "scope", text: "PUBLIC-COMMENT: say survivors, not victims.", decisions: [{ status: "ACCEPTED", resolvedIn: 2 }] });
    expect(scope.parts).toContainEqual({ kind: "ins", text: "survivors " });
    expect(services).toMatchObject({ sectionKey: "services", decisions: [{ status: "NOT_ACCEPTED", rationale: "Covered in section 6." }], parts: null });
  });

  it("a confidential respondent sees its own comment and the decision on it", async () => {
    const page = await outcomePage(CONFIDENTIAL_ORG, CONFIDENTIAL_ORG);
    expect(page.data.comments[0]).toMatchObject({ text: "CONFIDENTIAL-COMMENT: our clinic data.", decisions: [{ status: "ACCEPTED", resolvedIn: 2 }] });
    expect(JSON.stringify(page.data)).not.toContain("PUBLIC-COMMENT");
  });

  it("is a 404 for the contact of another organisation", async () => {
    const page = await outcomePage(CONFIDENTIAL_ORG, PUBLIC_ORG);
    expect(page.status).toBe(404);
  });

  it("says so when the organisation did not submit", async () => {
    const page = await outcomePage(DRAFT_ORG, DRAFT_ORG);
    expect(page.data).toMatchObject({ published: true, submitted: false, comments: [] });
  });
});

describe("unpublishing", () => {
  it("takes the public page down (404), and republishing sends no second email", async () => {
    expect((await act({ intent: "unpublish" })).status).toBe(302);
    expect((await publicPage()).status).toBe(404);
    expect(await db().auditEvent.count({ where: { action: "round.summary-unpublished", entityId: f.round.id } })).toBe(1);
    expect((await outcomePage(PUBLIC_ORG, PUBLIC_ORG)).data.published).toBe(false);
    const again = await act({ intent: "publish" });
    expect(again.location).toBe(`${editorUrl}?published=0`);
    expect(await db().emailMessage.count({ where: { template: "summary-published" } })).toBe(8);
    expect((await publicPage()).status).toBe(200);
  });
});

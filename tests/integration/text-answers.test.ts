/**
 * The written-answers page through its loader and action: only submitted answers, full-text
 * search, filters (unknown values ignored, never a 500), attribution per reader, "% reviewed"
 * per section, bulk tagging, notes and near-duplicates.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { attributionLabel } from "~/modules/analysis/attribution";
import { MARK_START } from "~/modules/analysis/schemas";
import { db } from "~/modules/db/client.server";
import { action, loader } from "~/routes/consultations.$consultationId.rounds.$roundId.answers";
import { buildRound, TEXTS } from "./text-answers-fixture";
import { context, get, outcome, post, type Outcome } from "./route-helpers";

let r: Awaited<ReturnType<typeof buildRound>>;
beforeAll(async () => {
  r = await buildRound("texts");
});

const read = (query: string, cookie = r.coordinator.cookie) => outcome(() => loader({ request: get(`${r.base}${query}`, cookie), params: r.params, context }));
const act = (fields: Record<string, string | string[]>, cookie = r.coordinator.cookie, query = "") =>
  outcome(() => action({ request: post(`${r.base}${query}`, fields, cookie), params: r.params, context }));
type Row = { id: string; who: string; text: string; highlighted: string | null; redline: Array<{ kind: string; text: string }> | null; reviewed: boolean; tags: Array<{ name: string }>; notes: Array<{ body: string }> };
const rows = (o: Outcome): Row[] => o.data.answers;

describe("the list", () => {
  it("shows the first section's written answers of submitted responses only", async () => {
    const page = await read("");
    expect(page.status).toBe(200);
    expect(page.data.section.key).toBe("scope");
    const texts = rows(page).map((a) => a.text);
    expect(texts.sort()).toEqual([TEXTS.publicScope, TEXTS.typeOnlyScope, TEXTS.confidentialScope, TEXTS.wording].sort());
    expect(texts).not.toContain(TEXTS.draftScope);
  });

  it("shows proposed wording as a redline against the section's paragraph it rewrites", async () => {
    const wording = rows(await read("?section=scope")).find((a) => a.id === r.answers.wording)!;
    expect(wording.redline).toEqual([
      { kind: "same", text: "The scope covers " },
      { kind: "ins", text: "all " },
      { kind: "same", text: "victims of cluster munitions." },
    ]);
  });

  it("draws a wording edited from the French text against the French text", async () => {
    const scope = await db().section.findFirstOrThrow({ where: { key: "scope", version: { rounds: { some: { id: r.params.roundId } } } } });
    const french = "Le champ couvre les victimes des armes à sous-munitions.";
    await db().section.update({ where: { id: scope.id }, data: { translations: { fr: { heading: "Champ", body: `${french}\n\nIl couvre aussi leurs familles.` } } } });
    await db().answer.update({ where: { id: r.answers.wording }, data: { text: "Le champ couvre toutes les victimes des armes à sous-munitions." } });
    try {
      const wording = rows(await read("?section=scope")).find((a) => a.id === r.answers.wording)!;
      expect(wording.redline).toEqual([
        { kind: "same", text: "Le champ couvre " },
        { kind: "ins", text: "toutes " },
        { kind: "same", text: "les victimes des armes à sous-munitions." },
      ]);
    } finally {
      await db().section.update({ where: { id: scope.id }, data: { translations: {} } });
      await db().answer.update({ where: { id: r.answers.wording }, data: { text: TEXTS.wording } });
    }
  });

  it("filters by question, stakeholder type and section", async () => {
    expect(rows(await read(`?section=scope&question=${r.q.scopeWording}`)).map((a) => a.id)).toEqual([r.answers.wording]);
    expect(rows(await read("?section=scope&type=ngo")).map((a) => a.id).sort()).toEqual([r.answers.typeOnlyScope, r.answers.confidentialScope].sort());
    expect(rows(await read("?section=services")).map((a) => a.id)).toEqual([r.answers.services]);
  });

  it("ignores filter values that name nothing: no error page", async () => {
    const page = await read(`?section=nope&question=zzz&tag=zzz&reviewed=maybe&type=alien&page=abc&similar=nothing`);
    expect(page.status).toBe(200);
    expect(page.data.section.key).toBe("scope");
    expect(rows(page)).toHaveLength(4);
    expect((await read("?q=" + encodeURIComponent('"unclosed & | ! ( :*'))).status).toBe(200);
    expect((await read("?page=99999999")).status).toBe(200);
  });
});

describe("full-text search", () => {
  it("finds words in any form of the search syntax, highlighted", async () => {
    const found = rows(await read("?section=scope&q=rehabilitation"));
    expect(found.map((a) => a.id).sort()).toEqual([r.answers.publicScope, r.answers.typeOnlyScope].sort());
    expect(found[0]!.highlighted).toContain(`${MARK_START}Rehabilitation`);
    expect(rows(await read("?section=scope&q=" + encodeURIComponent("rehabilitation -families"))).map((a) => a.id)).toEqual([r.answers.publicScope]);
    expect(rows(await read("?section=scope&q=" + encodeURIComponent('"missing from the scope"'))).map((a) => a.id)).toEqual([r.answers.confidentialScope]);
    expect(rows(await read("?section=scope&q=nothinglikethis"))).toHaveLength(0);
  });
});

describe("attribution per reader", () => {
  it("coordinators see every organisation", async () => {
    const who = Object.fromEntries(rows(await read("?section=scope")).map((a) => [a.id, a.who]));
    expect(who[r.answers.publicScope]).toBe(r.orgs.public.name);
    expect(who[r.answers.typeOnlyScope]).toBe(r.orgs.typeOnly.name);
    expect(who[r.answers.confidentialScope]).toBe(r.orgs.confidential.name);
  });

  it("analysts never see the name of a type-only or confidential respondent, anywhere in the page's data", async () => {
    const page = await read("?section=scope", r.analyst.cookie);
    const who = Object.fromEntries(rows(page).map((a) => [a.id, a.who]));
    expect(who[r.answers.publicScope]).toBe(r.orgs.public.name);
    expect(who[r.answers.typeOnlyScope]).toBe("A respondent of type “NGO”");
    expect(who[r.answers.confidentialScope]).toBe("A confidential respondent (NGO)");
    const json = JSON.stringify(page.data);
    expect(json).not.toContain(r.orgs.typeOnly.name);
    expect(json).not.toContain(r.orgs.confidential.name);
  });

  it("publication shows a type-only answer by type, never by organisation, and leaves out confidential ones", () => {
    const base = { organisationName: "Quiet NGO", typeLabel: "NGO" };
    expect(attributionLabel("publication", { ...base, attribution: "TYPE_ONLY", consentToPublish: true })).toBe("A respondent of type “NGO”");
    expect(attributionLabel("publication", { ...base, attribution: "CONFIDENTIAL", consentToPublish: true })).toBeNull();
    expect(attributionLabel("publication", { ...base, attribution: "PUBLIC", consentToPublish: false })).toBeNull();
  });
});

describe("working on the answers", () => {
  it("tags a selection with a new tag, reuses it by name, filters by it, and audits", async () => {
    const tagged = await act({ intent: "tag", answerId: [r.answers.publicScope, r.answers.typeOnlyScope], newTag: "Rural access" }, r.analyst.cookie);
    expect(tagged.status).toBe(200);
    expect(tagged.data.done).toContain("Rural access");
    const again = await act({ intent: "tag", answerId: [r.answers.publicScope, r.answers.services], newTag: "rural ACCESS" });
    expect(again.status).toBe(200);
    const tag = await db().tag.findFirstOrThrow({ where: { consultationId: r.consultationId } });
    expect(await db().tag.count({ where: { consultationId: r.consultationId } })).toBe(1);
    expect(await db().answerTag.count({ where: { tagId: tag.id } })).toBe(3);
    expect(rows(await read(`?section=scope&tag=${tag.id}`)).map((a) => a.id).sort()).toEqual([r.answers.publicScope, r.answers.typeOnlyScope].sort());
    expect(await db().auditEvent.count({ where: { consultationId: r.consultationId, action: "answer.tagged" } })).toBe(2);
  });

  it("refuses a bulk action with nothing selected, or answers of another round or a draft", async () => {
    expect((await act({ intent: "reviewed" })).status).toBe(400);
    const foreign = await act({ intent: "reviewed", answerId: [r.answers.draftScope] });
    expect(foreign.status).toBe(400);
    expect(await db().answer.findUniqueOrThrow({ where: { id: r.answers.draftScope } })).toMatchObject({ reviewedAt: null });
    expect((await act({ intent: "tag", answerId: [r.answers.publicScope] })).data.errors.tagId).toBeTruthy();
  });

  it("counts % reviewed per section and filters reviewed and unreviewed answers", async () => {
    expect((await act({ intent: "reviewed", answerId: [r.answers.publicScope, r.answers.wording] }, r.analyst.cookie)).status).toBe(200);
    const page = await read("?section=scope");
    const scope = page.data.sections.find((s: { key: string }) => s.key === "scope");
    expect(scope).toMatchObject({ total: 4, reviewed: 2, percent: 50 });
    expect(page.data.sections.find((s: { key: string }) => s.key === "services")).toMatchObject({ total: 1, reviewed: 0, percent: 0 });
    expect(rows(await read("?section=scope&reviewed=yes")).map((a) => a.id).sort()).toEqual([r.answers.publicScope, r.answers.wording].sort());
    expect(rows(await read("?section=scope&reviewed=no"))).toHaveLength(2);
    const reviewer = await db().answer.findUniqueOrThrow({ where: { id: r.answers.publicScope } });
    expect(reviewer.reviewedById).toBe(r.analyst.id);
    // One answer's own button.
    expect((await act({ intent: `unreview:${r.answers.wording}` })).status).toBe(200);
    expect(page.data.sections.length).toBe(2);
    const after = (await read("?section=scope")).data.sections.find((s: { key: string }) => s.key === "scope");
    expect(after).toMatchObject({ reviewed: 1, percent: 25 });
    expect(await db().auditEvent.count({ where: { consultationId: r.consultationId, action: { in: ["answer.reviewed", "answer.unreviewed"] } } })).toBe(2);
  });

  it("adds a note to one answer; an empty note is refused with the field named", async () => {
    const empty = await act({ intent: `note:${r.answers.confidentialScope}`, [`note-${r.answers.confidentialScope}`]: "  " });
    expect(empty.status).toBe(400);
    expect(empty.data.errors[`note-${r.answers.confidentialScope}`]).toBe("Write the note");
    const ok = await act({ intent: `note:${r.answers.confidentialScope}`, [`note-${r.answers.confidentialScope}`]: "Ask the ISU about this." }, r.analyst.cookie);
    expect(ok.status).toBe(200);
    const row = rows(await read("?section=scope")).find((a) => a.id === r.answers.confidentialScope)!;
    expect(row.notes.map((n) => n.body)).toEqual(["Ask the ISU about this."]);
  });

  it("suggests near-duplicate comments to review together, and pre-selects them on request", async () => {
    const page = await read(`?section=scope&similar=${r.answers.publicScope}&select=all`);
    expect(page.data.similar).toMatchObject({ answerId: r.answers.publicScope, count: 1 });
    expect(rows(page).map((a) => a.id)).toEqual([r.answers.publicScope, r.answers.typeOnlyScope]);
    expect(page.data.selectAll).toBe(true);
  });

  it("sends a selection to the new worklist item form", async () => {
    const sent = await act({ intent: "worklist", answerId: [r.answers.publicScope, r.answers.typeOnlyScope] }, r.coordinator.cookie, "?section=scope");
    expect(sent.status).toBe(302);
    const url = new URL(sent.location!, "http://x");
    expect(url.pathname).toBe(`/consultations/${r.consultationId}/worklist/new`);
    expect(url.searchParams.getAll("answer").sort()).toEqual([r.answers.publicScope, r.answers.typeOnlyScope].sort());
  });

  it("is closed to people outside the consultation", async () => {
    const outsider = await db().user.create({ data: { email: "outsider-texts@example.org", name: "Outsider" } });
    const { cookieFor } = await import("./route-helpers");
    const cookie = await cookieFor(outsider.id);
    expect((await read("", cookie)).status).toBe(404);
    expect((await act({ intent: "reviewed", answerId: [r.answers.publicScope] }, cookie)).status).toBe(404);
  });
});

/**
 * Audit findings on issue 5 ("From answers to revision"), each through the routes: bad input
 * (NUL characters, unknown filter values), items written by hand, withdrawn sources, the
 * worklist's paging, what analysts may see, and resolving an item without losing its decision.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { loadSummary } from "~/modules/summary/summary.server";
import { loader as answersLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.answers";
import { loader as auditLoader } from "~/routes/consultations.$consultationId.audit";
import { consultationTabs, loader as layoutLoader } from "~/routes/consultations.$consultationId";
import { action as itemAction, loader as itemLoader } from "~/routes/consultations.$consultationId.worklist.$itemId";
import { action as newAction, loader as newLoader } from "~/routes/consultations.$consultationId.worklist.new";
import { loader as listLoader } from "~/routes/consultations.$consultationId.worklist._index";
import { buildRound } from "./text-answers-fixture";
import { context, get, outcome, post } from "./route-helpers";

let r: Awaited<ReturnType<typeof buildRound>>;
beforeAll(async () => {
  r = await buildRound("revision-audit");
});

const worklistBase = () => `/consultations/${r.consultationId}/worklist`;
const readAnswers = (query: string, cookie = r.coordinator.cookie) =>
  outcome(() => answersLoader({ request: get(`${r.base}${query}`, cookie), params: r.params, context }));
const readList = (query: string, cookie = r.coordinator.cookie) =>
  outcome(() => listLoader({ request: get(`${worklistBase()}${query}`, cookie), params: { consultationId: r.consultationId }, context }));
const readItem = (itemId: string, cookie: string) =>
  outcome(() => itemLoader({ request: get(`${worklistBase()}/${itemId}`, cookie), params: { consultationId: r.consultationId, itemId }, context }));
const decide = (itemId: string, fields: Record<string, string>, cookie = r.coordinator.cookie) =>
  outcome(() => itemAction({ request: post(`${worklistBase()}/${itemId}`, fields, cookie), params: { consultationId: r.consultationId, itemId }, context }));

describe("a NUL character is dropped, never a 500", () => {
  it("in the written-answers page's search and similar-answer link", async () => {
    for (const query of ["?q=%00", "?similar=%00", "?q=rural%00", "?section=%00&type=%00"]) {
      expect((await readAnswers(query)).status, query).toBe(200);
    }
  });

  it("in the worklist's section, owner and round filters", async () => {
    for (const query of ["?section=%00", "?owner=%00", "?round=%00", "?status=%00&sort=%00"]) {
      expect((await readList(query)).status, query).toBe(200);
    }
  });

  it("in a decision's rationale: the decision is saved without it", async () => {
    const item = await db().worklistItem.create({ data: { consultationId: r.consultationId, roundId: r.roundId, sectionKey: "scope", summary: "NUL test", type: "GENERAL", priority: "LOW" } });
    const saved = await decide(item.id, { summary: "NUL\u0000 test", type: "GENERAL", priority: "LOW", ownerId: "", status: "NOTED", rationale: "Noted\u0000 for later.", revision: "1" });
    expect(saved.status).toBe(302);
    expect(await db().worklistItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "NOTED", rationale: "Noted for later.", summary: "NUL test" });
  });
});

describe("analysts cannot single out confidential respondents", () => {
  it("the written-answers page gives analysts no submission time beside an unnamed answer; coordinators keep it", async () => {
    const forAnalyst = (await readAnswers("?section=scope", r.analyst.cookie)).data.answers as Array<{ id: string; who: string; submittedAt: string }>;
    const byId = new Map(forAnalyst.map((a) => [a.id, a]));
    expect(byId.get(r.answers.confidentialScope)).toMatchObject({ who: "A confidential respondent (NGO)", submittedAt: "" });
    expect(byId.get(r.answers.typeOnlyScope)).toMatchObject({ who: "A respondent of type “NGO”", submittedAt: "" });
    expect(byId.get(r.answers.publicScope)!.submittedAt).not.toBe("");
    const forCoordinator = (await readAnswers("?section=scope")).data.answers as Array<{ id: string; submittedAt: string; limit: string | null }>;
    expect(forCoordinator.every((a) => a.submittedAt !== "")).toBe(true);
    // Coordinators see every name, so each answer says what its respondent allowed; analysts need no reminder.
    const limits = new Map(forCoordinator.map((a) => [a.id, a.limit]));
    expect(limits.get(r.answers.confidentialScope)).toBe("Confidential to the coordinators");
    expect(limits.get(r.answers.typeOnlyScope)).toBe("Publish by type only");
    expect(limits.get(r.answers.publicScope)).toBeNull();
    expect(forAnalyst.every((a) => !("limit" in a) || (a as { limit: unknown }).limit === null)).toBe(true);
  });

  it("the audit log is for coordinators: analysts get a 403 that says why, and no tab", async () => {
    const params = { consultationId: r.consultationId };
    const asAnalyst = await outcome(() => auditLoader({ request: get(`/consultations/${r.consultationId}/audit`, r.analyst.cookie), params, context }));
    expect(asAnalyst.status).toBe(403);
    expect(JSON.stringify(asAnalyst.data ?? "")).toContain("The audit log is for coordinators");
    expect((await outcome(() => auditLoader({ request: get(`/consultations/${r.consultationId}/audit`, r.coordinator.cookie), params, context }))).status).toBe(200);
    const layout = await outcome(() => layoutLoader({ request: get(`/consultations/${r.consultationId}`, r.analyst.cookie), params, context }));
    expect(layout.data.role).toBe("ANALYST");
    expect(consultationTabs(layout.data.role).map((t) => t.label)).not.toContain("Audit log");
    expect(consultationTabs("COORDINATOR").map((t) => t.label)).toContain("Audit log");
  });
});

describe("an item's withdrawn sources", () => {
  it("still show on the item page, marked withdrawn, named as the reader may see them", async () => {
    const item = await db().worklistItem.create({
      data: {
        consultationId: r.consultationId,
        roundId: r.roundId,
        sectionKey: "scope",
        summary: "Psychosocial support",
        type: "GENERAL",
        priority: "LOW",
        sources: { create: [{ answerId: r.answers.confidentialScope }, { answerId: r.answers.publicScope }] },
      },
    });
    const response = await db().answer.findUniqueOrThrow({ where: { id: r.answers.confidentialScope }, select: { responseId: true } });
    await db().response.update({ where: { id: response.responseId }, data: { status: "WITHDRAWN" } });
    try {
      const forAnalyst = await readItem(item.id, r.analyst.cookie);
      expect(forAnalyst.data.sources).toEqual([
        expect.objectContaining({ id: r.answers.confidentialScope, who: "A confidential respondent (NGO)", withdrawn: true, link: null }),
        expect.objectContaining({ id: r.answers.publicScope, who: r.orgs.public.name, withdrawn: false }),
      ]);
      expect(JSON.stringify(forAnalyst.data)).not.toContain(r.orgs.confidential.name);
      const forCoordinator = await readItem(item.id, r.coordinator.cookie);
      expect(forCoordinator.data.sources[0]).toMatchObject({ who: r.orgs.confidential.name, withdrawn: true });
      const listed = (await readList("")).data.items.find((i: { id: string }) => i.id === item.id);
      expect(listed.sources).toBe(2);
    } finally {
      await db().response.update({ where: { id: response.responseId }, data: { status: "SUBMITTED" } });
    }
  });
});

describe("written-answer filters that name nothing", () => {
  it("are ignored and named in notices, as on the results page", async () => {
    const page = await readAnswers("?section=nope&question=zzz&tag=zzz&reviewed=maybe&type=alien&page=abc&similar=nothing");
    expect(page.status).toBe(200);
    expect(page.data.section.key).toBe("scope");
    const problems: string[] = page.data.problems;
    expect(problems).toHaveLength(7);
    for (const named of ["“nope”", "“zzz” is not a written question", "no tag “zzz”", "“Reviewed” takes yes or no, not “maybe”", "no stakeholder type “alien”", "“abc” is not a page number", "answer to compare with"]) {
      expect(problems.some((p) => p.includes(named)), named).toBe(true);
    }
  });

  it("known values and empty ones (“any”) raise no notice", async () => {
    const page = await readAnswers(`?section=scope&question=${r.q.scopeComments}&type=ngo&reviewed=&tag=&q=&page=1`);
    expect(page.data.problems).toEqual([]);
  });
});

describe("a long worklist", () => {
  it("is paged (100 a page) instead of stopping silently at 500: every item on exactly one page", async () => {
    const many = 520;
    await db().worklistItem.createMany({
      data: Array.from({ length: many }, (_, i) => ({ consultationId: r.consultationId, sectionKey: "paging", summary: `Paged item ${i}`, type: "GENERAL" as const, priority: "LOW" as const })),
    });
    const first = await readList("?section=paging&sort=section");
    expect(first.data).toMatchObject({ matching: many, page: 1, pages: 6 });
    expect(first.data.items).toHaveLength(100);
    const seen = new Set<string>();
    for (let page = 1; page <= 6; page++) {
      const items: Array<{ id: string }> = (await readList(`?section=paging&sort=section&page=${page}`)).data.items;
      for (const i of items) seen.add(i.id);
    }
    expect(seen.size).toBe(many);
    const beyond = await readList("?section=paging&page=99");
    expect(beyond.status).toBe(200);
    expect(beyond.data.items).toEqual([]);
    await db().worklistItem.deleteMany({ where: { consultationId: r.consultationId, sectionKey: "paging" } });
  });
});

describe("items written by hand", () => {
  let other: Awaited<ReturnType<typeof buildRound>>;
  beforeAll(async () => {
    other = await buildRound("revision-audit-other");
  });
  const create = (fields: Record<string, string>) =>
    outcome(() => newAction({ request: post(`${worklistBase()}/new`, fields, r.coordinator.cookie), params: { consultationId: r.consultationId }, context }));
  const newForm = (query: string) =>
    outcome(() => newLoader({ request: get(`${worklistBase()}/new${query}`, r.coordinator.cookie), params: { consultationId: r.consultationId }, context }));
  const item = { summary: "Define rehabilitation", type: "GENERAL", priority: "MEDIUM", ownerId: "" };

  it("the form offers the consultation's rounds, the latest chosen, or the one the list is filtered to", async () => {
    const page = await newForm("");
    expect(page.data.roundId).toBe(r.roundId);
    expect(page.data.rounds).toEqual([{ id: r.roundId, label: expect.stringMatching(/^Round 1: /) }]);
    expect((await newForm(`?round=${other.roundId}`)).data.roundId).toBe(r.roundId);
    expect((await readList(`?round=${r.roundId}`)).data.newItem).toBe(`new?round=${r.roundId}`);
  });

  it("belong to a round, so they reach that round's summary", async () => {
    const created = await create({ ...item, sectionKey: "services" });
    expect(created.status).toBe(302);
    const id = /\/worklist\/([^/?]+)/.exec(created.location ?? "")![1]!;
    expect(await db().worklistItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ roundId: r.roundId, sectionKey: "services" });
    const summary = await loadSummary(r.roundId);
    expect(summary!.sections.find((s) => s.key === "services")!.items.map((i) => i.id)).toContain(id);
  });

  it("refuse a round of another consultation and a section the round's draft does not have", async () => {
    const foreign = await create({ ...item, roundId: other.roundId, sectionKey: "" });
    expect(foreign.status).toBe(400);
    expect(foreign.data.errors.roundId).toBe("Choose a round of this consultation");
    const unknown = await create({ ...item, roundId: r.roundId, sectionKey: "no-such-section" });
    expect(unknown.status).toBe(400);
    expect(unknown.data.errors.sectionKey).toBe("Choose a section of the draft that round 1 asked about");
    expect(unknown.data.values.summary).toBe(item.summary);
    expect(unknown.data.sections.map((s: { key: string }) => s.key)).toEqual(["scope", "services"]);
    expect(await db().worklistItem.count({ where: { consultationId: r.consultationId, sectionKey: "no-such-section" } })).toBe(0);
  });
});

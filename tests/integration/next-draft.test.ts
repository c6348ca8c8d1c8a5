/**
 * The next draft: version 2 started from version 1 keeps the sections' keys and never touches
 * the locked version; a second start reuses it; the compare page shows a redline per section
 * (an empty section gives a clear result, never a 500); ticking accepted worklist items marks
 * them done in version 2 (their decision stays), audited, at the revision the page read.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { sectionBaseline, editSection } from "~/modules/document/versions.server";
import { compareSections } from "~/modules/revision/compare.server";
import { observationsOf } from "~/modules/export/matrix-layout";
import { describeItemEvent } from "~/modules/worklist/history";
import { lastDecision } from "~/modules/worklist/items.server";
import { action as versionAction, loader as versionLoader } from "~/routes/consultations.$consultationId.versions.$versionId._index";
import { action as compareAction, loader as compareLoader } from "~/routes/consultations.$consultationId.versions.$versionId.compare";
import { loader as newRoundLoader } from "~/routes/consultations.$consultationId.rounds.new";
import { loader as listLoader } from "~/routes/consultations.$consultationId.worklist._index";
import { action as itemAction, loader as itemLoader } from "~/routes/consultations.$consultationId.worklist.$itemId";
import { buildConsultation, type Fixture } from "./summary-fixture";
import { context, cookieFor, get, outcome, post } from "./route-helpers";

let f: Fixture;
let cookie: string;
let v2: string;

const versionUrl = (id: string) => `/consultations/${f.consultation.id}/versions/${id}`;

beforeAll(async () => {
  f = await buildConsultation("next-draft");
  cookie = await cookieFor(f.coordinator.id);
});

describe("starting version 2 from version 1", () => {
  it("copies every section with its key, heading, body, tags and translations, and leaves version 1 as it was", async () => {
    const before = await db().section.findMany({ where: { versionId: f.version.id }, orderBy: { position: "asc" } });
    const made = await outcome(() =>
      versionAction({ request: post(versionUrl(f.version.id), { intent: "new-version" }, cookie), params: { consultationId: f.consultation.id, versionId: f.version.id }, context }),
    );
    expect(made.status).toBe(302);
    const created = await db().documentVersion.findFirstOrThrow({ where: { consultationId: f.consultation.id, number: 2 }, include: { sections: { orderBy: { position: "asc" } } } });
    v2 = created.id;
    expect(made.location).toBe(`${versionUrl(v2)}?created=1`);
    expect(created.basedOnId).toBe(f.version.id);
    expect(created.sections.map((s) => [s.key, s.heading, s.body, s.tags, s.translations])).toEqual(before.map((s) => [s.key, s.heading, s.body, s.tags, s.translations]));
    const after = await db().section.findMany({ where: { versionId: f.version.id }, orderBy: { position: "asc" } });
    expect(after).toEqual(before);
    const audit = await db().auditEvent.findFirst({ where: { action: "version.created", entityId: v2 } });
    expect(audit?.data).toMatchObject({ source: "copy", basedOn: 1 });
  });

  it("a second start (a double click) reuses version 2 instead of making version 3", async () => {
    const again = await outcome(() =>
      versionAction({ request: post(versionUrl(f.version.id), { intent: "new-version" }, cookie), params: { consultationId: f.consultation.id, versionId: f.version.id }, context }),
    );
    expect(again.location).toBe(`${versionUrl(v2)}?reused=1`);
    expect(await db().documentVersion.count({ where: { consultationId: f.consultation.id } })).toBe(2);
    const page = await outcome(() => versionLoader({ request: get(versionUrl(f.version.id), cookie), params: { consultationId: f.consultation.id, versionId: f.version.id }, context }));
    expect(page.data.nextDraft).toEqual({ id: v2, number: 2 });
  });

  it("the locked version 1 still refuses edits", async () => {
    const section = await db().section.findFirstOrThrow({ where: { versionId: f.version.id, key: "scope" } });
    await expect(
      editSection(f.coordinator.id, f.consultation.id, f.version.id, "scope", { heading: section.heading, body: "Changed", tags: [], baseline: sectionBaseline(section) }),
    ).rejects.toThrow(/used by a round|can no longer change/);
  });
});

describe("the compare page", () => {
  it("shows a word-level redline of an edited section against version 1", async () => {
    const section = await db().section.findFirstOrThrow({ where: { versionId: v2, key: "scope" } });
    await editSection(f.coordinator.id, f.consultation.id, v2, "scope", {
      heading: section.heading,
      body: "This guidance helps survivors and their families.",
      tags: section.tags,
      baseline: sectionBaseline(section),
    });
    const page = await outcome(() => compareLoader({ request: get(`${versionUrl(v2)}/compare`, cookie), params: { consultationId: f.consultation.id, versionId: v2 }, context }));
    expect(page.status).toBe(200);
    const scope = page.data.sections.find((s: { key: string }) => s.key === "scope");
    expect(scope.change).toBe("changed");
    expect(scope.parts).toEqual([
      { kind: "same", text: "This guidance helps " },
      { kind: "del", text: "victims " },
      { kind: "ins", text: "survivors " },
      { kind: "same", text: "and their families." },
    ]);
    expect(scope.items.map((i: { id: string }) => i.id)).toEqual([f.scopeItem.id]);
    expect(page.data.sections.find((s: { key: string }) => s.key === "services").change).toBe("unchanged");
  });

  it("an empty section is 'no text in either version', not an error; text added to it is all inserted", async () => {
    const page = await outcome(() => compareLoader({ request: get(`${versionUrl(v2)}/compare`, cookie), params: { consultationId: f.consultation.id, versionId: v2 }, context }));
    const annex = page.data.sections.find((s: { key: string }) => s.key === "annex");
    expect(annex).toMatchObject({ change: "unchanged", empty: true, parts: [] });
    expect(compareSections([{ key: "a", heading: "A", body: "" }], [{ key: "a", heading: "A", body: "New words." }])[0]).toMatchObject({
      change: "changed",
      empty: false,
      parts: [{ kind: "ins", text: "New words." }],
    });
  });

  it("labels added, removed and moved sections", () => {
    const base = [
      { key: "a", heading: "A", body: "Alpha." },
      { key: "b", heading: "B", body: "Beta." },
      { key: "c", heading: "C", body: "Gamma." },
    ];
    const next = [
      { key: "c", heading: "C", body: "Gamma." },
      { key: "a", heading: "A", body: "Alpha." },
      { key: "d", heading: "D", body: "Delta." },
    ];
    expect(compareSections(base, next).map((s) => [s.key, s.change])).toEqual([
      ["c", "moved"],
      ["a", "moved"],
      ["b", "removed"],
      ["d", "added"],
    ]);
  });

  it("a version not made from another has nothing to compare, and an unknown version is a 404", async () => {
    const page = await outcome(() => compareLoader({ request: get(`${versionUrl(f.version.id)}/compare`, cookie), params: { consultationId: f.consultation.id, versionId: f.version.id }, context }));
    expect(page.data.base).toBeNull();
    const missing = await outcome(() => compareLoader({ request: get(`${versionUrl("nope")}/compare`, cookie), params: { consultationId: f.consultation.id, versionId: "nope" }, context }));
    expect(missing.status).toBe(404);
  });
});

describe("linking a change to the worklist items it resolves", () => {
  const resolve = (fields: Record<string, string | string[]>, as = cookie) =>
    outcome(() => compareAction({ request: post(`${versionUrl(v2)}/compare`, fields, as), params: { consultationId: f.consultation.id, versionId: v2 }, context }));
  /** An item as the compare form shows it: its id at the revision read now. */
  const shown = async (id: string) => `${id}@${(await db().worklistItem.findUniqueOrThrow({ where: { id } })).revision}`;
  const readCompare = () => outcome(() => compareLoader({ request: get(`${versionUrl(v2)}/compare`, cookie), params: { consultationId: f.consultation.id, versionId: v2 }, context }));
  const readItem = (itemId: string) =>
    outcome(() => itemLoader({ request: get(`/consultations/${f.consultation.id}/worklist/${itemId}`, cookie), params: { consultationId: f.consultation.id, itemId }, context }));

  it("a ticked item is done in version 2 and keeps its decision, with an audit entry", async () => {
    const result = await resolve({ sectionKey: "scope", shown: [await shown(f.scopeItem.id)], resolved: [f.scopeItem.id] });
    expect(result.status).toBe(302);
    const item = await db().worklistItem.findUniqueOrThrow({ where: { id: f.scopeItem.id } });
    expect(item).toMatchObject({ status: "ACCEPTED", resolvedInVersionId: v2, revision: 2 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "worklist-item.resolved", entityId: f.scopeItem.id } });
    expect(audit).toMatchObject({ actorId: f.coordinator.id, consultationId: f.consultation.id, data: { version: 2, sectionKey: "scope", status: "ACCEPTED" } });
    const page = await readCompare();
    expect(page.data.sections.find((s: { key: string }) => s.key === "scope").items[0]).toMatchObject({ status: "ACCEPTED", resolvedHere: true });
  });

  it("the item page shows the decision and where it was done; its history words the resolve as a decision", async () => {
    const page = await readItem(f.scopeItem.id);
    expect(page.data.item.status).toBe("Accepted — done in version 2");
    expect(page.data.values.status).toBe("ACCEPTED");
    expect(page.data.history[0]).toMatchObject({ who: "Coordinator", action: "worklist-item.resolved" });
    expect(describeItemEvent(page.data.history[0].action, page.data.history[0].data)).toBe("Marked done in version 2");
    expect((await lastDecision(f.scopeItem.id))?.action).toBe("worklist-item.resolved");
  });

  it("a done item's decision cannot be changed to one a change cannot implement until it is unticked", async () => {
    const item = await db().worklistItem.findUniqueOrThrow({ where: { id: f.scopeItem.id } });
    const refused = await outcome(() =>
      itemAction({
        request: post(
          `/consultations/${f.consultation.id}/worklist/${item.id}`,
          { summary: item.summary, type: item.type, priority: item.priority, ownerId: "", status: "NOT_ACCEPTED", rationale: "Changed our mind.", revision: String(item.revision) },
          cookie,
        ),
        params: { consultationId: f.consultation.id, itemId: item.id },
        context,
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.data.errors.status).toContain("done in version 2");
    expect(await db().worklistItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "ACCEPTED", revision: item.revision });
  });

  it("the worklist's Done filter and the matrix's observations keep the decision", async () => {
    const list = await outcome(() =>
      listLoader({ request: get(`/consultations/${f.consultation.id}/worklist?status=DONE`, cookie), params: { consultationId: f.consultation.id }, context }),
    );
    expect(list.data.items.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([[f.scopeItem.id, "Accepted — done in version 2"]]);
    expect(list.data.counts).toContainEqual(expect.objectContaining({ id: "DONE", count: 1 }));
    expect(list.data.counts).toContainEqual(expect.objectContaining({ id: "ACCEPTED", count: 1 }));
    expect(observationsOf([{ type: "GENERAL", status: "ACCEPTED_WITH_CHANGES", rationale: "Reworded.", doneIn: 2 }])).toBe("Accepted with changes — done in version 2: Reworded.");
  });

  it("unticking leaves its decision and makes it no longer done", async () => {
    await resolve({ sectionKey: "scope", shown: [await shown(f.scopeItem.id)] });
    expect(await db().worklistItem.findUniqueOrThrow({ where: { id: f.scopeItem.id } })).toMatchObject({ status: "ACCEPTED", resolvedInVersionId: null });
    expect(await db().auditEvent.count({ where: { action: "worklist-item.unresolved", entityId: f.scopeItem.id } })).toBe(1);
    await resolve({ sectionKey: "scope", shown: [await shown(f.scopeItem.id)], resolved: [f.scopeItem.id] });
  });

  it("refuses an item of another section, changing nothing", async () => {
    const result = await resolve({ sectionKey: "scope", shown: [await shown(f.servicesItem.id)], resolved: [f.servicesItem.id] });
    expect(result.status).toBe(409);
    expect(await db().worklistItem.findUniqueOrThrow({ where: { id: f.servicesItem.id } })).toMatchObject({ status: "NOT_ACCEPTED", resolvedInVersionId: null });
  });

  it("only an accepted item can be done by a change: a not-accepted one is refused with a clear message", async () => {
    const result = await resolve({ sectionKey: "services", shown: [await shown(f.servicesItem.id)], resolved: [f.servicesItem.id] });
    expect(result.status).toBe(400);
    expect(result.data.error).toContain("only an accepted item");
    expect(await db().worklistItem.findUniqueOrThrow({ where: { id: f.servicesItem.id } })).toMatchObject({ status: "NOT_ACCEPTED", resolvedInVersionId: null });
    const page = await readCompare();
    expect(page.data.sections.find((s: { key: string }) => s.key === "services").items[0]).toMatchObject({ resolvable: false });
  });

  it("a decision saved while the compare page was open is not overwritten: 409 naming it", async () => {
    const other = await db().worklistItem.create({
      data: { consultationId: f.consultation.id, roundId: f.round.id, sectionKey: "services", summary: "Mention peer support", status: "ACCEPTED", rationale: "Yes." },
    });
    const formRead = await shown(other.id);
    const saved = await outcome(() =>
      itemAction({
        request: post(
          `/consultations/${f.consultation.id}/worklist/${other.id}`,
          { summary: other.summary, type: other.type, priority: other.priority, ownerId: "", status: "NOTED", rationale: "Out of scope after all.", revision: String(other.revision) },
          cookie,
        ),
        params: { consultationId: f.consultation.id, itemId: other.id },
        context,
      }),
    );
    expect(saved.status).toBe(302);
    const result = await resolve({ sectionKey: "services", shown: [formRead, await shown(f.servicesItem.id)], resolved: [other.id] });
    expect(result.status).toBe(409);
    expect(result.data.error).toContain("Coordinator (decision: Noted");
    expect(result.data.error).toContain("it is now noted");
    expect(await db().worklistItem.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: "NOTED", resolvedInVersionId: null, rationale: "Out of scope after all." });
    await db().worklistItem.delete({ where: { id: other.id } });
  });

  it("analysts read the compare page but cannot resolve", async () => {
    const analyst = await cookieFor(f.analyst.id);
    const page = await outcome(() => compareLoader({ request: get(`${versionUrl(v2)}/compare`, analyst), params: { consultationId: f.consultation.id, versionId: v2 }, context }));
    expect(page.data.canResolve).toBe(false);
    const refused = await resolve({ sectionKey: "services", shown: [await shown(f.servicesItem.id)], resolved: [f.servicesItem.id] }, analyst);
    expect(refused.status).toBe(403);
  });

  it("the next round can be opened on version 2 (preselected from the compare page's link)", async () => {
    const page = await outcome(() =>
      newRoundLoader({ request: get(`/consultations/${f.consultation.id}/rounds/new?version=${v2}`, cookie), params: { consultationId: f.consultation.id }, context }),
    );
    expect(page.data.defaults.versionId).toBe(v2);
  });
});

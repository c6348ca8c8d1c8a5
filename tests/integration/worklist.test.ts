/**
 * The revision worklist through its routes: items created from answers (analysts propose,
 * they start open) or by hand, decided by coordinators only, every change audited in its
 * transaction, and two coordinators deciding at once: exactly one wins, the other gets a 409
 * naming the winner's decision and keeps what they typed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { action as itemAction, loader as itemLoader } from "~/routes/consultations.$consultationId.worklist.$itemId";
import { loader as listLoader } from "~/routes/consultations.$consultationId.worklist._index";
import { loader as exportLoader } from "~/routes/consultations.$consultationId.worklist.export";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { action as newAction, loader as newLoader } from "~/routes/consultations.$consultationId.worklist.new";
import { buildRound } from "./text-answers-fixture";
import { context, get, outcome, post } from "./route-helpers";

let r: Awaited<ReturnType<typeof buildRound>>;
let other: Awaited<ReturnType<typeof buildRound>>;
beforeAll(async () => {
  r = await buildRound("worklist");
  other = await buildRound("elsewhere");
});

const base = () => `/consultations/${r.consultationId}/worklist`;
const create = (fields: Record<string, string | string[]>, cookie: string) =>
  outcome(() => newAction({ request: post(`${base()}/new`, fields, cookie), params: { consultationId: r.consultationId }, context }));
const decide = (itemId: string, fields: Record<string, string>, cookie: string) =>
  outcome(() => itemAction({ request: post(`${base()}/${itemId}`, fields, cookie), params: { consultationId: r.consultationId, itemId }, context }));
const readItem = (itemId: string, cookie: string) =>
  outcome(() => itemLoader({ request: get(`${base()}/${itemId}`, cookie), params: { consultationId: r.consultationId, itemId }, context }));
const list = (query: string, cookie = r.coordinator.cookie) =>
  outcome(() => listLoader({ request: get(`${base()}${query}`, cookie), params: { consultationId: r.consultationId }, context }));
const itemIdOf = (location: string | null | undefined) => /\/worklist\/([^/?]+)/.exec(location ?? "")![1]!;

const decision = (revision: number, extra: Record<string, string> = {}) => ({
  summary: "Say that services reach rural survivors and their families",
  type: "TECHNICAL",
  priority: "HIGH",
  ownerId: "",
  status: "ACCEPTED_WITH_CHANGES",
  rationale: "Accepted, worded to cover families as the Convention does.",
  revision: String(revision),
  ...extra,
});

let itemId: string;

describe("creating items", () => {
  it("pre-fills the new item form from selected answers, with the section they share and attribution for the reader", async () => {
    const page = await outcome(() =>
      newLoader({
        request: get(`${base()}/new?round=${r.roundId}&answer=${r.answers.publicScope}&answer=${r.answers.typeOnlyScope}`, r.analyst.cookie),
        params: { consultationId: r.consultationId },
        context,
      }),
    );
    expect(page.status).toBe(200);
    expect(page.data.values.sectionKey).toBe("scope");
    expect(page.data.sources.map((s: { who: string }) => s.who)).toEqual([r.orgs.public.name, "A respondent of type “NGO”"]);
  });

  it("lets an analyst propose an item from two answers: it starts open, with its sources, audited", async () => {
    const created = await create(
      { roundId: r.roundId, sectionKey: "scope", summary: "Rural survivors", type: "GENERAL", priority: "MEDIUM", answerId: [r.answers.publicScope, r.answers.typeOnlyScope] },
      r.analyst.cookie,
    );
    expect(created.status).toBe(302);
    itemId = itemIdOf(created.location);
    const item = await db().worklistItem.findUniqueOrThrow({ where: { id: itemId }, include: { sources: true } });
    expect(item).toMatchObject({ status: "OPEN", sectionKey: "scope", roundId: r.roundId, revision: 1, rationale: "" });
    expect(item.sources.map((s) => s.answerId).sort()).toEqual([r.answers.publicScope, r.answers.typeOnlyScope].sort());
    const events = await db().auditEvent.findMany({ where: { entityType: "WorklistItem", entityId: itemId } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([["worklist.created", r.analyst.id]]);
  });

  it("creates an item by hand, and refuses answers of a draft or of another consultation", async () => {
    const byHand = await create({ sectionKey: "", summary: "Shorten the whole document", type: "EDITORIAL", priority: "LOW" }, r.coordinator.cookie);
    expect(byHand.status).toBe(302);
    expect(await db().worklistItem.findUniqueOrThrow({ where: { id: itemIdOf(byHand.location) } })).toMatchObject({ sectionKey: null, type: "EDITORIAL" });
    for (const answerId of [r.answers.draftScope, other.answers.publicScope]) {
      const refused = await create({ summary: "x", type: "GENERAL", priority: "LOW", answerId }, r.coordinator.cookie);
      expect(refused.status).toBe(400);
      expect(refused.data.errors.form).toMatch(/no longer exist or are not submitted/);
    }
    const invalid = await create({ summary: " ", type: "NONSENSE", priority: "LOW" }, r.coordinator.cookie);
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.data.errors).sort()).toEqual(["summary", "type"]);
    expect(invalid.data.values.type).toBe("NONSENSE");
  });
});

describe("deciding items", () => {
  it("does not let an analyst decide (403), and changes nothing", async () => {
    const refused = await decide(itemId, decision(1), r.analyst.cookie);
    expect(refused.status).toBe(403);
    expect(await db().worklistItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({ status: "OPEN", revision: 1 });
    expect((await readItem(itemId, r.analyst.cookie)).data.canDecide).toBe(false);
  });

  it("asks for the rationale of a decision", async () => {
    const missing = await decide(itemId, decision(1, { rationale: "  " }), r.coordinator.cookie);
    expect(missing.status).toBe(400);
    expect(missing.data.errors.rationale).toBe("Give the reason for the decision");
  });

  it("records a coordinator's decision, with an audit entry in the same transaction", async () => {
    const saved = await decide(itemId, decision(1), r.coordinator.cookie);
    expect(saved.status).toBe(302);
    const item = await db().worklistItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item).toMatchObject({ status: "ACCEPTED_WITH_CHANGES", type: "TECHNICAL", priority: "HIGH", revision: 2 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: itemId, action: "worklist.decided" } });
    expect(audit).toMatchObject({ actorId: r.coordinator.id, consultationId: r.consultationId });
    expect(audit.data).toMatchObject({ status: "ACCEPTED_WITH_CHANGES", changed: { status: { from: "OPEN", to: "ACCEPTED_WITH_CHANGES" } } });
  });

  it("two coordinators deciding at once: one wins, the other gets a 409 with the winner's decision and keeps their text", async () => {
    const mine = decision(2, { status: "NOT_ACCEPTED", rationale: "Out of scope for this guidance." });
    const theirs = decision(2, { status: "ACCEPTED", rationale: "Accepted as proposed." });
    const [a, b] = await Promise.all([decide(itemId, mine, r.coordinator.cookie), decide(itemId, theirs, r.second.cookie)]);
    expect([a.status, b.status].sort()).toEqual([302, 409]);
    const [loser, loserInput, winnerInput] = a.status === 302 ? [b, theirs, mine] : [a, mine, theirs];
    const item = await db().worklistItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item).toMatchObject({ status: winnerInput.status, rationale: winnerInput.rationale, revision: 3 });
    expect(loser.data.errors.form).toMatch(/Another coordinator saved this item/);
    expect(loser.data.conflict).toMatchObject({ rationale: winnerInput.rationale, revision: 3 });
    expect(loser.data.values.rationale).toBe(loserInput.rationale);
    expect(loser.data.values.revision).toBe("3");
    expect(await db().auditEvent.count({ where: { entityId: itemId, action: "worklist.decided" } })).toBe(2);

    // Saving again from the conflict page is a deliberate choice, and works.
    const again = await decide(itemId, { ...loserInput, revision: "3" }, a.status === 409 ? r.coordinator.cookie : r.second.cookie);
    expect(again.status).toBe(302);
    expect(await db().worklistItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({ status: loserInput.status, revision: 4 });
  });

  it("a stale form after that is refused, whatever it says", async () => {
    const stale = await decide(itemId, decision(2), r.coordinator.cookie);
    expect(stale.status).toBe(409);
    expect((await db().worklistItem.findUniqueOrThrow({ where: { id: itemId } })).revision).toBe(4);
  });

  it("audits a change that is not a decision as an update", async () => {
    const item = await db().worklistItem.findUniqueOrThrow({ where: { id: itemId } });
    const saved = await decide(
      itemId,
      { summary: item.summary, type: item.type, priority: "LOW", ownerId: r.second.id, status: item.status, rationale: item.rationale, revision: String(item.revision) },
      r.coordinator.cookie,
    );
    expect(saved.status).toBe(302);
    const last = await db().auditEvent.findFirstOrThrow({ where: { entityId: itemId }, orderBy: { at: "desc" } });
    expect(last.action).toBe("worklist.updated");
    expect(last.data).toMatchObject({ changed: { priority: { from: "HIGH", to: "LOW" }, ownerId: { from: null, to: r.second.id } } });
  });

  it("refuses an owner from outside the team", async () => {
    const item = await db().worklistItem.findUniqueOrThrow({ where: { id: itemId } });
    const outsider = other.coordinator.id;
    const refused = await decide(itemId, { ...decision(item.revision), ownerId: outsider }, r.coordinator.cookie);
    expect(refused.status).toBe(400);
    expect(refused.data.errors.ownerId).toBeTruthy();
  });

  it("shows an analyst the sources with the names they may see", async () => {
    const page = await readItem(itemId, r.analyst.cookie);
    expect(page.data.sources.map((s: { who: string }) => s.who).sort()).toEqual([r.orgs.public.name, "A respondent of type “NGO”"].sort());
    expect(JSON.stringify(page.data)).not.toContain(r.orgs.typeOnly.name);
  });
});

describe("the list", () => {
  it("counts by status and filters; unknown filter values are ignored, not an error", async () => {
    const all = await list("");
    expect(all.status).toBe(200);
    expect(all.data.items).toHaveLength(2);
    expect(all.data.counts.find((c: { id: string }) => c.id === "OPEN").count).toBe(1);
    expect((await list("?type=EDITORIAL")).data.items.map((i: { summary: string }) => i.summary)).toEqual(["Shorten the whole document"]);
    expect((await list("?section=document")).data.items).toHaveLength(1);
    expect((await list("?section=scope&priority=LOW&sort=priority")).data.items).toHaveLength(1);
    expect((await list(`?owner=${r.second.id}`)).data.items).toHaveLength(1);
    expect((await list("?owner=none")).data.items).toHaveLength(1);
    const odd = await list("?status=MAYBE&type=x&priority=urgent&sort=sideways&round=nope&owner=&section=" + "x".repeat(500));
    expect(odd.status).toBe(200);
    expect(odd.data.items).toHaveLength(0); // the unknown round filters to nothing, harmlessly
    expect((await list("?status=MAYBE&type=x&priority=urgent&sort=sideways")).data.items).toHaveLength(2);
  });

  it("is not shown to another consultation's team", async () => {
    expect((await list("", other.coordinator.cookie)).status).toBe(404);
    expect((await readItem(itemId, other.coordinator.cookie)).status).toBe(404);
  });
});

describe("the list as a download", () => {
  const download = async (query: string, cookie = r.coordinator.cookie) => {
    const response = await exportLoader({ request: get(`${base()}/export${query}`, cookie), params: { consultationId: r.consultationId }, context });
    expect(response).toBeInstanceOf(Response);
    return response as Response;
  };

  it("holds the items the page shows, with their decisions, as CSV and XLSX, audited", async () => {
    const decided = await db().worklistItem.findFirstOrThrow({ where: { consultationId: r.consultationId, status: { not: "OPEN" } } });
    const page = await list(`?status=${decided.status}`);
    const shown = page.data.items as Array<{ summary: string; status: string }>;
    expect(shown.length).toBeGreaterThan(0);

    const csv = await download(`?status=${decided.status}&format=csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/-worklist\.csv"$/);
    const [header, ...rows] = parse(Buffer.from(await csv.arrayBuffer()).subarray(3).toString("utf8")) as string[][];
    expect(header).toEqual(["Section", "Summary", "Type", "Priority", "Decision", "Rationale", "Owner", "Round", "Source answers", "Last changed (UTC)"]);
    expect(rows.map((row) => row[1])).toEqual(shown.map((i) => i.summary));
    expect(rows.map((row) => row[4])).toEqual(shown.map((i) => i.status));
    expect(rows.every((row) => row[5] !== "")).toBe(true); // a decision carries its rationale

    const xlsx = await download(`?status=${decided.status}&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets[0]!.rowCount).toBe(rows.length + 1);
    const audits = await db().auditEvent.findMany({ where: { consultationId: r.consultationId, action: "export.downloaded" } });
    expect(audits.map((a) => (a.data as { export: string }).export).sort()).toEqual(["worklist.csv", "worklist.xlsx"]);
  });

  it("is not given to another consultation's team", async () => {
    const refused = await outcome(() => exportLoader({ request: get(`${base()}/export?format=csv`, other.coordinator.cookie), params: { consultationId: r.consultationId }, context }));
    expect(refused.status).toBe(404);
  });
});

/**
 * Consultations: creating one makes its creator the coordinator; settings changes, team
 * changes and archiving are audited; analysts read but cannot change; the audit log page
 * filters and ignores malformed filters. Route loaders and actions are called directly.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { action as newAction } from "~/routes/consultations.new";
import { action as settingsAction, loader as settingsLoader } from "~/routes/consultations.$consultationId.settings";
import { loader as auditLoader } from "~/routes/consultations.$consultationId.audit";
import { loader as overviewLoader } from "~/routes/consultations.$consultationId._index";
import { BASE, context, cookieFor, get, outcome, post as postForm } from "./route-helpers";

const post = (path: string, cookie: string, fields: Record<string, string | string[]>) => postForm(path, fields, cookie);

let coordinator: string, analyst: string, stranger: string, consultationId: string;

beforeAll(async () => {
  const users = await Promise.all(
    ["lead@example.org", "reader@example.org", "nobody@example.org"].map((email) => db().user.create({ data: { email, name: email.split("@")[0]! } })),
  );
  const [c, a, s] = users;
  const other = await db().consultation.create({ data: { slug: "other", title: "Other", members: { create: { userId: c!.id, role: "COORDINATOR" } } } });
  expect(other.id).toBeTruthy();
  coordinator = await cookieFor(c!.id);
  analyst = await cookieFor(a!.id);
  stranger = await cookieFor(s!.id);
  const created = await outcome(() =>
    newAction({ request: post("/consultations/new", coordinator, { title: "Guidance on victim assistance", summary: "Draft 1", languages: ["en", "fr"], timeZone: "America/Panama" }), params: {}, context }),
  );
  expect(created.status).toBe(302);
  consultationId = created.location!.split("/").pop()!;
  await db().consultationMember.create({ data: { consultationId, userId: a!.id, role: "ANALYST" } });
});

describe("creating a consultation", () => {
  it("makes the creator its coordinator and audits it", async () => {
    const c = await db().consultation.findUniqueOrThrow({ where: { id: consultationId }, include: { members: { include: { user: true } } } });
    expect(c.languages).toEqual(["en", "fr"]);
    expect(c.timeZone).toBe("America/Panama");
    expect(c.members.find((m) => m.role === "COORDINATOR")?.user.email).toBe("lead@example.org");
    expect(await db().auditEvent.count({ where: { consultationId, action: "consultation.created" } })).toBe(1);
  });

  it("stores the language the draft is written in first, so French is the original and English its translation", async () => {
    const created = await outcome(() =>
      newAction({
        request: post("/consultations/new", coordinator, { title: "Guide d’assistance aux victimes", languages: ["en", "fr"], originalLanguage: "fr", timeZone: "Europe/Paris" }),
        params: {},
        context,
      }),
    );
    expect(created.status).toBe(302);
    const c = await db().consultation.findUniqueOrThrow({ where: { id: created.location!.split("/").pop()! } });
    expect(c.languages).toEqual(["fr", "en"]);
    // An original that was not ticked runs too; an unknown one is a field error.
    const unticked = await outcome(() =>
      newAction({ request: post("/consultations/new", coordinator, { title: "Guía", languages: ["en"], originalLanguage: "es", timeZone: "America/Panama" }), params: {}, context }),
    );
    expect((await db().consultation.findUniqueOrThrow({ where: { id: unticked.location!.split("/").pop()! } })).languages).toEqual(["es", "en"]);
    const unknown = await outcome(() =>
      newAction({ request: post("/consultations/new", coordinator, { title: "Guide", languages: ["en"], originalLanguage: "de", timeZone: "UTC" }), params: {}, context }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.data.errors.originalLanguage).toBe("Choose one of the languages offered");
  });

  it("refuses bad input with field errors and keeps what was typed", async () => {
    const result = await outcome(() =>
      newAction({ request: post("/consultations/new", coordinator, { title: "x", timeZone: "Mars/Olympus" }), params: {}, context }),
    );
    expect(result.status).toBe(400);
    expect(Object.keys(result.data.errors).sort()).toEqual(["languages", "timeZone", "title"]);
    expect(result.data.values.title).toBe("x");
  });

  it("is refused to someone who coordinates nothing", async () => {
    const result = await outcome(() => newAction({ request: post("/consultations/new", stranger, { title: "Mine", languages: "en", timeZone: "UTC" }), params: {}, context }));
    expect(result.status).toBe(403);
  });
});

describe("the overview", () => {
  it("names its languages and sums up the worklist by decision", async () => {
    const read = () => outcome(() => overviewLoader({ request: get(`/consultations/${consultationId}`, analyst), params: { consultationId }, context }));
    const empty = await read();
    expect(empty.status).toBe(200);
    expect(empty.data.languages).toEqual(["English", "French"]);
    expect(empty.data.worklist).toEqual({ total: 0, byStatus: [] });
    await db().worklistItem.createMany({
      data: [
        { consultationId, summary: "One", status: "OPEN" },
        { consultationId, summary: "Two", status: "OPEN" },
        { consultationId, summary: "Three", status: "NOTED", rationale: "Noted." },
      ],
    });
    expect((await read()).data.worklist).toEqual({
      total: 3,
      byStatus: [
        { id: "OPEN", label: "Open", count: 2 },
        { id: "NOTED", label: "Noted", count: 1 },
      ],
    });
    await db().worklistItem.deleteMany({ where: { consultationId } });
  });
});

describe("settings", () => {
  it("lets a coordinator change details, audited with what changed", async () => {
    const result = await outcome(() =>
      settingsAction({ request: post(`/consultations/${consultationId}/settings`, coordinator, { intent: "update", title: "Guidance on an integrated approach", summary: "Draft 1", languages: ["en", "fr", "es"], timeZone: "America/Panama" }), params: { consultationId }, context }),
    );
    expect(result.status).toBe(302);
    const event = await db().auditEvent.findFirstOrThrow({ where: { consultationId, action: "consultation.updated" } });
    expect((event.data as { changed: string[] }).changed.sort()).toEqual(["languages", "title"]);
  });

  it("lets an analyst read but not change", async () => {
    const read = await outcome(() => settingsLoader({ request: new Request(`${BASE}/consultations/${consultationId}/settings`, { headers: { cookie: analyst } }), params: { consultationId }, context }));
    expect(read.status).toBe(200);
    expect(read.data.canEdit).toBe(false);
    const write = await outcome(() => settingsAction({ request: post(`/consultations/${consultationId}/settings`, analyst, { intent: "archive" }), params: { consultationId }, context }));
    expect(write.status).toBe(403);
    expect((await db().consultation.findUniqueOrThrow({ where: { id: consultationId } })).archivedAt).toBeNull();
  });

  it("hides the consultation from non-members (404)", async () => {
    const read = await outcome(() => settingsLoader({ request: new Request(`${BASE}/consultations/${consultationId}/settings`, { headers: { cookie: stranger } }), params: { consultationId }, context }));
    expect(read.status).toBe(404);
  });

  it("adds a team member by email, and never removes the last coordinator", async () => {
    await outcome(() => settingsAction({ request: post(`/consultations/${consultationId}/settings`, coordinator, { intent: "add-member", email: "New.Person@Example.org", name: "New Person", role: "COORDINATOR" }), params: { consultationId }, context }));
    const added = await db().user.findUniqueOrThrow({ where: { email: "new.person@example.org" } });
    expect(await db().consultationMember.findUnique({ where: { consultationId_userId: { consultationId, userId: added.id } } })).toMatchObject({ role: "COORDINATOR" });

    await outcome(() => settingsAction({ request: post(`/consultations/${consultationId}/settings`, coordinator, { intent: "remove-member", userId: added.id }), params: { consultationId }, context }));
    const lead = await db().user.findUniqueOrThrow({ where: { email: "lead@example.org" } });
    const refused = await outcome(() => settingsAction({ request: post(`/consultations/${consultationId}/settings`, coordinator, { intent: "remove-member", userId: lead.id }), params: { consultationId }, context }));
    expect(refused.status).toBe(409);
    expect(refused.data.errors.form).toMatch(/at least one coordinator/);
    expect(await db().auditEvent.count({ where: { consultationId, action: { in: ["consultation.member-added", "consultation.member-removed"] } } })).toBe(2);
  });

  it("archives and brings back, audited", async () => {
    await outcome(() => settingsAction({ request: post(`/consultations/${consultationId}/settings`, coordinator, { intent: "archive" }), params: { consultationId }, context }));
    expect((await db().consultation.findUniqueOrThrow({ where: { id: consultationId } })).archivedAt).not.toBeNull();
    await outcome(() => settingsAction({ request: post(`/consultations/${consultationId}/settings`, coordinator, { intent: "unarchive" }), params: { consultationId }, context }));
    expect((await db().consultation.findUniqueOrThrow({ where: { id: consultationId } })).archivedAt).toBeNull();
  });
});

describe("the audit log page", () => {
  const load = (query: string, cookie = coordinator) =>
    outcome(() => auditLoader({ request: new Request(`${BASE}/consultations/${consultationId}/audit${query}`, { headers: { cookie } }), params: { consultationId }, context }));

  it("lists entries newest first and filters by action", async () => {
    const all = await load("");
    expect(all.status).toBe(200);
    expect(all.data.total).toBeGreaterThanOrEqual(6);
    expect(all.data.events[0].action).toBe("consultation.unarchived");
    expect(all.data.events[0].actionText).toBe("Consultation: unarchived"); // in words, the code beside it
    const archived = await load("?action=consultation.archived");
    expect(archived.data.events.map((e: { action: string }) => e.action)).toEqual(["consultation.archived"]);
  });

  it("ignores malformed filters instead of failing", async () => {
    const result = await load("?from=yesterday&to=2026-13-45&page=-3&actor=");
    expect(result.status).toBe(200);
    expect(result.data.page).toBe(1);
  });

  it("filters by day in the consultation's time zone, the zone its times are shown in", async () => {
    // 22:00 on 9 March in Panama (UTC-5) is 03:00 on 10 March in UTC.
    const late = await db().auditEvent.create({
      data: { consultationId, action: "round.closed", entityType: "Round", entityId: "gone-round", at: new Date("2026-03-10T03:00:00Z"), data: { title: "Round of March" } },
    });
    const ninth = await load("?from=2026-03-09&to=2026-03-09");
    expect(ninth.data.events.map((e: { id: string }) => e.id)).toEqual([late.id]);
    expect(ninth.data.events[0].at).toBe("9 Mar 2026, 22:00");
    expect((await load("?from=2026-03-10&to=2026-03-10")).data.events).toEqual([]);
    expect(ninth.data.problems).toEqual([]);
    await db().auditEvent.delete({ where: { id: late.id } });
  });

  it("says when the days cannot match or were not understood", async () => {
    expect((await load("?from=2026-03-10&to=2026-03-01")).data.problems).toEqual([expect.stringMatching(/before the “From” day/)]);
    expect((await load("?from=2026-02-30")).data.problems).toEqual([expect.stringMatching(/not understood/)]);
  });

  it("filters by what the change was about, and names each entry's subject in words", async () => {
    const about = await load("?area=consultation");
    expect(about.data.total).toBeGreaterThanOrEqual(6);
    expect(about.data.events.every((e: { action: string }) => e.action.startsWith("consultation."))).toBe(true);
    expect(about.data.events.find((e: { action: string }) => e.action === "consultation.created").entity).toBe(
      `Consultation: ${(await db().consultation.findUniqueOrThrow({ where: { id: consultationId } })).title}`,
    );
    expect((await load("?area=round")).data.total).toBe(0);
    // An unknown area is ignored, not an error.
    expect((await load("?area=nonsense")).data.total).toBe(about.data.total);
  });

  it("names a worklist item and a tag by their words, and counts the answers an entry lists", async () => {
    const lead = (await db().user.findUniqueOrThrow({ where: { email: "lead@example.org" } })).id;
    const item = await db().worklistItem.create({ data: { consultationId, summary: "Say more about lifelong needs" } });
    const tag = await db().tag.create({ data: { consultationId, name: "lifelong needs" } });
    await db().auditEvent.createMany({
      data: [
        { consultationId, actorId: lead, action: "worklist.decided", entityType: "WorklistItem", entityId: item.id, data: { changed: { status: { from: "OPEN", to: "NOTED" } } } },
        { consultationId, actorId: lead, action: "answer.tagged", entityType: "Tag", entityId: tag.id, data: { answers: ["cmx2e2f240081vt7d8kuuoj8j", "cmx2e2f25008vt7d60zd9o1aa"] } },
      ],
    });
    const page = await load("?area=worklist");
    expect(page.data.events[0]).toMatchObject({ entity: "Worklist item: Say more about lifelong needs", details: "changed: status OPEN → NOTED" });
    const tagged = (await load("?area=answer")).data.events[0];
    expect(tagged).toMatchObject({ entity: "Tag “lifelong needs”", details: "answers: 2" });
  });

  it("is not shown to non-members", async () => {
    expect((await load("", stranger)).status).toBe(404);
  });
});

/**
 * Rounds, invitations, reminders and the outbox, with real parts (PostgreSQL, the route
 * loaders and actions, the scheduler with its clock passed in): time zones convert to the
 * right instant; transitions follow their rules and are audited; the scheduler opens and
 * closes on time, once, even with two processes; reminders skip those who submitted and stop
 * at the round's maximum; an extension lets one organisation answer after closing; personal
 * links can be revoked and resent; failed email can be retried from the outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, db, type Db } from "~/modules/db/client.server";
import { readOutbox } from "~/modules/mail/outbox.server";
import { findInvitationLink } from "~/modules/invitation/links.server";
import { extendDeadline, inviteOrganisations, resendLink, revokeLink } from "~/modules/invitation/invitations.server";
import { sendReminders } from "~/modules/invitation/reminders.server";
import { renderEmail } from "~/modules/mail/render.server";
import { fieldName } from "~/modules/questionnaire/questions";
import { zonedTimeToUtc } from "~/modules/round/dates";
import { createRound, transitionRound } from "~/modules/round/lifecycle.server";
import { runRoundScheduler } from "~/modules/round/scheduler.server";
import { RoundSchema, type RoundInput } from "~/modules/round/schemas";
import { responseRates } from "~/modules/round/response-rates.server";
import { roundTracking } from "~/modules/round/tracking.server";
import { action as trackingAction, loader as trackingLoader } from "~/routes/consultations.$consultationId.rounds.$roundId._index";
import { action as invitationsAction } from "~/routes/consultations.$consultationId.rounds.$roundId.invitations";
import { action as settingsAction } from "~/routes/consultations.$consultationId.rounds.$roundId.settings";
import { action as newRoundAction } from "~/routes/consultations.$consultationId.rounds.new";
import { action as sectionAction } from "~/routes/respond.$invitationId.sections.$sectionKey";
import { action as outboxAction, loader as outboxLoader } from "~/routes/outbox";
import { context, cookieFor, get, outcome, post } from "./route-helpers";

const DAY = 24 * 60 * 60_000;
const HOUR = 60 * 60_000;

let consultationId: string;
let versionId: string;
let sectionId: string;
let sectionKey: string;
const users = {} as Record<"lead" | "colleague" | "analyst", { id: string; cookie: string }>;
/** name → { id, contacts: user ids } */
const orgs = {} as Record<"kabul" | "vienna" | "panama" | "ngo", { id: string; contactUserIds: string[]; cookie: string }>;

async function user(email: string, extra: { language?: string; timeZone?: string; isAdmin?: boolean } = {}) {
  return db().user.create({ data: { email, name: email.split("@")[0]!, ...extra } });
}

beforeAll(async () => {
  const [lead, colleague, analyst] = await Promise.all([
    user("lead@coord.example", { timeZone: "Europe/Vienna" }),
    user("colleague@coord.example", { language: "es", timeZone: "America/Panama" }),
    user("analyst@coord.example"),
  ]);
  const consultation = await db().consultation.create({
    data: {
      slug: "rounds-test",
      title: "Guidance on victim assistance",
      timeZone: "Europe/Vienna",
      members: {
        create: [
          { userId: lead.id, role: "COORDINATOR" },
          { userId: colleague.id, role: "COORDINATOR" },
          { userId: analyst.id, role: "ANALYST" },
        ],
      },
    },
  });
  consultationId = consultation.id;
  const version = await db().documentVersion.create({
    data: { consultationId, number: 1, title: "First draft", sections: { create: { key: "scope", position: 1, heading: "Scope", body: "The scope." } } },
    include: { sections: true },
  });
  versionId = version.id;
  sectionId = version.sections[0]!.id;
  sectionKey = version.sections[0]!.key;
  users.lead = { id: lead.id, cookie: await cookieFor(lead.id) };
  users.colleague = { id: colleague.id, cookie: await cookieFor(colleague.id) };
  users.analyst = { id: analyst.id, cookie: await cookieFor(analyst.id) };

  const [state, ngo] = await Promise.all([
    db().stakeholderType.create({ data: { key: "affected-state", label: "Affected State", position: 1 } }),
    db().stakeholderType.create({ data: { key: "ngo", label: "NGO", position: 2 } }),
  ]);
  const make = async (name: string, typeId: string, people: Array<{ email: string; language?: string; timeZone?: string }>) => {
    const contacts = await Promise.all(people.map((p) => user(p.email, p)));
    const organisation = await db().organisation.create({
      data: { name, typeId, contacts: { create: contacts.map((c, i) => ({ userId: c.id, role: i === 0 ? "SUBMITTER" : "CONTRIBUTOR" })) } },
    });
    return { id: organisation.id, contactUserIds: contacts.map((c) => c.id), cookie: await cookieFor(contacts[0]!.id) };
  };
  orgs.kabul = await make("Afghanistan", state.id, [
    { email: "focal@af.example", timeZone: "Asia/Kabul" },
    { email: "second@af.example", language: "fr", timeZone: "Asia/Kabul" },
  ]);
  orgs.vienna = await make("Austria", state.id, [{ email: "focal@at.example", timeZone: "Europe/Vienna" }]);
  orgs.panama = await make("Panama", state.id, [{ email: "focal@pa.example", language: "es", timeZone: "America/Panama" }]);
  orgs.ngo = await make("Survivor Network", ngo.id, [{ email: "focal@ngo.example", language: "ar" }]);
});

/** A draft round with the given dates (UTC) and one question on the section. */
async function draftRound(title: string, dates: { opensAt: Date | null; closesAt: Date | null }, extra: Partial<RoundInput> = {}) {
  const created = await createRound(users.lead.id, consultationId, {
    title,
    versionId,
    instructions: "",
    timeZone: "Europe/Vienna",
    reminderDays: [7, 2],
    maxReminders: 2,
    ...dates,
    ...extra,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  await db().question.create({ data: { roundId: created.roundId, sectionId, position: 1, type: "LONG_TEXT", prompt: "Comments?" } });
  return created.roundId;
}

async function inviteAll(roundId: string) {
  const result = await inviteOrganisations(users.lead.id, roundId, { audienceTypes: ["affected-state", "ngo"], organisationIds: [] });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

const emailsOf = (roundId: string, template: string) =>
  readOutbox(db(), { where: { template, invitationLink: { invitation: { roundId } } }, orderBy: { createdAt: "asc" } });

const tokenIn = (text: string) => /\/invitations\/([A-Za-z0-9_-]{20,})/.exec(text)?.[1] ?? null;

const invitationOf = async (roundId: string, organisationId: string) =>
  db().invitation.findUniqueOrThrow({ where: { roundId_organisationId: { roundId, organisationId } } });

// ───────────────────────────── time zones ─────────────────────────────

describe("dates in a time zone", () => {
  it("convert a wall-clock time in the round's zone to the right UTC instant, across daylight saving", () => {
    expect(zonedTimeToUtc("2026-06-30T17:00", "Europe/Vienna")?.toISOString()).toBe("2026-06-30T15:00:00.000Z");
    expect(zonedTimeToUtc("2026-01-15T17:00", "Europe/Vienna")?.toISOString()).toBe("2026-01-15T16:00:00.000Z");
    expect(zonedTimeToUtc("2026-06-30T17:00", "Asia/Kabul")?.toISOString()).toBe("2026-06-30T12:30:00.000Z");
    expect(zonedTimeToUtc("2026-06-30T17:00", "America/Panama")?.toISOString()).toBe("2026-06-30T22:00:00.000Z");
    // 02:30 does not exist in Vienna on 29 March 2026: it moves forward by the hour skipped.
    expect(zonedTimeToUtc("2026-03-29T02:30", "Europe/Vienna")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(zonedTimeToUtc("2026-02-30T10:00", "Europe/Vienna")).toBeNull();
    expect(zonedTimeToUtc("2026-06-30T10:00", "Mars/Olympus")).toBeNull();
  });

  it("are checked by the round form: closing after opening, real dates", () => {
    const base = { title: "Round", versionId: "v", timeZone: "Asia/Kabul", maxReminders: "2" };
    const good = RoundSchema.safeParse({ ...base, opensAt: "2026-06-01T09:00", closesAt: "2026-06-30T17:00", reminderDays: ["2", "7"] });
    expect(good.success && good.data.closesAt?.toISOString()).toBe("2026-06-30T12:30:00.000Z");
    expect(good.success && good.data.reminderDays).toEqual([7, 2]);
    const backwards = RoundSchema.safeParse({ ...base, opensAt: "2026-06-30T17:00", closesAt: "2026-06-01T09:00" });
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues.map((i) => i.path.join("."))).toEqual(["closesAt"]);
    // More reminder days than reminders allowed: the last ones would never go out.
    const tooMany = RoundSchema.safeParse({ ...base, opensAt: "2026-06-01T09:00", closesAt: "2026-06-30T17:00", reminderDays: ["14", "7", "2"] });
    expect(tooMany.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["maxReminders", expect.stringMatching(/3 reminder days but at most 2 .* raise the maximum to 3 or more, or untick a day/)],
    ]);
    const nonsense = RoundSchema.safeParse({ ...base, opensAt: "tomorrow", reminderDays: "5" });
    expect(nonsense.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["opensAt", "reminderDays"]);
  });

  it("are stored in UTC by the new-round page, which keeps what was typed on error", async () => {
    const fields = { title: "Round by form", versionId, timeZone: "America/Panama", opensAt: "2031-05-01T08:00", closesAt: "2031-05-31T17:00", reminderDays: ["7"], maxReminders: "3" };
    const created = await outcome(() =>
      newRoundAction({ request: post(`/consultations/${consultationId}/rounds/new`, fields, users.lead.cookie), params: { consultationId }, context }),
    );
    expect(created.status).toBe(302);
    const roundId = created.location!.split("/").at(-2)!;
    const round = await db().round.findUniqueOrThrow({ where: { id: roundId } });
    expect(round.opensAt?.toISOString()).toBe("2031-05-01T13:00:00.000Z");
    expect(round.closesAt?.toISOString()).toBe("2031-05-31T22:00:00.000Z");
    expect(round).toMatchObject({ status: "DRAFT", timeZone: "America/Panama", reminderDays: [7], maxReminders: 3 });
    expect(await db().auditEvent.count({ where: { action: "round.created", entityId: roundId } })).toBe(1);

    const refused = await outcome(() =>
      newRoundAction({
        request: post(`/consultations/${consultationId}/rounds/new`, { ...fields, closesAt: "2031-04-01T17:00" }, users.lead.cookie),
        params: { consultationId },
        context,
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.data.errors.closesAt).toMatch(/close after it opens/);
    expect(refused.data.values.closesAt).toBe("2031-04-01T17:00");

    const analyst = await outcome(() =>
      newRoundAction({ request: post(`/consultations/${consultationId}/rounds/new`, fields, users.analyst.cookie), params: { consultationId }, context }),
    );
    expect(analyst.status).toBe(403);
  });
});

describe("the round emails", () => {
  it("render in English, French, Spanish and Arabic (right to left), with the link visible in the text part", async () => {
    const link = "http://localhost:3000/respond/abc";
    const common = { contactName: "Amina", organisationName: "Survivor Network", roundTitle: "Round 1", deadlineText: "30 June 2035", link };
    const subjects: string[] = [];
    for (const language of ["en", "fr", "es", "ar"]) {
      for (const rendered of await Promise.all([
        renderEmail("reminder", { ...common, draftStarted: language === "fr", language }),
        renderEmail("deadline-extended", { ...common, language }),
        renderEmail("round-opened", { name: "Lead", consultationTitle: "Guidance", roundTitle: "Round 1", closesAtText: "30 June 2035", organisations: 3, links: 5, link, language }),
      ])) {
        expect(rendered.html).toContain(`lang="${language}"`);
        expect(rendered.html).toContain(`dir="${language === "ar" ? "rtl" : "ltr"}"`);
        expect(rendered.text).toContain(link);
        subjects.push(rendered.subject);
      }
    }
    expect(new Set(subjects).size).toBe(12); // every language says it its own way
    expect(subjects.slice(0, 3)).toEqual(["Reminder: Round 1", "Deadline extended: Round 1", "Round opened: Round 1"]);
  });
});

// ───────────────────────────── transitions ─────────────────────────────

describe("transitions", () => {
  it("refuse to schedule a round without dates, questions or invitations, then schedule it, lock its version and audit it", async () => {
    const created = await createRound(users.lead.id, consultationId, {
      title: "Empty",
      versionId,
      instructions: "",
      timeZone: "Europe/Vienna",
      opensAt: null,
      closesAt: null,
      reminderDays: [],
      maxReminders: 2,
    });
    if (!created.ok) throw new Error("not created");
    const roundId = created.roundId;
    const refused = await transitionRound(users.lead.id, roundId, "schedule");
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problems).toEqual([
      "Set the opening date and time.",
      "Set the closing date and time.",
      "Add at least one question.",
      "Invite at least one organisation.",
    ]);

    const now = Date.now();
    await db().round.update({ where: { id: roundId }, data: { opensAt: new Date(now + 2 * DAY), closesAt: new Date(now + 20 * DAY) } });
    await db().question.create({ data: { roundId, sectionId, position: 1, type: "LONG_TEXT", prompt: "Comments?" } });
    await inviteOrganisations(users.lead.id, roundId, { audienceTypes: [], organisationIds: [orgs.vienna.id] });
    // Inviting before opening creates links but sends nothing: the opening does.
    expect(await db().invitationLink.count({ where: { invitation: { roundId } } })).toBe(1);
    expect(await emailsOf(roundId, "invitation")).toHaveLength(0);

    const scheduled = await transitionRound(users.lead.id, roundId, "schedule");
    expect(scheduled).toEqual({ ok: true, status: "SCHEDULED" });
    expect((await db().documentVersion.findUniqueOrThrow({ where: { id: versionId } })).lockedAt).not.toBeNull();
    expect(await db().auditEvent.count({ where: { entityId: roundId, action: "round.scheduled", actorId: users.lead.id } })).toBe(1);

    // Settings are frozen once scheduled; the way back is "back to draft".
    const edit = await outcome(() =>
      settingsAction({
        request: post(
          `/consultations/${consultationId}/rounds/${roundId}/settings`,
          { intent: "update", title: "Renamed", versionId, timeZone: "Europe/Vienna", maxReminders: "2" },
          users.lead.cookie,
        ),
        params: { consultationId, roundId },
        context,
      }),
    );
    expect(edit.status).toBe(409);
    expect(edit.data.errors.form).toMatch(/back to draft/);
    expect(await transitionRound(users.lead.id, roundId, "archive")).toMatchObject({ ok: false });
    expect(await transitionRound(users.lead.id, roundId, "unschedule")).toEqual({ ok: true, status: "DRAFT" });

    // Through the page: analysts may not; coordinators may, and are redirected with a confirmation.
    const byAnalyst = await outcome(() =>
      settingsAction({
        request: post(`/consultations/${consultationId}/rounds/${roundId}/settings`, { intent: "schedule" }, users.analyst.cookie),
        params: { consultationId, roundId },
        context,
      }),
    );
    expect(byAnalyst.status).toBe(403);
    const byLead = await outcome(() =>
      settingsAction({
        request: post(`/consultations/${consultationId}/rounds/${roundId}/settings`, { intent: "open" }, users.lead.cookie),
        params: { consultationId, roundId },
        context,
      }),
    );
    expect(byLead).toMatchObject({ status: 302, location: expect.stringContaining("done=open") });
    const round = await db().round.findUniqueOrThrow({ where: { id: roundId } });
    expect(round.status).toBe("OPEN");
    expect(round.opensAt!.getTime()).toBeLessThanOrEqual(Date.now()); // opened by hand: from now
    const actions = (await db().auditEvent.findMany({ where: { entityId: roundId }, orderBy: { at: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["round.created", "round.scheduled", "round.unscheduled", "round.opened"]);

    expect(await transitionRound(users.lead.id, roundId, "close")).toEqual({ ok: true, status: "CLOSED" });
    expect(await transitionRound(users.lead.id, roundId, "archive")).toEqual({ ok: true, status: "ARCHIVED" });
    expect(await db().auditEvent.count({ where: { entityId: roundId, action: { in: ["round.closed", "round.archived"] } } })).toBe(2);
  });
});

describe("scheduling a round whose opening time has passed", () => {
  it("opens it at once, with both transitions audited", async () => {
    const roundId = await draftRound("Late start", { opensAt: new Date(Date.now() - HOUR), closesAt: new Date(Date.now() + 5 * DAY) });
    await inviteOrganisations(users.lead.id, roundId, { audienceTypes: [], organisationIds: [orgs.panama.id] });
    expect(await transitionRound(users.lead.id, roundId, "schedule")).toEqual({ ok: true, status: "OPEN" });
    const actions = (await db().auditEvent.findMany({ where: { entityId: roundId }, orderBy: { at: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["round.created", "round.scheduled", "round.opened"]);
    expect((await emailsOf(roundId, "invitation")).map((m) => m.toAddress)).toEqual(["focal@pa.example"]);
  });
});

// ───────────────────────────── the scheduler ─────────────────────────────

describe("the scheduler", () => {
  let roundId: string;
  const opensAt = new Date(Date.now() + 1 * DAY);
  const closesAt = zonedTimeToUtc("2035-06-30T17:00", "Europe/Vienna")!;

  beforeAll(async () => {
    roundId = await draftRound("On time", { opensAt, closesAt });
    await inviteAll(roundId);
    expect(await transitionRound(users.lead.id, roundId, "schedule")).toMatchObject({ ok: true, status: "SCHEDULED" });
  });

  it("does nothing before the opening time", async () => {
    const result = await runRoundScheduler(new Date(opensAt.getTime() - 60_000));
    expect(result.opened).not.toContain(roundId);
    expect((await db().round.findUniqueOrThrow({ where: { id: roundId } })).status).toBe("SCHEDULED");
  });

  it("opens the round at its opening time, once, emailing every contact their personal link", async () => {
    const at = new Date(opensAt.getTime() + 60_000);
    expect((await runRoundScheduler(at)).opened).toContain(roundId);
    expect((await runRoundScheduler(at)).opened).not.toContain(roundId);
    const round = await db().round.findUniqueOrThrow({ where: { id: roundId } });
    expect(round).toMatchObject({ status: "OPEN", openedAt: at, opensAt });
    const opened = await db().auditEvent.findMany({ where: { entityId: roundId, action: "round.opened" } });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.actorId).toBeNull();

    const invitations = await emailsOf(roundId, "invitation");
    expect(invitations.map((m) => m.toAddress).sort()).toEqual(["focal@af.example", "focal@at.example", "focal@ngo.example", "focal@pa.example", "second@af.example"]);
    for (const message of invitations) {
      const token = tokenIn(message.text);
      expect(token, `a personal link in the email to ${message.toAddress}`).toBeTruthy();
      const { state, link } = await findInvitationLink(token!);
      expect(state).toBe("valid");
      expect(link!.id).toBe(message.invitationLinkId);
    }
    // Each reader sees the deadline in their own zone and language.
    const kabul = invitations.find((m) => m.toAddress === "focal@af.example")!;
    expect(kabul.text).toMatch(/30 June 2035.*19:30 GMT\+4:30/);
    const french = invitations.find((m) => m.toAddress === "second@af.example")!;
    expect(french.subject).toMatch(/^Invitation à commenter/);
    expect(french.text).toMatch(/30 juin 2035.*19:30/);

    // Both coordinators hear that it opened by itself, in their language.
    const told = await readOutbox(db(), { where: { template: "round-opened", subject: { contains: "On time" } } });
    expect(told.map((m) => m.toAddress).sort()).toEqual(["colleague@coord.example", "lead@coord.example"]);
    expect(told.find((m) => m.toAddress === "colleague@coord.example")!.subject).toMatch(/^Ronda abierta/);
  });

  it("sends each scheduled reminder once, only to organisations that have not submitted", async () => {
    const submitted = await invitationOf(roundId, orgs.vienna.id);
    await db().response.create({ data: { roundId, organisationId: orgs.vienna.id, status: "SUBMITTED", submittedAt: new Date() } });
    await db().response.create({ data: { roundId, organisationId: orgs.panama.id, status: "DRAFT" } });

    const sevenDays = new Date(closesAt.getTime() - 7 * DAY + 60_000);
    await runRoundScheduler(new Date(sevenDays.getTime() - 2 * 60_000)); // not due yet
    expect(await emailsOf(roundId, "reminder")).toHaveLength(0);
    await runRoundScheduler(sevenDays);
    await runRoundScheduler(sevenDays);
    const first = await emailsOf(roundId, "reminder");
    expect(first.map((m) => m.toAddress).sort()).toEqual(["focal@af.example", "focal@ngo.example", "focal@pa.example", "second@af.example"]);
    expect(first.find((m) => m.toAddress === "focal@pa.example")!.subject).toMatch(/^Recordatorio/);
    expect((await db().round.findUniqueOrThrow({ where: { id: roundId } })).sentReminderDays).toEqual([7]);
    expect((await db().invitation.findUniqueOrThrow({ where: { id: submitted.id } })).remindersSent).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "invitation.reminded", entityId: (await invitationOf(roundId, orgs.ngo.id)).id } })).toBe(1);

    await runRoundScheduler(new Date(closesAt.getTime() - 2 * DAY + 60_000));
    expect(await emailsOf(roundId, "reminder")).toHaveLength(8);
    expect((await invitationOf(roundId, orgs.ngo.id)).remindersSent).toBe(2);

    // maxReminders (2) reached: a reminder by hand is refused for everyone.
    const manual = await sendReminders(users.lead.id, roundId, [(await invitationOf(roundId, orgs.ngo.id)).id, submitted.id], new Date(closesAt.getTime() - DAY));
    expect(manual.ok && manual.outcome.reminded).toEqual([]);
    expect(manual.ok && manual.outcome.skipped).toEqual([
      { organisation: "Austria", reason: "submitted" },
      { organisation: "Survivor Network", reason: "limit" },
    ]);
  });

  it("closes the round at its closing time, once", async () => {
    const at = new Date(closesAt.getTime() + 30_000);
    await runRoundScheduler(new Date(closesAt.getTime() - 30_000));
    expect((await db().round.findUniqueOrThrow({ where: { id: roundId } })).status).toBe("OPEN");
    expect((await runRoundScheduler(at)).closed).toContain(roundId);
    expect((await runRoundScheduler(at)).closed).not.toContain(roundId);
    expect(await db().round.findUniqueOrThrow({ where: { id: roundId } })).toMatchObject({ status: "CLOSED", closesAt, closedAt: at });
    expect(await db().auditEvent.count({ where: { entityId: roundId, action: "round.closed", actorId: null } })).toBe(1);
  });
});

describe("two schedulers at once", () => {
  let second: Db;
  beforeAll(() => {
    second = createPrismaClient(process.env.DATABASE_URL!, 4);
  });
  afterAll(async () => {
    await second.$disconnect();
  });

  it("open a round once and send its reminders once", async () => {
    const opensAt = new Date(Date.now() + 2 * DAY);
    const closesAt = new Date(opensAt.getTime() + 30 * DAY);
    const roundId = await draftRound("Raced", { opensAt, closesAt });
    await inviteAll(roundId);
    await transitionRound(users.lead.id, roundId, "schedule");

    const openAt = new Date(opensAt.getTime() + 1000);
    const opened = await Promise.all([runRoundScheduler(openAt, db()), runRoundScheduler(openAt, second), runRoundScheduler(openAt, db())]);
    expect(opened.filter((r) => r.opened.includes(roundId))).toHaveLength(1);
    expect(await emailsOf(roundId, "invitation")).toHaveLength(5);
    expect(await db().auditEvent.count({ where: { entityId: roundId, action: "round.opened" } })).toBe(1);

    // Both reminder days are due at once: one reminder, not two, and never twice.
    const late = new Date(closesAt.getTime() - DAY);
    await Promise.all([runRoundScheduler(late, db()), runRoundScheduler(late, second), runRoundScheduler(late, second)]);
    expect(await emailsOf(roundId, "reminder")).toHaveLength(5);
    const round = await db().round.findUniqueOrThrow({ where: { id: roundId } });
    expect([...round.sentReminderDays].sort()).toEqual([2, 7]);
    expect((await invitationOf(roundId, orgs.kabul.id)).remindersSent).toBe(1);
  });
});

// ───────────────────────────── invitations by hand ─────────────────────────────

describe("an open round", () => {
  let roundId: string;

  beforeAll(async () => {
    roundId = await draftRound("Open now", { opensAt: null, closesAt: new Date(Date.now() + 10 * DAY) });
    await inviteOrganisations(users.lead.id, roundId, { audienceTypes: ["ngo"], organisationIds: [orgs.kabul.id] });
    expect(await transitionRound(users.lead.id, roundId, "open")).toMatchObject({ ok: true, status: "OPEN" });
  });

  it("emails organisations invited while it is open at once, with their personal links, through the page", async () => {
    const before = (await emailsOf(roundId, "invitation")).length;
    expect(before).toBe(3);
    const invited = await outcome(() =>
      invitationsAction({
        request: post(`/consultations/${consultationId}/rounds/${roundId}/invitations`, { intent: "invite", organisationIds: [orgs.vienna.id, orgs.kabul.id] }, users.lead.cookie),
        params: { consultationId, roundId },
        context,
      }),
    );
    expect(invited.status).toBe(302);
    expect(invited.location).toContain("invited=1");
    const emails = await emailsOf(roundId, "invitation");
    expect(emails).toHaveLength(4); // Afghanistan was invited already: not emailed again
    expect(tokenIn(emails.at(-1)!.text)).toBeTruthy();
    expect(emails.at(-1)!.toAddress).toBe("focal@at.example");
    expect((await db().round.findUniqueOrThrow({ where: { id: roundId } })).audienceTypes).toEqual(["ngo"]);

    const empty = await outcome(() =>
      invitationsAction({
        request: post(`/consultations/${consultationId}/rounds/${roundId}/invitations`, { intent: "invite" }, users.lead.cookie),
        params: { consultationId, roundId },
        context,
      }),
    );
    expect(empty.status).toBe(400);
    expect(empty.data.errors.audienceTypes).toMatch(/at least one/);
  });

  it("revokes a link (its token stops working) and resends one (the old token stops, a new one arrives)", async () => {
    const [first, second] = await db().invitationLink.findMany({
      where: { invitation: { roundId, organisationId: orgs.kabul.id } },
      orderBy: { createdAt: "asc" },
    });
    const emailTo = async (linkId: string) => (await readOutbox(db(), { where: { invitationLinkId: linkId } }))[0]!.text;
    const firstToken = tokenIn(await emailTo(first!.id))!;
    const secondToken = tokenIn(await emailTo(second!.id))!;
    expect((await findInvitationLink(firstToken)).state).toBe("valid");

    const round = { id: roundId, consultationId };
    expect(await revokeLink(users.lead.id, round, first!.id)).toEqual({ ok: true });
    expect((await findInvitationLink(firstToken)).state).toBe("revoked");
    expect((await findInvitationLink(secondToken)).state).toBe("valid"); // a colleague keeps theirs

    const resent = await outcome(() =>
      invitationsAction({
        request: post(`/consultations/${consultationId}/rounds/${roundId}/invitations`, { intent: "resend-link", id: second!.id }, users.lead.cookie),
        params: { consultationId, roundId },
        context,
      }),
    );
    expect(resent.status).toBe(302);
    expect((await findInvitationLink(secondToken)).state).toBe("invalid");
    const latest = (await readOutbox(db(), { where: { invitationLinkId: second!.id }, orderBy: { createdAt: "desc" } }))[0]!;
    const newToken = tokenIn(latest.text)!;
    expect(newToken).not.toBe(secondToken);
    expect((await findInvitationLink(newToken)).state).toBe("valid");

    // A revoked link can be given a new one too.
    expect(await resendLink(users.lead.id, round, first!.id)).toEqual({ ok: true });
    const revived = (await readOutbox(db(), { where: { invitationLinkId: first!.id }, orderBy: { createdAt: "desc" } }))[0]!;
    expect((await findInvitationLink(tokenIn(revived.text)!)).state).toBe("valid");
    expect((await findInvitationLink(firstToken)).state).toBe("invalid");
    const audited = await db().auditEvent.findMany({ where: { action: { in: ["invitation.link-revoked", "invitation.link-resent"] }, consultationId } });
    expect(audited.map((a) => a.action).sort()).toEqual(["invitation.link-resent", "invitation.link-resent", "invitation.link-revoked"]);
  });

  it("sends reminders by hand to a selection, only to those not submitted, never twice within the hour, up to the maximum", async () => {
    const ngo = await invitationOf(roundId, orgs.ngo.id);
    const austria = await invitationOf(roundId, orgs.vienna.id);
    await db().response.create({ data: { roundId, organisationId: orgs.vienna.id, status: "SUBMITTED", submittedAt: new Date() } });
    const path = `/consultations/${consultationId}/rounds/${roundId}`;
    const remind = (cookie: string) =>
      outcome(() => trackingAction({ request: post(path, { intent: "remind", invitationIds: [ngo.id, austria.id], type: "ngo" }, cookie), params: { consultationId, roundId }, context }));

    expect((await remind(users.analyst.cookie)).status).toBe(403);
    const sent = await remind(users.lead.cookie);
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`${path}?type=ngo&reminded=1&skipped-submitted=1`);
    const again = await remind(users.lead.cookie);
    expect(again.location).toBe(`${path}?type=ngo&reminded=0&skipped-submitted=1&skipped-recent=1`);
    expect((await db().emailMessage.findMany({ where: { template: "reminder", invitationLink: { invitationId: ngo.id } } })).length).toBe(1);

    const later = await sendReminders(users.lead.id, roundId, [ngo.id], new Date(Date.now() + 2 * HOUR));
    expect(later.ok && later.outcome.reminded).toEqual(["Survivor Network"]);
    const limit = await sendReminders(users.lead.id, roundId, [ngo.id], new Date(Date.now() + 4 * HOUR));
    expect(limit.ok && limit.outcome.skipped).toEqual([{ organisation: "Survivor Network", reason: "limit" }]);
    const reminder = (await readOutbox(db(), { where: { template: "reminder", invitationLink: { invitationId: ngo.id } } }))[0]!;
    expect(reminder.text).toContain(`/respond/${ngo.id}`);
    expect(reminder.html).toContain('dir="rtl"'); // the NGO's contact reads Arabic
    expect(await db().auditEvent.count({ where: { action: "invitation.reminded", entityId: ngo.id } })).toBe(2);
  });

  it("shows email delivery, opened links, drafts and submissions on the tracking page, with filters and counts", async () => {
    const ngoLink = await db().invitationLink.findFirstOrThrow({ where: { invitation: { roundId, organisationId: orgs.ngo.id } } });
    await db().emailMessage.updateMany({ where: { invitationLinkId: ngoLink.id }, data: { status: "FAILED", lastError: "550 No such user" } });
    const kabulLinks = await db().invitationLink.findMany({ where: { invitation: { roundId, organisationId: orgs.kabul.id } } });
    await db().emailMessage.updateMany({ where: { invitationLinkId: { in: kabulLinks.map((l) => l.id) } }, data: { status: "SENT", sentAt: new Date() } });
    await db().invitationLink.update({ where: { id: kabulLinks[0]!.id }, data: { firstOpenedAt: new Date() } });

    const { rows, counts } = await roundTracking(roundId);
    const { byType } = await responseRates(roundId);
    const row = (name: string) => rows.find((r) => r.organisation === name)!;
    expect(row("Survivor Network").email).toMatchObject({ state: "failed", failedContacts: 1, errors: ["550 No such user"] });
    expect(row("Afghanistan")).toMatchObject({ state: "opened", email: { state: "delivered" } });
    expect(row("Austria")).toMatchObject({ state: "submitted" });
    expect(counts).toMatchObject({ submitted: 1, opened: 1, invited: 1 });
    expect(byType).toEqual([
      expect.objectContaining({ typeKey: "affected-state", invited: 2, submitted: 1, opened: 1, rate: 50 }),
      expect.objectContaining({ typeKey: "ngo", invited: 1, submitted: 0, invitedOnly: 1 }),
    ]);

    const trackingPage = (cookie: string) =>
      outcome(() =>
        trackingLoader({ request: get(`/consultations/${consultationId}/rounds/${roundId}?type=affected-state&state=not-submitted`, cookie), params: { consultationId, roundId }, context }),
      );
    const page = await trackingPage(users.lead.cookie);
    expect(page.status).toBe(200);
    expect(page.data.rows.map((r: { organisation: string }) => r.organisation)).toEqual(["Afghanistan"]);
    expect(page.data.total).toBe(2);
    // Analysts read the rates by type, not the organisations' rows, and remind no one.
    const analystPage = await trackingPage(users.analyst.cookie);
    expect(analystPage.status).toBe(200);
    expect(analystPage.data.rows).toEqual([]);
    expect(analystPage.data.rates.byType).toEqual(page.data.rates.byType);
    expect(analystPage.data.canRemind).toBe(false);
  });

  it("retries a failed message from the outbox, for an admin or the round's coordinator only", async () => {
    const failed = await db().emailMessage.findFirstOrThrow({ where: { status: "FAILED", invitationLink: { invitation: { roundId } } } });
    const stranger = await user("other@coord.example");
    await db().consultation.create({ data: { slug: "elsewhere", title: "Elsewhere", members: { create: { userId: stranger.id, role: "COORDINATOR" } } } });
    const strangerCookie = await cookieFor(stranger.id);

    const list = await outcome(() => outboxLoader({ request: get("/outbox?status=FAILED", users.lead.cookie), params: {}, context }));
    expect(list.status).toBe(200);
    expect(list.data.messages.map((m: { id: string }) => m.id)).toContain(failed.id);
    expect(list.data.messages[0]).not.toHaveProperty("html");
    const theirs = await outcome(() => outboxLoader({ request: get("/outbox?status=FAILED", strangerCookie), params: {}, context }));
    expect(theirs.data.messages).toEqual([]);
    expect((await outcome(() => outboxLoader({ request: get("/outbox", users.analyst.cookie), params: {}, context }))).status).toBe(403);

    const retry = (cookie: string) => outcome(() => outboxAction({ request: post("/outbox", { intent: "retry", id: failed.id, status: "FAILED" }, cookie), params: {}, context }));
    expect((await retry(strangerCookie)).status).toBe(409);
    const done = await retry(users.lead.cookie);
    expect(done).toMatchObject({ status: 302, location: "/outbox?status=FAILED&retried=1" });
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(await db().auditEvent.count({ where: { action: "email.retried", entityId: failed.id, consultationId } })).toBe(1);
    expect((await retry(users.lead.cookie)).status).toBe(409); // not failed any more
  });

  it("lets one organisation with an extension save after closing, while the others cannot", async () => {
    const kabul = await invitationOf(roundId, orgs.kabul.id);
    const ngo = await invitationOf(roundId, orgs.ngo.id);
    const question = await db().question.findFirstOrThrow({ where: { roundId } });
    expect(await transitionRound(users.lead.id, roundId, "close")).toMatchObject({ ok: true, status: "CLOSED" });

    const tooEarly = await extendDeadline(users.lead.id, { id: roundId, consultationId }, { invitationId: kabul.id, extendedUntil: new Date(Date.now() - HOUR) });
    expect(tooEarly).toMatchObject({ ok: false, errors: { extendedUntil: expect.stringMatching(/future/) } });
    const extended = await outcome(() =>
      invitationsAction({
        request: post(
          `/consultations/${consultationId}/rounds/${roundId}/invitations`,
          { intent: "extend", invitationId: kabul.id, extendedUntil: "2040-01-31T18:00" },
          users.lead.cookie,
        ),
        params: { consultationId, roundId },
        context,
      }),
    );
    expect(extended.status).toBe(302);
    expect((await invitationOf(roundId, orgs.kabul.id)).extendedUntil?.toISOString()).toBe("2040-01-31T17:00:00.000Z");
    const told = await readOutbox(db(), { where: { template: "deadline-extended", invitationLink: { invitationId: kabul.id } } });
    expect(told).toHaveLength(2);
    expect(told.find((m) => m.toAddress === "focal@af.example")!.text).toMatch(/31 January 2040.*21:30/);
    // The French-speaking colleague reads it in French, in Kabul time too.
    const french = told.find((m) => m.toAddress === "second@af.example")!;
    expect(french.subject).toMatch(/^Délai prolongé/);
    expect(french.text).toMatch(/31 janvier 2040.*21:30/);
    expect(await db().auditEvent.count({ where: { action: "invitation.deadline-extended", entityId: kabul.id } })).toBe(1);

    const save = (invitationId: string, cookie: string) =>
      outcome(() =>
        sectionAction({
          request: post(`/respond/${invitationId}/sections/${sectionKey}`, { [fieldName(question.id)]: "Late but welcome." }, cookie),
          params: { invitationId, sectionKey },
          context,
        }),
      );
    expect((await save(kabul.id, orgs.kabul.cookie)).status).toBe(302);
    const closed = await save(ngo.id, orgs.ngo.cookie);
    expect(closed.status).toBe(409);
    expect(closed.data.values[fieldName(question.id)]).toBe("Late but welcome.");
    expect(await db().answer.count({ where: { response: { roundId, organisationId: orgs.kabul.id } } })).toBe(1);
    expect(await db().answer.count({ where: { response: { roundId, organisationId: orgs.ngo.id } } })).toBe(0);
  });
});

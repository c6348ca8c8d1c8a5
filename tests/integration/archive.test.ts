/**
 * An archived consultation is read-only and its rounds stop: archiving waits until no round is
 * scheduled or open; the scheduler leaves an archived consultation's rounds alone; its
 * questionnaires, rounds and settings refuse changes server-side; bringing it back from the
 * archive makes it editable again.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { transitionRound } from "~/modules/round/lifecycle.server";
import { runRoundScheduler } from "~/modules/round/scheduler.server";
import { action as questionsAction, loader as questionsLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.questions._index";
import { action as newQuestionAction } from "~/routes/consultations.$consultationId.rounds.$roundId.questions.new";
import { action as settingsAction } from "~/routes/consultations.$consultationId.settings";
import { consultationWithRound } from "./round-fixture";
import { context, cookieFor, get, outcome, post } from "./route-helpers";

const DAY = 24 * 60 * 60_000;

let consultationId: string;
let roundId: string;
let sectionId: string;
let lead: { id: string; cookie: string };
let analystId: string;

const settings = (fields: Record<string, string | string[]>) =>
  outcome(() => settingsAction({ request: post(`/consultations/${consultationId}/settings`, fields, lead.cookie), params: { consultationId }, context }));

beforeAll(async () => {
  const leadUser = await db().user.create({ data: { email: "lead@archive.example", name: "Lead" } });
  const analyst = await db().user.create({ data: { email: "analyst@archive.example", name: "Analyst" } });
  analystId = analyst.id;
  lead = { id: leadUser.id, cookie: await cookieFor(leadUser.id) };
  const fixture = await consultationWithRound({
    slug: "archive-test",
    title: "Archive test",
    members: [
      { userId: leadUser.id, role: "COORDINATOR" },
      { userId: analyst.id, role: "ANALYST" },
    ],
    round: { status: "DRAFT" },
  });
  consultationId = fixture.consultation.id;
  roundId = fixture.round.id;
  sectionId = fixture.scope.id;
  await db().question.create({ data: { roundId, sectionId, position: 1, type: "LONG_TEXT", prompt: "Comments?" } });
  const type = await db().stakeholderType.create({ data: { key: "state", label: "State", position: 1 } });
  const contact = await db().user.create({ data: { email: "focal@state.example", name: "Focal" } });
  const organisation = await db().organisation.create({ data: { name: "A State", typeId: type.id, contacts: { create: { userId: contact.id, role: "SUBMITTER" } } } });
  await db().invitation.create({ data: { roundId, organisationId: organisation.id } });
  await db().round.update({ where: { id: roundId }, data: { opensAt: new Date(Date.now() + DAY), closesAt: new Date(Date.now() + 20 * DAY), reminderDays: [7] } });
});

describe("archiving a consultation", () => {
  it("is refused while a round is scheduled, naming the round; allowed once it is unscheduled", async () => {
    expect(await transitionRound(lead.id, roundId, "schedule")).toMatchObject({ ok: true, status: "SCHEDULED" });
    const refused = await settings({ intent: "archive" });
    expect(refused.status).toBe(409);
    expect(refused.data.errors.form).toBe("This consultation cannot be archived while a round is scheduled or open. Close or unschedule round 1 “Round 1” (scheduled) first.");
    expect((await db().consultation.findUniqueOrThrow({ where: { id: consultationId } })).archivedAt).toBeNull();

    expect(await transitionRound(lead.id, roundId, "unschedule")).toMatchObject({ ok: true, status: "DRAFT" });
    expect(await settings({ intent: "archive" })).toMatchObject({ status: 302 });
    expect((await db().consultation.findUniqueOrThrow({ where: { id: consultationId } })).archivedAt).not.toBeNull();
    expect(await db().auditEvent.count({ where: { entityId: consultationId, action: "consultation.archived", actorId: lead.id } })).toBe(1);
  });

  it("refuses changes to its settings, team, questionnaires and rounds, with a clear message", async () => {
    const update = await settings({ intent: "update", title: "Renamed", summary: "", languages: ["en"], timeZone: "UTC" });
    expect(update.status).toBe(409);
    expect(update.data.errors.form).toMatch(/archived: it is read-only/);
    expect(update.data.values.title).toBe("Renamed"); // what was typed comes back
    const add = await settings({ intent: "add-member", email: "new@archive.example", name: "New", role: "ANALYST" });
    expect(add.status).toBe(409);
    const remove = await settings({ intent: "remove-member", userId: analystId });
    expect(remove.status).toBe(409);
    const consultation = await db().consultation.findUniqueOrThrow({ where: { id: consultationId }, include: { members: true } });
    expect(consultation.title).toBe("Archive test");
    expect(consultation.members).toHaveLength(2);

    const params = { consultationId, roundId };
    const base = `/consultations/${consultationId}/rounds/${roundId}/questions`;
    const added = await outcome(() =>
      newQuestionAction({ request: post(`${base}/new`, { type: "LONG_TEXT", prompt: "Another?", sectionId, required: "false" }, lead.cookie), params, context }),
    );
    expect(added.status).toBe(403);
    expect(added.data.message).toMatch(/archived: it is read-only/);
    const question = await db().question.findFirstOrThrow({ where: { roundId } });
    const moved = await outcome(() => questionsAction({ request: post(base, { intent: "move-down", questionId: question.id }, lead.cookie), params, context }));
    expect(moved.status).toBe(403);
    expect(await db().question.count({ where: { roundId } })).toBe(1);
    const page = await outcome(() => questionsLoader({ request: get(base, lead.cookie), params, context }));
    expect(page.data).toMatchObject({ canEdit: false, lock: expect.stringMatching(/archived: it is read-only/) });

    expect(await transitionRound(lead.id, roundId, "schedule")).toEqual({ ok: false, problems: ["This consultation is archived: it is read-only."] });
    expect((await db().round.findUniqueOrThrow({ where: { id: roundId } })).status).toBe("DRAFT");
  });

  it("stops its rounds: the scheduler neither opens a scheduled round nor sends a due reminder", async () => {
    // Rounds running in a consultation archived before archiving checked them.
    await db().round.update({ where: { id: roundId }, data: { status: "SCHEDULED" } });
    const opened = await runRoundScheduler(new Date(Date.now() + 2 * DAY));
    expect(opened.opened).not.toContain(roundId);
    expect(opened.held).not.toContain(roundId);
    expect((await db().round.findUniqueOrThrow({ where: { id: roundId } })).status).toBe("SCHEDULED");

    await db().round.update({ where: { id: roundId }, data: { status: "OPEN", openedAt: new Date() } });
    const reminded = await runRoundScheduler(new Date(Date.now() + 15 * DAY));
    expect(reminded.reminded.map((r) => r.roundId)).not.toContain(roundId);
    const closed = await runRoundScheduler(new Date(Date.now() + 30 * DAY));
    expect(closed.closed).not.toContain(roundId);
    const round = await db().round.findUniqueOrThrow({ where: { id: roundId } });
    expect(round).toMatchObject({ status: "OPEN", sentReminderDays: [] });
    expect(await db().emailMessage.count()).toBe(0);
    await db().round.update({ where: { id: roundId }, data: { status: "DRAFT", openedAt: null } });
  });

  it("can be brought back from the archive, and is editable again", async () => {
    expect(await settings({ intent: "unarchive" })).toMatchObject({ status: 302 });
    expect(await db().auditEvent.count({ where: { entityId: consultationId, action: "consultation.unarchived" } })).toBe(1);
    expect(await settings({ intent: "update", title: "Renamed", summary: "", languages: ["en"], timeZone: "UTC" })).toMatchObject({ status: 302 });
    expect((await db().consultation.findUniqueOrThrow({ where: { id: consultationId } })).title).toBe("Renamed");
    expect(await transitionRound(lead.id, roundId, "schedule")).toMatchObject({ ok: true, status: "SCHEDULED" });
  });
});

/**
 * The demo seed (prisma/seed): consistent content, a complete consultation on an empty
 * database, and idempotence — a second run, or two at once, change nothing.
 * The database comes from tests/setup (one per test file, migrated, empty).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "~/modules/db/client.server";
import { AGREEMENT_OPTIONS as APP_AGREEMENT_OPTIONS, YES_NO_OPTIONS as APP_YES_NO_OPTIONS } from "~/modules/questionnaire/questions";
import { hashToken } from "~/modules/security/tokens.server";
import {
  AGREEMENT_OPTIONS,
  CONSULTATION,
  DEMO_RESPONDENT_EMAIL,
  ORGANISATIONS,
  QUESTIONS,
  RESPONSES,
  SECTIONS,
  WORKLIST,
  YES_NO_OPTIONS,
} from "../../prisma/seed/content";
import { contentProblems, seedDemo } from "../../prisma/seed/demo";

const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date("2026-03-02T09:30:00.000Z");
const appUrl = "http://consult.test";

let db: Db;

beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run through vitest (tests/setup gives each file a database)");
  db = createPrismaClient(url, 4);
});

afterAll(async () => {
  await db?.$disconnect();
});

async function counts() {
  return {
    users: await db.user.count(),
    organisations: await db.organisation.count(),
    contacts: await db.contact.count(),
    questions: await db.question.count(),
    links: await db.invitationLink.count(),
    responses: await db.response.count(),
    submissions: await db.responseSubmission.count(),
    answers: await db.answer.count(),
    audit: await db.auditEvent.count(),
  };
}

describe("demo content", () => {
  it("is consistent", () => {
    expect(contentProblems()).toEqual([]);
  });

  it("uses every question type, and the fixed option sets the respondent's form uses", () => {
    const types = new Set(QUESTIONS.map((q) => q.type));
    expect([...types].sort()).toEqual(
      ["AGREEMENT", "LONG_TEXT", "MULTIPLE_CHOICE", "PROPOSED_WORDING", "SHORT_TEXT", "SINGLE_CHOICE", "YES_NO"].sort(),
    );
    expect(AGREEMENT_OPTIONS).toEqual(APP_AGREEMENT_OPTIONS);
    expect(YES_NO_OPTIONS).toEqual(APP_YES_NO_OPTIONS);
  });
});

describe("seedDemo", () => {
  let first: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    first = await seedDemo(db, { appUrl, now });
  });

  it("seeds once and hands out the demo respondent's personal link", async () => {
    expect(first.seeded).toBe(true);
    expect(first.coordinatorEmail).toBe("coordinator@consult.localhost");
    expect(first.respondentEmail).toBe(DEMO_RESPONDENT_EMAIL);
    const token = first.invitationUrl?.match(/^http:\/\/consult\.test\/invitations\/([\w-]+)$/)?.[1];
    expect(token).toBeTruthy();
    const link = await db.invitationLink.findUniqueOrThrow({
      where: { tokenHash: hashToken(token!) },
      include: { contact: { include: { user: true, organisation: true } }, invitation: { include: { round: true } } },
    });
    expect(link.contact.user.email).toBe(DEMO_RESPONDENT_EMAIL);
    expect(link.contact.role).toBe("SUBMITTER");
    expect(link.contact.organisation.country).toBe("LA");
    expect(link.invitation.round.status).toBe("OPEN");
  });

  it("creates the consultation, its locked draft and an open round 1", async () => {
    const consultation = await db.consultation.findUniqueOrThrow({
      where: { slug: CONSULTATION.slug },
      include: {
        members: { include: { user: true } },
        versions: { include: { sections: { orderBy: { position: "asc" } } } },
        rounds: { include: { questions: true, invitations: true } },
      },
    });
    expect(consultation.languages).toEqual(["en", "fr", "es", "ar"]);
    const roles = Object.fromEntries(consultation.members.map((m) => [m.user.email, m.role]));
    expect(roles).toEqual({
      "coordinator@consult.localhost": "COORDINATOR",
      "coordinator.panama@consult.localhost": "COORDINATOR",
      "analyst@consult.localhost": "ANALYST",
    });
    expect(consultation.members.find((m) => m.role === "COORDINATOR" && m.user.isAdmin)?.user.email).toBe(
      "coordinator@consult.localhost",
    );

    const [version] = consultation.versions;
    expect(consultation.versions).toHaveLength(1);
    expect(version?.lockedAt).not.toBeNull();
    expect(version?.sections.map((s) => s.key)).toEqual(SECTIONS.map((s) => s.key));
    expect(version?.sections[0]?.translations).toMatchObject({ fr: { heading: expect.any(String), body: expect.any(String) } });

    const [round] = consultation.rounds;
    expect(round?.status).toBe("OPEN");
    expect(round?.opensAt?.getTime()).toBe(now.getTime() - 10 * DAY_MS);
    // Closes at 23:59 in Vienna on the 21st day: a deadline people can remember.
    const closes = round!.closesAt!;
    expect(closes.getTime() - now.getTime()).toBeGreaterThan(20 * DAY_MS);
    expect(closes.getTime() - now.getTime()).toBeLessThanOrEqual(22 * DAY_MS);
    expect(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Vienna", hour: "2-digit", minute: "2-digit" }).format(closes)).toBe("23:59");
    expect(round?.timeZone).toBe("Europe/Vienna");
    expect(round?.reminderDays).toEqual([7, 2]);
    expect(round?.questions).toHaveLength(QUESTIONS.length);
    expect(round?.invitations).toHaveLength(ORGANISATIONS.length);
    expect(round?.questions.filter((q) => q.sectionId === null).length).toBeGreaterThanOrEqual(2);
  });

  it("gives every contact a personal link, stored hashed", async () => {
    const links = await db.invitationLink.findMany();
    expect(links).toHaveLength(ORGANISATIONS.flatMap((o) => o.contacts).length);
    expect(new Set(links.map((l) => l.tokenHash)).size).toBe(links.length);
    expect(links.every((l) => /^[0-9a-f]{64}$/.test(l.tokenHash))).toBe(true);
  });

  it("records the responses received so far, each submission with a snapshot of its answers", async () => {
    const responses = await db.response.findMany({
      include: { organisation: true, answers: true, submissions: true },
    });
    expect(responses).toHaveLength(RESPONSES.length);
    expect(responses.some((r) => r.organisation.country === "LA")).toBe(false);
    expect(responses.filter((r) => r.status === "DRAFT")).toHaveLength(1);

    const submitted = responses.filter((r) => r.status === "SUBMITTED");
    expect(submitted.length).toBeGreaterThanOrEqual(5);
    expect(new Set(submitted.map((r) => r.attribution))).toEqual(new Set(["PUBLIC", "TYPE_ONLY", "CONFIDENTIAL"]));
    for (const response of submitted) {
      expect(response.submittedAt).not.toBeNull();
      expect(response.submissions).toHaveLength(1);
      const [submission] = response.submissions;
      expect(submission?.number).toBe(1);
      expect(submission?.submittedById).toBe(response.submittedById);
      const snapshot = (submission?.answers ?? []) as Array<{ questionId: string; choices: string[]; text: string | null }>;
      const stored = response.answers.map((a) => ({ questionId: a.questionId, choices: a.choices, text: a.text }));
      expect(snapshot).toEqual(expect.arrayContaining(stored));
      expect(snapshot).toHaveLength(stored.length);
    }
  });

  it("writes proposed wording as an edit of the section's opening paragraph", async () => {
    const answers = await db.answer.findMany({
      where: { question: { type: "PROPOSED_WORDING" } },
      include: { question: { include: { section: true } } },
    });
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) {
      const opening = answer.question.section?.body.split("\n\n")[0] ?? "";
      expect(answer.text).toBeTruthy();
      expect(answer.text).not.toBe(opening);
      expect(answer.text!.slice(0, 12)).toBe(opening.slice(0, 12));
    }
  });

  it("shows the triage under way: worklist items from answers, some decided with their reason, tags and reviewed marks", async () => {
    const items = await db.worklistItem.findMany({ include: { sources: { include: { answer: { include: { response: true } } } } } });
    expect(items).toHaveLength(WORKLIST.length);
    expect(new Set(items.map((i) => i.status)).size).toBeGreaterThanOrEqual(4);
    for (const item of items) {
      expect(item.sources.length).toBeGreaterThan(0);
      for (const s of item.sources) expect(s.answer.response.status).toBe("SUBMITTED");
      if (item.status !== "OPEN") expect(item.rationale).not.toBe("");
      // "Changed" in the worklist is the seeded timeline, not the moment of seeding.
      expect(item.updatedAt.getTime()).toBeLessThan(now.getTime());
    }
    const sources = items.flatMap((i) => i.sources.map((s) => s.answerId));
    const reviewed = await db.answer.findMany({ where: { reviewedAt: { not: null } }, select: { id: true, reviewedAt: true, updatedAt: true } });
    expect(reviewed.map((a) => a.id)).toEqual(expect.arrayContaining(sources));
    // Reviewing is the coordinators' act: the respondent's last save keeps its time.
    for (const a of reviewed) expect(a.updatedAt.getTime()).toBeLessThan(a.reviewedAt!.getTime());
    expect((await db.tag.findMany({ include: { _count: { select: { answers: true } } } })).every((t) => t._count.answers > 0)).toBe(true);
    const decided = await db.auditEvent.count({ where: { action: "worklist.decided" } });
    expect(decided).toBe(items.filter((i) => i.status !== "OPEN").length);
  });

  it("leaves audit entries for the consultation and the round", async () => {
    const actions = (await db.auditEvent.findMany({ include: { actor: true } })).map((e) => [e.action, e.actor?.email]);
    expect(actions).toContainEqual(["consultation.created", "coordinator@consult.localhost"]);
    expect(actions).toContainEqual(["round.opened", "coordinator@consult.localhost"]);
  });

  it("changes nothing when run again", async () => {
    const before = await counts();
    const again = await seedDemo(db, { appUrl, now: new Date() });
    expect(again).toEqual({
      seeded: false,
      coordinatorEmail: "coordinator@consult.localhost",
      respondentEmail: DEMO_RESPONDENT_EMAIL,
    });
    expect(await counts()).toEqual(before);
  });
});

describe("seedDemo run twice at once", () => {
  it("seeds exactly once", async () => {
    // Start from an empty consultation table but keep people and stakeholders: the seed reuses them.
    await db.consultation.deleteMany();
    const results = await Promise.all([seedDemo(db, { appUrl, now }), seedDemo(db, { appUrl, now })]);
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    expect(await db.consultation.count()).toBe(1);
    expect(await db.response.count()).toBe(RESPONSES.length);
  });
});

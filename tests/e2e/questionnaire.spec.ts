/**
 * The questionnaire builder in a real browser, with and without JavaScript: a coordinator
 * builds the questionnaire of a new round of the demo consultation (an agreement question on
 * a section, a multiple-choice question about the whole document with a French translation),
 * reorders, previews it as a respondent in English and French, then fixes the wording of an
 * answered question of the demo's open round and is told who will see it. Axe on every page.
 */
import { expect, test, type Page } from "@playwright/test";
import { database, expectAccessible } from "./fixtures";
import { signInAs } from "./sign-in";

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

type Setup = { email: string; consultationId: string; roundId: string; openRoundId: string; section: { key: string; label: string } };
let setup: Setup;

// Each project signs in as its own coordinator and builds its own round, so runs are independent.
test.beforeAll(async ({}, info) => {
  const db = database();
  try {
    const consultation = await db.consultation.findUniqueOrThrow({
      where: { slug: "victim-assistance-guidance" },
      include: { rounds: { orderBy: { number: "desc" } }, versions: { orderBy: { number: "desc" }, include: { sections: { orderBy: { position: "asc" } } } } },
    });
    const email = `builder-${info.project.name}@consult.localhost`;
    const user = await db.user.upsert({ where: { email }, create: { email, name: `Builder ${info.project.name}` }, update: {} });
    await db.consultationMember.upsert({
      where: { consultationId_userId: { consultationId: consultation.id, userId: user.id } },
      create: { consultationId: consultation.id, userId: user.id, role: "COORDINATOR" },
      update: {},
    });
    const version = consultation.versions[0]!;
    const round = await db.round.create({
      data: {
        consultationId: consultation.id,
        versionId: version.id,
        number: (consultation.rounds[0]?.number ?? 0) + 1,
        title: `Builder round (${info.project.name})`,
        status: "DRAFT",
      },
    });
    const section = version.sections[1]!;
    setup = {
      email,
      consultationId: consultation.id,
      roundId: round.id,
      openRoundId: consultation.rounds.find((r) => r.status === "OPEN")!.id,
      section: { key: section.key, label: `2. ${section.heading}` },
    };
  } finally {
    await db.$disconnect();
  }
});

/** Translations are folded away until opened (a <details>, so it works without JavaScript too). */
async function openTranslation(page: Page, language: string) {
  const summary = page.locator("summary", { hasText: `${language} translation` });
  if ((await summary.locator("xpath=..").getAttribute("open")) === null) await summary.click();
}

const questionsOf = (roundId: string) => `/consultations/${setup.consultationId}/rounds/${roundId}/questions`;

test("a coordinator builds a questionnaire, reorders it and previews it as a respondent", async ({ page }) => {
  await signInAs(page, setup.email, { redirectTo: questionsOf(setup.roundId) });
  await expect(page.getByRole("heading", { name: "Questionnaire", level: 1 })).toBeVisible();
  await expect(page.getByText("0 questions.")).toBeVisible();
  await expectAccessible(page, "empty questionnaire");

  // An agreement question on a section.
  await page.getByRole("link", { name: "Add a question", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Add a question" })).toBeVisible();
  await expectAccessible(page, "add a question");
  await page.getByLabel(/^Agreement scale/).check();
  await page.getByLabel("About", { exact: true }).selectOption({ label: setup.section.label });
  await page.getByLabel("Question", { exact: true }).fill("The section explains who counts as a victim.");
  await openTranslation(page, "Français");
  await page.getByLabel("Question in Français").fill("La section explique qui est considéré comme victime.");
  await page.getByLabel(/Respondents must answer/).check();
  await page.getByRole("button", { name: "Add the question" }).click();
  await expect(page.getByText("The question was added.")).toBeVisible();

  // A multiple-choice question about the whole document; one option is not enough.
  await page.getByRole("link", { name: "Add a question", exact: true }).click();
  await page.getByLabel(/^Multiple choice/).check();
  await page.getByLabel("Question", { exact: true }).fill("Which parts of the guidance will you use?");
  await page.getByLabel("Options", { exact: true }).fill("National plans");
  await page.getByRole("button", { name: "Add the question" }).click();
  await expect(page.getByRole("alert")).toContainText("Write at least two options");
  await expect(page.getByLabel("Question", { exact: true })).toHaveValue("Which parts of the guidance will you use?");
  await expectAccessible(page, "add a question with errors");
  await page.getByLabel("Options", { exact: true }).fill("National plans\nData collection\nSurvivor participation");
  await openTranslation(page, "Français");
  await page.getByLabel("Question in Français").fill("Quelles parties des orientations utiliserez-vous ?");
  await page.getByLabel("Options in Français").fill("Plans nationaux\nCollecte de données\nParticipation des survivants");
  await page.getByRole("button", { name: "Add the question" }).click();
  await expect(page.getByText("The question was added.")).toBeVisible();

  // A second question on the same section, moved above the first.
  await page.getByRole("link", { name: new RegExp(`Add a question about this section \\(${setup.section.label.replace(/[.()]/g, "\\$&")}\\)`) }).click();
  await expect(page.getByLabel("About", { exact: true })).toHaveValue(/.+/);
  await page.getByLabel(/^Long text/).check();
  await page.getByLabel("Question", { exact: true }).fill("What is missing from this section?");
  await page.getByRole("button", { name: "Add the question" }).click();
  await expect(page.getByText("The question was added.")).toBeVisible();
  const group = page.getByRole("region", { name: setup.section.label });
  await expect(group.locator(".builder-prompt")).toHaveText(["The section explains who counts as a victim.", "What is missing from this section?"]);
  await group.getByRole("button", { name: "Move up question 2" }).click();
  await expect(group.locator(".builder-prompt")).toHaveText(["What is missing from this section?", "The section explains who counts as a victim."]);
  await expect(page.getByText("3 questions.")).toBeVisible();
  await expectAccessible(page, "questionnaire with questions");

  // The respondent's view, section by section, in English and in French.
  await page.getByRole("link", { name: "Preview as respondent" }).click();
  await page.getByLabel("Section", { exact: true }).selectOption(setup.section.key);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("group", { name: /The section explains who counts as a victim/ })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Don't know" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Text of the section" })).toBeVisible();
  await expectAccessible(page, "preview");

  await page.getByLabel("Section", { exact: true }).selectOption("general");
  await page.getByLabel("Language", { exact: true }).selectOption("fr");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("group", { name: /Quelles parties des orientations utiliserez-vous/ })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Participation des survivants" })).toBeVisible();
  await expectAccessible(page, "preview in French");
  await page.getByRole("link", { name: "Previous section" }).click();
  await expect(page.getByRole("group", { name: /La section explique qui est considéré comme victime/ })).toHaveCount(0);
});

test("fixing the wording of an answered question on the open round warns who will see it", async ({ page }, info) => {
  const db = database();
  let questionId: string;
  try {
    // A question of the demo's open round that organisations have answered.
    const answered = await db.answer.groupBy({
      by: ["questionId"],
      where: { question: { roundId: setup.openRoundId, retiredAt: null, type: "LONG_TEXT" }, text: { gt: "" } },
      _count: { _all: true },
      orderBy: { _count: { questionId: "desc" } },
      take: 1,
    });
    questionId = answered[0]!.questionId;
  } finally {
    await db.$disconnect();
  }

  await signInAs(page, setup.email, { redirectTo: questionsOf(setup.openRoundId) });
  await expect(page.getByText(/This round is open: you can still change the questionnaire/)).toBeVisible();
  await expectAccessible(page, "open round's questionnaire");
  await page.goto(`${questionsOf(setup.openRoundId)}/${questionId}`);
  await expect(page.getByText(/\d+ organisations? ha(s|ve) answered this question; they will see the new wording\./)).toBeVisible();
  await expectAccessible(page, "edit an answered question");

  const prompt = page.getByLabel("Question", { exact: true });
  const wording = `${(await prompt.inputValue()).replace(/ \(checked by .*\)$/, "")} (checked by ${info.project.name})`;
  await prompt.fill(wording);
  await page.getByRole("button", { name: "Save the question" }).click();
  await expect(page.getByText("The question was saved.")).toBeVisible();
  const item = page.locator(`#q-${questionId}`);
  await expect(item.locator(".builder-prompt")).toHaveText(wording);
  await expect(item).toContainText(/answered by \d+ organisations?, drafts included/);
  await expectAccessible(page, "questionnaire after a wording fix");
});

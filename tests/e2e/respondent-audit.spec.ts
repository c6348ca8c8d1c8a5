/**
 * The respondent audit's findings in a real browser (issue 4): autosave posts only the text
 * answers that changed, so a colleague's edit of another question is neither a conflict nor
 * overwritten; the review page focuses the real error summary after a failed submit and marks
 * only the untranslated consultation text with its language. Organisations no other spec uses.
 */
import { expect, test, type Page } from "@playwright/test";
import { database, expectAccessible } from "./fixtures";
import { signInAs } from "./sign-in";

test.setTimeout(120_000);

const SECTION = "integrated-approach-principles";
const jsOn = () => test.info().project.use.javaScriptEnabled !== false;

async function invitationOf(name: string) {
  const db = database();
  try {
    return (await db.invitation.findFirstOrThrow({ where: { organisation: { name }, round: { status: "OPEN" } } })).id;
  } finally {
    await db.$disconnect();
  }
}

async function storedWording(name: string) {
  const db = database();
  try {
    const response = await db.response.findFirst({ where: { organisation: { name }, round: { status: "OPEN" } }, include: { answers: { include: { question: { include: { section: true } } } } } });
    return response?.answers.find((a) => a.question.type === "PROPOSED_WORDING" && a.question.section?.key === SECTION)?.text ?? null;
  } finally {
    await db.$disconnect();
  }
}

const textareas = (page: Page) => page.locator(".question textarea");

test("autosave posts only the text answers that changed: a colleague's edit of another question stays, with no conflict", async ({ page, browser }) => {
  test.skip(!jsOn(), "Autosave needs JavaScript; without it a button save posts the whole form.");
  const org = "International Committee of the Red Cross";
  const sectionPath = `/respond/${await invitationOf(org)}/sections/${SECTION}`;
  await signInAs(page, "rehabilitation@icrc-demo.example", { redirectTo: sectionPath });
  const wordingName = await textareas(page).nth(0).getAttribute("name");
  const commentsName = await textareas(page).nth(1).getAttribute("name");

  // A colleague changes the proposed wording after this page loaded.
  const use = test.info().project.use;
  const colleague = await (await browser.newContext({ baseURL: use.baseURL, javaScriptEnabled: true })).newPage();
  await signInAs(colleague, "a.keller@icrc-demo.example", { redirectTo: sectionPath });
  const theirs = `${await textareas(colleague).nth(0).inputValue()}\n\nThe colleague's added sentence.`;
  await textareas(colleague).nth(0).fill(theirs);
  await colleague.getByRole("button", { name: "Save draft" }).click();
  await expect(colleague.getByText("Your answers to this section are saved.")).toBeVisible();
  await colleague.context().close();
  expect(await storedWording(org)).toBe(theirs);

  const posted: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/autosave")) posted.push(request.postData() ?? "");
  });
  await textareas(page).nth(1).fill("Only the comment changed here.");
  await expect(page.getByRole("status").filter({ hasText: /Saved at \d/ })).toBeVisible({ timeout: 10_000 });
  expect(posted).toHaveLength(1);
  expect(posted[0]).toContain(commentsName!);
  expect(posted[0]).not.toContain(wordingName!);
  await expect(page.getByRole("group", { name: "Someone else changed an answer while you were writing" })).toHaveCount(0);
  expect(await storedWording(org)).toBe(theirs);
});

test("review: a failed submit focuses the error summary; only untranslated text carries its language", async ({ page }) => {
  const reviewPath = `/respond/${await invitationOf("Humanity & Inclusion")}/review`;
  // Thomas Leclerc reads French; several sections of the demo have no French translation.
  await signInAs(page, "t.leclerc@hi-global.example", { redirectTo: reviewPath });
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  expect(await page.locator("main section[lang]").count()).toBe(0);
  expect(await page.locator("main section h2[lang=en]").count()).toBeGreaterThan(0);
  // Answers, "Not answered" and "Change" are not inside an element marked as English.
  const foreignAncestors = await page.locator(".review-answer, .review-change").evaluateAll((els) => els.filter((el) => el.closest("[lang]") !== document.documentElement).length);
  expect(foreignAncestors).toBe(0);

  // A submitter tries to submit with required answers missing (UNMAS has not answered in the demo).
  await signInAs(page, "victim-assistance@unmas-demo.example", { redirectTo: `/respond/${await invitationOf("United Nations Mine Action Service")}/review` });
  await expect(page.getByRole("heading", { name: "Review your answers", level: 1 })).toBeVisible();
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: /^Submit/ }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute("tabindex", "-1");
  if (jsOn()) await expect(alert).toBeFocused();
  await expectAccessible(page, "review page, failed submit");
});

/**
 * The respondent audit's findings in a real browser (issue 4): autosave posts only the text
 * answers that changed, so a colleague's edit of another question is neither a conflict nor
 * overwritten; the review page focuses the real error summary after a failed submit and marks
 * only the untranslated consultation text with its language. Organisations no other spec uses.
 */
import { expect, test, type Page } from "@playwright/test";
import { database, expectAccessible, latestEmailSeq, personalLink, readLatestEmail } from "./fixtures";
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

/** The stored wording as the organisation's writers see it (a change after submitting waits as a draft). */
async function storedWording(name: string) {
  const db = database();
  try {
    const withQuestion = { include: { question: { include: { section: true } } } } as const;
    const response = await db.response.findFirst({ where: { organisation: { name }, round: { status: "OPEN" } }, include: { answers: withQuestion, answerDrafts: withQuestion } });
    const isWording = (a: { question: { type: string; section: { key: string } | null } }) => a.question.type === "PROPOSED_WORDING" && a.question.section?.key === SECTION;
    return (response?.answerDrafts.find(isWording) ?? response?.answers.find(isWording))?.text ?? null;
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

test("an expired invitation link emails a fresh sign-in link to the contact, which leads back to the response", async ({ page }) => {
  const org = "Landmine Survivors Initiatives";
  const address = "info@lsi-bih.example";
  const db = database();
  let link: string;
  let invitationId: string;
  try {
    const invitation = await db.invitation.findFirstOrThrow({ where: { organisation: { name: org }, round: { status: "OPEN" } } });
    const contact = await db.contact.findFirstOrThrow({ where: { organisationId: invitation.organisationId, role: "SUBMITTER" } });
    invitationId = invitation.id;
    link = await personalLink(db, invitation.id, contact.id);
    await db.invitationLink.updateMany({ where: { invitationId: invitation.id, contactId: contact.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
  } finally {
    await db.$disconnect();
  }
  await page.context().clearCookies();
  const response = await page.goto(link);
  expect(response?.status()).toBe(410);
  // The contact's language is remembered for the pages that follow (no language was chosen here).
  expect((await page.context().cookies()).some((c) => c.name === "consult_lang")).toBe(true);
  await expect(page.getByRole("heading", { name: "This invitation link cannot be used" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in with your email" })).toHaveAttribute("href", `/sign-in?redirectTo=${encodeURIComponent(`/respond/${invitationId}`)}`);
  await expectAccessible(page, "expired invitation");

  const before = latestEmailSeq();
  await page.getByRole("button", { name: "Email me a new sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("We have sent a new sign-in link");
  await expectAccessible(page, "expired invitation, link sent");
  const message = await readLatestEmail(address, /sign-in link/i, { newerThan: before });
  const signIn = message.match(/https?:\/\/\S+\/sign-in\/[\w-]+/)?.[0];
  expect(signIn, "a sign-in link in the email").toBeTruthy();
  await page.goto(new URL(signIn!).pathname);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/respond/${invitationId}$`));
});

test.describe("a contact's time zone", () => {
  test.use({ timezoneId: "Asia/Vientiane" });

  test("is taken from the browser on the invitation page (JavaScript), else the round's zone stays", async ({ page }) => {
    const org = "Kukës Survivors' Network";
    const db = database();
    let link: string;
    let userId: string;
    try {
      const invitation = await db.invitation.findFirstOrThrow({ where: { organisation: { name: org }, round: { status: "OPEN" } } });
      const contact = await db.contact.findFirstOrThrow({ where: { organisationId: invitation.organisationId, role: "SUBMITTER" } });
      userId = contact.userId;
      await db.user.update({ where: { id: userId }, data: { timeZone: null } });
      link = await personalLink(db, invitation.id, contact.id);
    } finally {
      await db.$disconnect();
    }
    await page.context().clearCookies();
    await page.goto(link);
    await expect(page.locator("input[name=timeZone]")).toHaveValue(jsOn() ? "Asia/Vientiane" : "");
    await page.getByRole("button", { name: "Continue to the questionnaire" }).click();
    await expect(page.getByRole("heading", { name: "Contents" })).toBeVisible();
    const after = database();
    try {
      expect((await after.user.findUniqueOrThrow({ where: { id: userId } })).timeZone).toBe(jsOn() ? "Asia/Vientiane" : null);
    } finally {
      await after.$disconnect();
    }
  });
});

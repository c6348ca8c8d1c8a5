/**
 * The foundation slice, end to end in a real browser, once with JavaScript and once without
 * (the two Playwright projects): a respondent follows an invitation link, reads a section,
 * answers, reviews and submits; a coordinator signs in with an emailed code and sees who has
 * answered and the per-question counts by stakeholder type. Every page gets an axe scan.
 */
import { expect, test } from "@playwright/test";
import { answerEveryQuestion, expectAccessible, invitationLinkFor, latestEmailSeq, readLatestEmail } from "./fixtures";

test.describe.configure({ mode: "serial" });
// Eleven sections answered page by page, with an axe scan on the way: allow for a slow machine.
test.setTimeout(180_000);

// Each project answers for a different organisation, so the runs do not depend on each other.
const RESPONDENT = { javascript: "Lao People's Democratic Republic", "no-javascript": "Montenegro" } as const;

test("a respondent follows the invitation, answers, reviews and submits", async ({ page }, info) => {
  const organisation = RESPONDENT[info.project.name as keyof typeof RESPONDENT];
  await page.goto(await invitationLinkFor(organisation));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("First call for views");
  await expect(page.getByText(organisation)).toBeVisible();
  await expectAccessible(page, "invitation landing");
  await page.getByRole("button", { name: "Continue to the questionnaire" }).click();

  await expect(page.getByRole("heading", { name: "Contents" })).toBeVisible();
  await expectAccessible(page, "contents");
  const sectionLinks = page.locator("ol.contents a");
  const sectionCount = await sectionLinks.count();
  expect(sectionCount).toBeGreaterThanOrEqual(10);

  // Read the first section and save a draft of its answers.
  await sectionLinks.first().click();
  await expect(page.getByRole("region", { name: "Text of the section" })).toBeVisible();
  await expectAccessible(page, "section page");
  await answerEveryQuestion(page, `Comment from ${organisation}: please name survivor organisations explicitly.`);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Your answers to this section are saved.")).toBeVisible();
  await expectAccessible(page, "section page, saved");

  // The review page lists the required questions still missing, each linking to its field.
  await page.goto(page.url().replace(/\/sections\/.*$/, "/review"));
  const missing = page.getByRole("heading", { name: "Required questions not answered yet" });
  await expect(missing).toBeVisible();
  await expectAccessible(page, "review with missing answers");

  // Answer every section with "Save and continue", which walks through them in order.
  await page.goto(page.url().replace(/\/review$/, ""));
  await sectionLinks.first().click();
  for (let i = 0; i < sectionCount; i++) {
    await answerEveryQuestion(page, `Answer ${i + 1} from ${organisation}.`);
    const here = page.url();
    await page.getByRole("button", { name: "Save and continue" }).click();
    // With JavaScript the next page arrives without a full load: wait for it before answering.
    await expect(page).not.toHaveURL(here);
  }
  await expect(page.getByRole("heading", { name: "Review your answers" })).toBeVisible();
  await expect(missing).toHaveCount(0);
  await expect(page.getByText(`Comment from ${organisation}`).first()).toBeVisible();

  // Submitting without an attribution choice is refused with an error tied to the field.
  await page.getByRole("button", { name: /Submit our response/ }).click();
  await expect(page.getByRole("alert")).toContainText("Choose how your response may be attributed");
  await expectAccessible(page, "review with errors");
  await page.getByLabel(/Shown only by type of stakeholder/).check();
  await page.getByLabel(/may be quoted in the published summary/).check();
  await page.getByRole("button", { name: /Submit our response/ }).click();

  await expect(page.getByRole("heading", { name: "Response submitted" })).toBeVisible();
  await expectAccessible(page, "submitted");

  const receipt = await readLatestEmail(organisation === "Montenegro" ? "focalpoint@mvp.montenegro.example" : "focalpoint@laopdr.example", /receipt|received/i);
  expect(receipt).toContain(`Comment from ${organisation}`);
});

test("a coordinator signs in with the emailed code and sees who answered and the counts", async ({ page }, info) => {
  const organisation = RESPONDENT[info.project.name as keyof typeof RESPONDENT];
  const email = process.env.E2E_COORDINATOR_EMAIL ?? "coordinator@consult.localhost";
  await page.goto("/consultations");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fconsultations/);
  await expectAccessible(page, "sign-in");

  // A wrong address format is caught, and the typed text is kept.
  await page.getByLabel("Email address").fill("coordinator-at-example");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("alert")).toContainText("right format");
  await expect(page.getByLabel("Email address")).toHaveValue("coordinator-at-example");
  await expectAccessible(page, "sign-in with error");

  const before = latestEmailSeq(); // older sign-in messages to this address may be in the inbox
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expectAccessible(page, "check your email");
  const checkUrl = page.url();

  const message = await readLatestEmail(email, /sign in|sign-in/i, { newerThan: before });
  const code = message.match(/\b(\d{4}\s?\d{4})\b/)?.[1];
  expect(code, "an 8-digit code in the email").toBeTruthy();

  await page.goto(checkUrl);
  await page.getByLabel("Code from the email").fill("0000 0000");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("not right");
  await page.getByLabel("Code from the email").fill(code!);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { name: "Consultations", level: 1 })).toBeVisible();
  await expectAccessible(page, "consultations");
  await page.getByRole("link", { name: /Integrated Approach to Victim Assistance/ }).first().click();
  await expectAccessible(page, "consultation");
  await page.getByRole("link", { name: "First call for views on the draft" }).click();

  await expect(page.getByRole("heading", { name: "Who has answered" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: organisation });
  await expect(row).toContainText("Submitted");
  await expectAccessible(page, "round tracking");

  await page.getByRole("link", { name: "Results by question" }).click();
  await expect(page.getByRole("heading", { name: "Results: Purpose and scope" })).toBeVisible();
  await page.getByRole("link", { name: "Purpose and scope" }).click();
  await expect(page.getByRole("img", { name: /Affected State Party/ }).first()).toBeVisible();
  await expectAccessible(page, "results");
});

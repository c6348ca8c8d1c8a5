/**
 * Reviewing, attaching files, submitting, resubmitting and withdrawing in a real browser, with
 * JavaScript and without (the two projects, each for its own organisation so the runs do not
 * depend on each other or on the other specs). Answers are written straight to the database:
 * the section pages have their own spec.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { answerRequired, database, expectAccessible, invitationLinkFor, personalLink, readLatestEmail } from "./fixtures";

test.describe.configure({ mode: "serial" });
// Eight axe scans; without JavaScript each copies the page into a scratch browser (slow on a shared machine).
test.setTimeout(240_000);

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");
const ORGANISATION = { javascript: "Norway", "no-javascript": "Indonesia" } as const;
const SUBMITTER = { javascript: "humanitarian@mfa.norway.example", "no-javascript": "disarmament@kemlu.indonesia.example" } as const;

type Project = keyof typeof ORGANISATION;
const project = () => test.info().project.name as Project;

/** A contributor for the organisation (created if the demo has none) and a personal link for them. */
async function contributorLink(organisation: string) {
  const db = database();
  try {
    const invitation = await db.invitation.findFirstOrThrow({ where: { organisation: { name: organisation }, round: { status: "OPEN" } } });
    const email = `contributor-${invitation.organisationId}@e2e.example`;
    const user = await db.user.upsert({ where: { email }, create: { email, name: "Casey Contributor" }, update: {} });
    const contact = await db.contact.upsert({
      where: { organisationId_userId: { organisationId: invitation.organisationId, userId: user.id } },
      create: { organisationId: invitation.organisationId, userId: user.id, role: "CONTRIBUTOR" },
      update: { role: "CONTRIBUTOR" },
    });
    return await personalLink(db, invitation.id, contact.id);
  } finally {
    await db.$disconnect();
  }
}

async function openReview(page: Page, link: string) {
  await page.goto(link);
  await page.getByRole("button", { name: "Continue to the questionnaire" }).click();
  await expect(page.getByRole("heading", { name: "Contents" })).toBeVisible();
  await page.goto(page.url().replace(/\/?$/, "/review"));
  await expect(page.getByRole("heading", { name: "Review your answers", level: 1 })).toBeVisible();
}

async function attach(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel("Choose a file to attach").setInputFiles(typeof file === "string" ? path.join(FIXTURES, file) : file);
  await page.getByRole("button", { name: "Attach the file" }).click();
}

test("a submitter reviews, attaches files, submits, resubmits and withdraws", async ({ page }) => {
  const organisation = ORGANISATION[project()];
  await openReview(page, await invitationLinkFor(organisation));

  // Nothing answered yet: the required questions are listed, each linking to its field.
  const missing = page.getByRole("heading", { name: "Required questions not answered yet" });
  await expect(missing).toBeVisible();
  await expect(page.locator(".error-summary a").first()).toHaveAttribute("href", /\/sections\/[^#]+#field-/);
  await expect(page.getByText("No files attached yet.")).toBeVisible();
  await expectAccessible(page, "review, nothing answered");

  // Attach a PDF: listed, and downloadable under its name.
  await attach(page, "letter.pdf");
  await expect(page.getByText("The file is attached to the response.")).toBeVisible();
  const row = page.locator(".attachment-list li").filter({ hasText: "letter.pdf" });
  await expect(row).toContainText("PDF");
  const [download] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: "Download letter.pdf" }).click()]);
  expect(download.suggestedFilename()).toBe("letter.pdf");

  // A program renamed .pdf is refused with a clear message; the page keeps working.
  await page.goto(page.url().replace(/\/review.*$/, "/review"));
  await attach(page, { name: "invoice.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("MZ\x90\x00", "latin1"), Buffer.alloc(256)]) });
  await expect(page.getByRole("alert")).toContainText("This file is not a PDF, Word, OpenDocument text, Excel or image file");
  await expectAccessible(page, "attach, refused file");
  await attach(page, "chart.png");
  await expect(page.locator(".attachment-list li").filter({ hasText: "chart.png" })).toBeVisible();

  // Remove the image, after a confirmation.
  await page.getByRole("link", { name: "Remove chart.png" }).click();
  await expect(page.getByRole("heading", { name: "Remove “chart.png”?" })).toBeVisible();
  await page.getByRole("button", { name: "Remove the file" }).click();
  await expect(page.getByText("The file was removed from the response.")).toBeVisible();
  await expect(page.locator(".attachment-list li").filter({ hasText: "chart.png" })).toHaveCount(0);

  // Submitting with required answers missing is refused, listing how many.
  await page.getByLabel(/Confidential: seen only by the coordinators/).check();
  await page.getByRole("button", { name: "Submit our response" }).click();
  await expect(page.getByRole("alert")).toContainText("required questions are not answered yet");
  await expect(page.getByLabel(/Confidential: seen only by the coordinators/)).toBeChecked();
  await expectAccessible(page, "review with errors");

  // Answered now: submit, see the confirmation and the receipt with the attachment.
  await answerRequired(organisation);
  await page.goto(page.url().replace(/\/review.*$/, "/review"));
  await expect(missing).toHaveCount(0);
  await page.getByLabel(/Confidential: seen only by the coordinators/).check();
  await page.getByRole("button", { name: "Submit our response" }).click();
  await expect(page.getByRole("heading", { name: "Response submitted" })).toBeVisible();
  await expect(page.getByText("This is version 1 of the response.")).toBeVisible();
  await expect(page.getByRole("link", { name: "letter.pdf" })).toBeVisible();
  await expectAccessible(page, "submitted");
  const submittedUrl = page.url();

  const receipt = await readLatestEmail(SUBMITTER[project()], /receipt/i);
  expect(receipt).toContain("Attached files");
  expect(receipt).toMatch(/letter\.pdf \(\d+ B\)/);
  expect(receipt).toContain("version 1");

  // Change an answer: it waits, unsent, until the response is submitted again (decision 014).
  await page.goto(submittedUrl.replace(/\/submitted$/, "/review"));
  await page.getByRole("link", { name: /^Change answers/ }).first().click();
  await page.locator("textarea").first().fill("Changed after submitting version 1.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("textarea").first()).toHaveValue("Changed after submitting version 1.");

  // Reopen and submit again: version 2, with version 1 listed.
  await page.goto(submittedUrl.replace(/\/submitted$/, "/review"));
  await expect(page.getByText(/Version 1 of your organisation's response was submitted on/)).toBeVisible();
  await expect(page.getByText("Since then, 1 answer has been changed. The coordinators see the submitted version until your organisation submits again.")).toBeVisible();
  await expectAccessible(page, "review, changed since submitting");
  await expect(page.getByLabel(/Confidential: seen only by the coordinators/)).toBeChecked();
  await page.getByRole("button", { name: "Submit again with these answers" }).click();
  await expect(page.getByText("This is version 2 of the response.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Submitted versions" })).toContainText("Version 1, submitted on");
  await page.goto(submittedUrl.replace(/\/submitted$/, "/review"));
  await expect(page.getByText(/Since then/)).toHaveCount(0);

  // Withdraw, with a confirmation step that can be cancelled.
  await page.goto(submittedUrl.replace(/\/submitted$/, "/review"));
  await page.getByRole("link", { name: "Withdraw our response" }).click();
  await expect(page.getByRole("heading", { name: "Withdraw your organisation's response?" })).toBeVisible();
  await expectAccessible(page, "withdraw confirmation");
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "Review your answers", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Withdraw our response" }).click();
  await page.getByRole("button", { name: "Withdraw the response" }).click();
  await expect(page.getByText("The response is withdrawn.")).toBeVisible();
  await expect(page.getByText(/Your organisation withdrew its response on/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit our response" })).toBeVisible();
  await expectAccessible(page, "review, withdrawn");
});

test("a contributor sees the answers and who submits, and no submit button", async ({ page }) => {
  const organisation = ORGANISATION[project()];
  await openReview(page, await contributorLink(organisation));
  const submitter = { javascript: "Ingrid Solberg", "no-javascript": "Dewi Kusumawati" }[project()];
  await expect(page.getByText(`Your organisation's submitter, ${submitter}, submits the response`)).toBeVisible();
  await expect(page.getByRole("button", { name: /Submit/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Withdraw our response" })).toHaveCount(0);
  await expectAccessible(page, "review as a contributor");
});

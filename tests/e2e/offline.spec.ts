/**
 * The page for views received outside the platform, with and without JavaScript: each of its
 * two forms shows its own errors, its error summary links to its own fields, and every error
 * is tied to its field (aria-describedby). Nothing is submitted, so other specs are unaffected.
 */
import { expect, test, type Page } from "@playwright/test";
import { COORDINATOR, demoRound, expectAccessible } from "./fixtures";
import { signInAs } from "./sign-in";

test.setTimeout(120_000);

async function expectTied(page: Page, fieldId: string) {
  const field = page.locator(`#${fieldId}`);
  await expect(field).toHaveAttribute("aria-describedby", new RegExp(`(^| )${fieldId}-error( |$)`));
  await expect(page.locator(`#${fieldId}-error`)).toBeVisible();
}

test("each form's errors link to its own fields and are tied to them", async ({ page }) => {
  const round = await demoRound();
  await signInAs(page, COORDINATOR, { redirectTo: `/consultations/${round.consultationId}/rounds/${round.id}/offline` });
  await expect(page.getByRole("heading", { level: 1, name: "Views received outside the platform" })).toBeVisible();
  await expect(page.getByText("Some organisations already have answers in this round")).toBeVisible();

  await page.getByRole("button", { name: "Check the table" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toHaveCount(1);
  await expect(summary.getByRole("link", { name: "Choose the organisation" })).toHaveAttribute("href", "#table-field-organisationId");
  await expectTied(page, "table-field-organisationId");
  await expectTied(page, "table-field-receivedAt");
  await expect(page.locator("#field-organisationId")).not.toHaveAttribute("aria-describedby", /.+/);
  await expectAccessible(page, "offline page, comment-table form with errors");

  await page.getByRole("button", { name: "Record the response" }).click();
  // With JavaScript the table form keeps its own summary: the record form's is the last.
  const recordSummary = page.locator(".error-summary").last();
  await expect(recordSummary.getByRole("link", { name: "Choose the organisation" })).toHaveAttribute("href", "#field-organisationId");
  await expectTied(page, "field-organisationId");
  await expectTied(page, "field-channel");
  await expect(page.locator("#field-file")).toHaveAttribute("aria-describedby", "field-file-hint");
  await expectAccessible(page, "offline page, record form with errors");
});

/**
 * Triage in a real browser, with and without JavaScript: on the demo's round, a coordinator
 * searches the written answers of a section, selects two, creates a worklist item from them,
 * decides it "accepted with changes" with a rationale, and finds it in the worklist. Axe on
 * the answers page, the new item page and the item page. Each project makes its own item and
 * changes no answer, so the other specs' data is untouched.
 */
import { expect, test, type Page } from "@playwright/test";
import { COORDINATOR, demoRound, expectAccessible } from "./fixtures";
import { signInAs } from "./sign-in";

test.setTimeout(300_000); // several axe scans on a shared, slow machine

async function hydrated(page: Page) {
  if (test.info().project.use.javaScriptEnabled !== false) await page.waitForFunction(() => "__remixRouter" in window, undefined, { timeout: 10_000 });
}

test("a coordinator triages written answers into a worklist item and decides it", async ({ page }, info) => {
  const round = await demoRound();
  const summary = `Outreach to survivors who cannot travel (${info.project.name})`;
  const rationale = "Accepted: the section will name home visits and outreach by rehabilitation centres.";

  await signInAs(page, COORDINATOR, { redirectTo: `/consultations/${round.consultationId}/rounds/${round.id}/answers` });
  await expect(page.getByRole("heading", { name: "Written answers", level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: /Medical care and rehabilitation/ }).click();
  await expect(page.getByRole("heading", { name: /Medical care and rehabilitation/, level: 2 })).toBeVisible();
  await hydrated(page);

  await page.getByLabel("Search the text").fill("outreach");
  await page.getByRole("button", { name: "Show answers" }).click();
  await expect(page).toHaveURL(/q=outreach/);
  const answers = page.locator(".answer-list > li");
  await expect(answers).toHaveCount(2);
  await expect(page.locator(".answer-list mark").first()).toHaveText(/outreach/i);
  await expect(page.getByText("2 answers.")).toBeVisible();
  await expectAccessible(page, "written answers");

  await page.getByRole("checkbox", { name: /Humanity & Inclusion/ }).check();
  await page.getByRole("checkbox", { name: /Albania/ }).check();
  await page.getByRole("button", { name: "Create a worklist item from the selection" }).click();

  await expect(page.getByRole("heading", { name: "New worklist item", level: 1 })).toBeVisible();
  await expect(page.getByText("From 2 selected answers.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Section")).toHaveValue("medical-care-rehabilitation");
  await hydrated(page);
  await expectAccessible(page, "new worklist item");
  await page.getByLabel("Summary of the change").fill(summary);
  await page.getByRole("radio", { name: "Technical", exact: true }).check();
  await page.getByRole("radio", { name: "High", exact: true }).check();
  await page.getByRole("button", { name: "Create the item" }).click();

  await expect(page.getByRole("heading", { name: summary, level: 1 })).toBeVisible();
  await expect(page.getByText("The item was created.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Source answers (2)" })).toBeVisible();
  await hydrated(page);
  await expectAccessible(page, "worklist item");

  // A decision without its reason is refused, and nothing typed is lost.
  await page.getByRole("radio", { name: "Accepted with changes", exact: true }).check();
  await page.getByRole("button", { name: "Save the decision" }).click();
  await expect(page.locator(".error-summary")).toContainText("Give the reason for the decision");
  await expect(page.getByRole("radio", { name: "Accepted with changes", exact: true })).toBeChecked();

  await page.getByLabel("Rationale").fill(rationale);
  await page.getByRole("button", { name: "Save the decision" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.locator("dl.summary")).toContainText("Accepted with changes");
  await expect(page.locator("dl.summary")).toContainText(rationale);

  await page.getByRole("navigation", { name: "Consultation" }).getByRole("link", { name: "Worklist" }).click();
  await expect(page.getByRole("heading", { name: "Worklist", level: 1 })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(summary.replace(/[()]/g, "\\$&")) });
  await expect(row).toContainText("Accepted with changes");
  await expect(row).toContainText("Medical care and rehabilitation");
  await expectAccessible(page, "worklist");
});

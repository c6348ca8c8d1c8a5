/**
 * Results in a real browser, with and without JavaScript: a coordinator opens the results of
 * the demo round, picks a section, reads an agreement chart (server-rendered SVG with its
 * text alternative) and its data table, filters by stakeholder type and survivor-led, meets a
 * clear message for an unknown filter value, and sees the response rates on the tracking page.
 * Axe on every page. Read only: the demo data is not changed.
 */
import { expect, test } from "@playwright/test";
import { COORDINATOR, demoRound, expectAccessible } from "./fixtures";

const ANALYST = "analyst@consult.localhost";
import { signInAs } from "./sign-in";

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

test("a coordinator reads a section's results as charts and tables, and filters them", async ({ page }) => {
  const round = await demoRound();
  const base = `/consultations/${round.consultationId}/rounds/${round.id}`;
  await signInAs(page, COORDINATOR, { redirectTo: `${base}/results` });
  await expect(page.getByRole("heading", { name: "Results: Purpose and scope", level: 1 })).toBeVisible();
  await expect(page.getByText(/\d+ submitted responses\. Drafts and withdrawn responses are not counted\./)).toBeVisible();
  await expectAccessible(page, "results contents");

  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Purpose and scope" }).click();
  await expect(page.getByRole("heading", { name: "Results: Purpose and scope", level: 1 })).toBeVisible();
  const chart = page.getByRole("img", { name: /The purpose, audience and scope of the guidance are clear/ });
  await expect(chart).toBeVisible();
  // The text alternative is shown under the chart and names each type's share.
  const summary = page.locator(".chart__summary").first();
  await expect(summary).toContainText("on a scale from strongly agree to strongly disagree");
  await expect(summary).toContainText(/Affected State Party \(Article 5\) \(\d+ answers?\): \d+% agree or strongly agree/);

  // The exact numbers, in a table folded under the chart (a <details>: no JavaScript needed).
  await page.getByText("Show the numbers as a table").first().click();
  const table = page.getByRole("table", { name: /The purpose, audience and scope of the guidance are clear.: answers by type of stakeholder/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Strongly agree" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "All types" })).toBeVisible();
  await expectAccessible(page, "results of a section, table open");

  // Filter: survivor organisations that are survivor-led (GET form: works without JavaScript).
  await page.getByRole("checkbox", { name: "Survivor organisation / organisation of persons with disabilities" }).check();
  await page.getByRole("group", { name: "Survivor-led" }).getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/section=purpose-and-scope/);
  await expect(page).toHaveURL(/type=survivor-org/);
  await expect(page).toHaveURL(/survivorLed=yes/);
  await expect(page.getByText(/\d+ submitted responses? match the filters/)).toBeVisible();
  await expect(page.getByRole("img", { name: /Survivor organisation/ }).first()).toBeVisible();
  await expect(page.getByRole("img", { name: /Affected State Party/ })).toHaveCount(0);
  // Each bar's label counts its answers in the right number: "(1 answer)", never "(1 answers)".
  await expect(page.locator(".chart__label").first()).toHaveText(/\((1 answer|\d+ answers)\)$/);
  await expect(page.locator(".chart__label", { hasText: /\(1 answers\)/ })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "Survivor organisation / organisation of persons with disabilities" })).toBeChecked();
  await expectAccessible(page, "results, filtered");
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page.getByText(/match the filters/)).toHaveCount(0);

  // Unknown values: a clear message, the filter ignored, the page still answers.
  const response = await page.goto(`${base}/results?section=purpose-and-scope&type=martians&country=ZZ&survivorLed=perhaps`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("status")).toContainText("There is no stakeholder type “martians”: that filter was ignored.");
  await expect(page.getByRole("status")).toContainText("“Survivor-led” takes yes, no or any");
  await expect(chart).toBeVisible();
  await expectAccessible(page, "results, unknown filter values");
});

test("an analyst filtering down to one country sees no figures, and why; a coordinator sees them (decision 015)", async ({ page }) => {
  const round = await demoRound();
  const results = `/consultations/${round.consultationId}/rounds/${round.id}/results?section=purpose-and-scope`;
  // Afghanistan: two organisations in the demo registry, so fewer than 3 responses whatever other tests submit.
  await signInAs(page, ANALYST, { redirectTo: `${results}&country=AF` });
  await expect(page.getByRole("heading", { name: "Results: Purpose and scope", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "No figures are shown for fewer than 3 responses." })).toContainText("coordinators see every figure");
  await expect(page.getByRole("img", { name: /The purpose, audience and scope of the guidance are clear/ })).toHaveCount(0);
  await expect(page.getByText("Show the numbers as a table")).toHaveCount(0);
  await expect(page.getByText("Not shown: fewer than 3 submitted responses match these filters.").first()).toBeVisible();
  await expectAccessible(page, "results withheld for an analyst");

  await signInAs(page, COORDINATOR, { redirectTo: `${results}&country=AF` });
  await expect(page.getByText("No figures are shown")).toHaveCount(0);
  await expect(page.getByRole("img", { name: /The purpose, audience and scope of the guidance are clear/ })).toBeVisible();
});

test("the tracking page shows the response rate by type, and links to who has not answered yet", async ({ page }) => {
  const round = await demoRound();
  const base = `/consultations/${round.consultationId}/rounds/${round.id}`;
  await signInAs(page, COORDINATOR, { redirectTo: base });
  await expect(page.getByRole("heading", { name: /^Response rate: \d+% \(\d+ of \d+ invited organisations have submitted\)/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Where the invited organisations are/ })).toBeVisible();
  const rates = page.getByRole("table", { name: "Response rate by type of stakeholder" });
  await expect(rates.getByRole("columnheader", { name: "Drafting" })).toBeVisible();
  await expect(rates.getByRole("rowheader", { name: "All types" })).toBeVisible();
  await expectAccessible(page, "tracking with response rates");

  await rates.getByRole("row").filter({ hasText: "Affected State Party" }).getByRole("link", { name: /not submitted/ }).click();
  await expect(page).toHaveURL(/type=affected-state&state=not-submitted/);
  await expect(page.getByRole("table", { name: /Invited organisations/ }).getByRole("row").filter({ hasText: "Albania" })).toHaveCount(0); // submitted
});

test("a coordinator opens an organisation's response from the tracking table and reads its submitted version", async ({ page }) => {
  const round = await demoRound();
  const base = `/consultations/${round.consultationId}/rounds/${round.id}`;
  await signInAs(page, COORDINATOR, { redirectTo: base });
  const organisations = page.getByRole("table", { name: /Invited organisations/ });
  // An organisation that has not opened its link has nothing to read: its only link extends its deadline.
  const notOpened = organisations.getByRole("row").filter({ hasText: "Not opened yet" }).first();
  await expect(notOpened.getByRole("link")).toHaveText([/^Extend/]);
  await organisations.getByRole("link", { name: "Albania", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Albania" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Submitted versions \(\d+\)/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Version \d+ \(latest\), submitted / })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "1. Purpose and scope" })).toBeVisible();
  await expect(page.getByText("The scope is clear.", { exact: false })).toBeVisible();
  await expectAccessible(page, "an organisation's response");
});

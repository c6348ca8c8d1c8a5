/**
 * Drafts, end to end, with and without JavaScript: a coordinator imports a Word draft and a
 * Markdown draft, checks the sections in the preview, corrects a heading there, saves the
 * version and reads it; edits and splits a section; sees that the version a round uses is
 * read-only. The script line in the fixtures shows as text and never runs. Every page gets
 * an axe scan.
 */
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { COORDINATOR, expectAccessible } from "./fixtures";
import { signInAs } from "./sign-in";

const FIXTURES = path.resolve("tests/fixtures");

test.setTimeout(120_000);

// An alert() from imported text would mean a script ran.
let dialogs: string[] = [];

test.afterEach(() => {
  expect(dialogs, "dialogs opened by the page").toEqual([]);
});

test.beforeEach(async ({ page }) => {
  dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInAs(page, COORDINATOR, { redirectTo: "/consultations" });
  await page.getByRole("link", { name: /Integrated Approach to Victim Assistance/ }).first().click();
  await page.getByRole("navigation", { name: "Consultation" }).getByRole("link", { name: "Drafts" }).click();
  await expect(page.getByRole("heading", { name: "Drafts", level: 1 })).toBeVisible();
});

/** With JavaScript, wait until Remix runs, so forms go through react-hook-form and client navigation. */
async function hydrated(page: Page) {
  if (test.info().project.use.javaScriptEnabled !== false) await page.waitForFunction(() => "__remixRouter" in window, undefined, { timeout: 10_000 });
}

async function upload(page: Page, file: string) {
  await page.getByRole("link", { name: "Import a draft" }).click();
  await expect(page.getByRole("heading", { name: "Import a draft", level: 1 })).toBeVisible();
  await hydrated(page);
  await page.getByLabel("Draft file").setInputFiles(path.join(FIXTURES, file));
  await page.getByRole("button", { name: "Check the sections" }).click();
  await expect(page.getByRole("heading", { name: "Check the sections", level: 1 })).toBeVisible();
}

test("a coordinator imports a Word draft, corrects a heading in the preview and saves the version", async ({ page }) => {
  await expectAccessible(page, "drafts");
  await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name: /^Version 1:/ }) })).toContainText("Read-only");

  await page.getByRole("link", { name: "Import a draft" }).click();
  await expect(page.getByRole("heading", { name: "Import a draft", level: 1 })).toBeVisible();
  await hydrated(page);
  await expectAccessible(page, "import a draft");
  // Nothing chosen: a clear error, tied to the file field.
  await page.getByRole("button", { name: "Check the sections" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose a Word (.docx) or Markdown (.md) file");
  await expectAccessible(page, "import a draft, with an error");

  await page.getByLabel("Draft file").setInputFiles(path.join(FIXTURES, "draft.docx"));
  await page.getByRole("button", { name: "Check the sections" }).click();
  await expect(page.getByRole("heading", { name: "Check the sections", level: 1 })).toBeVisible();
  const sections = page.locator(".draft-section h2");
  await expect(sections).toHaveText(["Introduction", "1. Purpose and scope", "2. Data collection", "3. Survivor participation", "4. Measuring progress"]);
  await expect(page.getByText("1 image was left out")).toBeVisible();
  await expect(page.getByLabel("Title of the version")).toHaveValue("Guidance on an Integrated Approach to Victim Assistance");
  await expect(page.getByRole("heading", { name: "2.1 Disaggregated data", level: 3 })).toBeVisible();
  await expect(page.locator(".draft-text").getByText("<script>alert(1)</script>")).toBeVisible();
  await expectAccessible(page, "import preview (Word)");

  // A missing title is refused, and the corrected heading is still there.
  await hydrated(page);
  await page.getByLabel("Heading of section 2").fill("1. Purpose and scope of the guidance");
  await page.getByLabel("Title of the version").fill("");
  await page.getByRole("button", { name: /^Save as version \d+$/ }).click();
  await expect(page.getByRole("alert")).toContainText("Give the version a title");
  await expect(page.getByLabel("Heading of section 2")).toHaveValue("1. Purpose and scope of the guidance");
  await expectAccessible(page, "import preview, with an error");
  await page.getByLabel("Title of the version").fill("Guidance on an Integrated Approach to Victim Assistance");
  await page.getByRole("button", { name: /^Save as version \d+$/ }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Version \d+: Guidance on an Integrated Approach to Victim Assistance$/);
  await expect(page.getByRole("status")).toContainText("is saved");
  await expect(page.locator(".draft-section h2")).toHaveText([
    "Introduction",
    "1. Purpose and scope of the guidance",
    "2. Data collection",
    "3. Survivor participation",
    "4. Measuring progress",
  ]);
  await expect(page.getByRole("link", { name: "Convention on the Rights of Persons with Disabilities" })).toHaveAttribute("href", /^https:\/\/www\.un\.org\//);
  await expect(page.locator(".draft-text").getByText("<script>alert(1)</script>")).toBeVisible();
  await expectAccessible(page, "version (from Word)");
});

test("a coordinator imports a Markdown draft, then edits and splits its sections", async ({ page }) => {
  await upload(page, "draft.md");
  await expect(page.locator(".draft-section h2")).toHaveText([
    "Introduction",
    "1. Purpose and scope",
    "2. Planning services",
    "3. Participation of persons with disabilities",
    "4. Monitoring and review",
  ]);
  await expect(page.getByText("contains HTML markup")).toBeVisible();
  await expectAccessible(page, "import preview (Markdown)");

  await page.getByLabel("Heading of section 5").fill("4. Monitoring, review and reporting");
  await page.getByLabel("Note (optional)").fill("Imported from Markdown by the browser tests");
  await page.getByRole("button", { name: /^Save as version \d+$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Version \d+: Guidance on Inclusive Rehabilitation Services/);
  await expect(page.locator(".draft-section h2").last()).toHaveText("4. Monitoring, review and reporting");
  await expect(page.locator(".draft-text").getByText("<script>alert(1)</script>")).toBeVisible();
  await expectAccessible(page, "version (from Markdown)");

  // Edit a section: the key stays when the heading changes.
  await page.getByRole("link", { name: "Edit “2. Planning services”" }).click();
  await expect(page.getByRole("heading", { name: "Edit “2. Planning services”", level: 1 })).toBeVisible();
  await expectAccessible(page, "edit a section");
  await page.getByLabel("Heading", { exact: true }).fill("2. Planning rehabilitation services");
  await page.getByLabel("Tags (optional)").fill("LAP 32, LAP 33");
  await page.getByRole("button", { name: "Save the section" }).click();
  await expect(page.getByRole("status")).toContainText("The section is saved");
  const planning = page.locator("#section-planning-services");
  await expect(planning.getByRole("heading", { level: 2 })).toHaveText("2. Planning rehabilitation services");
  await expect(planning).toContainText("tags: LAP 32, LAP 33");

  // Split it before its first sub-heading.
  await planning.getByText("Split this section").click();
  await planning.getByLabel("The new section starts at").selectOption({ label: "Paragraph 2: 2.1 Data" });
  await planning.getByLabel("Heading of the new section").fill("3. Data for planning");
  await planning.getByRole("button", { name: "Split the section" }).click();
  await expect(page.getByRole("status")).toContainText("split in two");
  await expect(page.locator(".draft-section h2").nth(3)).toHaveText("3. Data for planning");
  await expectAccessible(page, "version after a split");
});

test("the version a round uses is read-only and offers a new version", async ({ page }) => {
  await page.getByRole("link", { name: /^Version 1:/ }).click();
  await expect(page.getByText("so this version can no longer change")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create a new version from version 1" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  await expectAccessible(page, "read-only version");
});

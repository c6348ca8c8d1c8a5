/**
 * The stakeholder registry in a real browser, with and without JavaScript: a coordinator
 * imports tests/fixtures/stakeholders.csv (one row has a bad email), reads the row-by-row
 * report, confirms, finds the new organisations, and downloads the export; then adds an
 * organisation and a contact by hand and adds and removes a stakeholder type. Axe on every page.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { database, expectAccessible, latestEmailSeq, readLatestEmail } from "./fixtures";

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

const FIXTURE = path.resolve("tests/fixtures/stakeholders.csv");
const fixtureRows = fs.readFileSync(FIXTURE, "utf8").trim().split(/\r?\n/).slice(1);
// Every email in the fixture; the organisations are those of these people.
const FIXTURE_EMAILS = fixtureRows.map((r) => r.match(/[^,]+@[^,]+/)?.[0]).filter((e): e is string => !!e && e.includes("."));

let email: string;

// Each project signs in as its own coordinator. The fixture's organisations and people are
// removed first, so each project imports them as new whatever ran before.
test.beforeAll(async ({}, info) => {
  const db = database();
  try {
    const consultation = await db.consultation.findUniqueOrThrow({ where: { slug: "victim-assistance-guidance" } });
    email = `registry-${info.project.name}@consult.localhost`;
    const user = await db.user.upsert({ where: { email }, create: { email, name: `Registry ${info.project.name}` }, update: {} });
    await db.consultationMember.upsert({
      where: { consultationId_userId: { consultationId: consultation.id, userId: user.id } },
      create: { consultationId: consultation.id, userId: user.id, role: "COORDINATOR" },
      update: {},
    });
    const people = await db.user.findMany({ where: { email: { in: FIXTURE_EMAILS } }, select: { id: true, contacts: { select: { organisationId: true } } } });
    await db.organisation.deleteMany({ where: { id: { in: people.flatMap((p) => p.contacts.map((c) => c.organisationId)) } } });
    await db.user.deleteMany({ where: { id: { in: people.map((p) => p.id) } } });
  } finally {
    await db.$disconnect();
  }
});

/** Signs in through the sign-in page with the code from the emailed message; lands on `target`. */
async function signInTo(page: Page, target: string) {
  await page.goto(target);
  await expect(page).toHaveURL(/\/sign-in/);
  const before = latestEmailSeq();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const checkUrl = page.url();
  const code = (await readLatestEmail(email, /sign in|sign-in/i, { newerThan: before })).match(/\b(\d{4}\s?\d{4})\b/)?.[1];
  expect(code, "an 8-digit code in the email").toBeTruthy();
  await page.goto(checkUrl);
  await page.getByLabel("Code from the email").fill(code!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${target.replace(/[.$?]/g, "\\$&")}$`));
}

test("a coordinator imports a CSV, reads the row report, confirms, finds the organisations and exports", async ({ page }) => {
  await signInTo(page, "/stakeholders");
  await expect(page.getByRole("heading", { name: "Stakeholders", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stakeholders" })).toBeVisible();
  await expectAccessible(page, "registry");

  await page.getByRole("link", { name: "Import from CSV" }).click();
  await expect(page.getByRole("heading", { name: "Import stakeholders from a CSV file" })).toBeVisible();
  await expectAccessible(page, "import form");

  // Uploading nothing is refused with an error tied to the field.
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose a CSV file");
  await expectAccessible(page, "import form with an error");

  await page.getByLabel("CSV file").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByRole("heading", { name: "Check the import" })).toBeVisible();
  await expect(page.getByText("Nothing is saved until you confirm.")).toBeVisible();
  const bad = page.getByRole("row").filter({ hasText: "Peter Lado" });
  await expect(bad).toContainText("Error");
  await expect(bad).toContainText('bad email "peter.lado-at-dinss.example"');
  await expect(page.getByRole("row").filter({ hasText: "Hawa Moussa Abakar" })).toContainText("New");
  await expect(page.getByRole("rowheader")).toHaveCount(fixtureRows.length);
  await expectAccessible(page, "import report");

  // Nothing is in the registry before confirmation.
  const db = database();
  expect(await db.organisation.count({ where: { name: "Mine Victims Association of Iraq" } })).toBe(0);
  await db.$disconnect();

  await page.getByRole("button", { name: "Import 6 rows" }).click();
  await expect(page.getByRole("heading", { name: "Stakeholders imported" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("5 new organisations");
  await expectAccessible(page, "import result");

  await page.getByRole("link", { name: "See the registry" }).click();
  await page.getByLabel("Name").fill("Mine Victims");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=Mine\+Victims/);
  const row = page.getByRole("row").filter({ hasText: "Mine Victims Association of Iraq" });
  await expect(row).toContainText("Iraq");
  await expect(row).toContainText("Survivor organisation");
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Mine Victims Association of Iraq", level: 1 })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Haider Kadhim" })).toContainText("Submitter");
  await expect(page.getByRole("row").filter({ hasText: "Noor Abbas" })).toContainText("Contributor");
  await expectAccessible(page, "organisation");

  await page.getByRole("link", { name: "Stakeholders" }).first().click();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export all as CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^stakeholders-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString("utf8");
  expect(csv).toContain("Réseau des survivants du Tchad,RST,survivor-org,TD,fr;ar,yes,Hawa Moussa Abakar,hawa.moussa@rst-tchad.example,fr,submitter\r\n");
  expect(csv).not.toContain("peter.lado");
});

test("a coordinator adds an organisation and a contact, and manages the types", async ({ page }, info) => {
  const name = `Kampot Survivors Collective (${info.project.name})`;
  await signInTo(page, "/stakeholders/new");
  await expect(page.getByRole("heading", { name: "Add an organisation" })).toBeVisible();
  await expectAccessible(page, "new organisation");

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Add the organisation" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose the type of stakeholder");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expectAccessible(page, "new organisation with errors");

  await page.getByLabel("Type of stakeholder").selectOption({ label: "Survivor organisation / organisation of persons with disabilities" });
  await page.getByLabel("Country").selectOption("KH");
  await page.getByRole("group", { name: "Is it led by survivors?" }).getByLabel("Yes").check();
  await page.getByRole("button", { name: "Add the organisation" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("The organisation is added");

  await page.getByLabel("Name", { exact: true }).last().fill("Sokha Chan");
  await page.getByLabel("Email address").fill(`sokha.chan@${info.project.name}.kampot.example`);
  await page.getByLabel("Submitter: drafts and submits").check();
  await page.getByRole("button", { name: "Add the contact" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Sokha Chan" })).toContainText("Submitter");
  await expectAccessible(page, "organisation with a contact");

  await page.getByRole("link", { name: "Edit Sokha Chan" }).click();
  await expect(page.getByRole("heading", { name: "Edit Sokha Chan" })).toBeVisible();
  await expectAccessible(page, "edit contact");
  await page.getByRole("button", { name: "Remove Sokha Chan" }).click();
  await expect(page.getByRole("status")).toContainText("The contact is removed");

  await page.goto("/stakeholders/types");
  await expect(page.getByRole("heading", { name: "Types of stakeholder", level: 1 })).toBeVisible();
  await expectAccessible(page, "types");
  const label = `Academia (${info.project.name})`;
  await page.getByLabel("Name", { exact: true }).fill(label);
  await page.getByRole("button", { name: "Add the type" }).click();
  await expect(page.getByRole("status")).toContainText("The type is added");
  await page.getByRole("link", { name: `Edit ${label}` }).click();
  await expect(page.getByRole("heading", { name: `Rename “${label}”` })).toBeVisible();
  await expectAccessible(page, "rename type");
  await page.getByLabel("Name in French (optional)").fill("Universités");
  await page.getByRole("button", { name: "Save the type" }).click();
  await expect(page.getByRole("row").filter({ hasText: label })).toContainText("Universités");
  await page.getByRole("button", { name: `Delete ${label}` }).click();
  await expect(page.getByRole("status")).toContainText("The type is deleted");
  // A type in use offers no delete button.
  await expect(page.getByRole("button", { name: /Delete Survivor organisation/ })).toHaveCount(0);
});

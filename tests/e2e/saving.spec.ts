/**
 * Saving a section in a real browser, with JavaScript on and off: a double click stores once,
 * the saved wording shows as a redline, autosave reports "Saved at", two contacts of one
 * organisation see a conflict and choose, an ended session and a closed round lose nothing,
 * and (JavaScript) text typed offline is kept and saved when back online. Each project
 * answers for its own organisation, on a section other specs leave alone.
 */
import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { database, expectAccessible } from "./fixtures";
import { signInAs } from "./sign-in";

// Several axe scans per test; without JavaScript each copies the page into a scratch browser.
test.setTimeout(120_000);

const SECTION = "integrated-approach-principles";
const ORGS = {
  javascript: { name: "Afghanistan", a: "va.focalpoint@mophd.afghanistan.example", b: "m.ahmadzai@dmac.afghanistan.example" },
  "no-javascript": { name: "COPE (Cooperative Orthotic and Prosthetic Enterprise)", a: "info@cope-laos.example", b: "second@cope-laos.example" },
} as const;

const org = () => ORGS[test.info().project.name as keyof typeof ORGS];
const jsOn = () => test.info().project.use.javaScriptEnabled !== false;
let sectionPath = "";

test.beforeAll(async ({}, info) => {
  const { name, b } = ORGS[info.project.name as keyof typeof ORGS];
  const db = database();
  try {
    const invitation = await db.invitation.findFirstOrThrow({ where: { organisation: { name }, round: { status: "OPEN" } } });
    // COPE has one contact in the demo: give it a second one for the conflict test.
    const user = await db.user.upsert({ where: { email: b }, create: { email: b, name: "Second Contact" }, update: {} });
    await db.contact.upsert({
      where: { organisationId_userId: { organisationId: invitation.organisationId, userId: user.id } },
      create: { organisationId: invitation.organisationId, userId: user.id, role: "CONTRIBUTOR" },
      update: {},
    });
    sectionPath = `/respond/${invitation.id}/sections/${SECTION}`;
  } finally {
    await db.$disconnect();
  }
});

const wording = (page: Page) => page.locator(".question textarea").nth(0);
const comments = (page: Page) => page.locator(".question textarea").nth(1);

async function storedComment() {
  const db = database();
  try {
    const response = await db.response.findFirst({ where: { organisation: { name: org().name }, round: { status: "OPEN" } }, include: { answers: { include: { question: true } } } });
    const answer = response?.answers.find((a) => a.question.type === "LONG_TEXT");
    return { text: answer?.text ?? null, revision: answer?.revision ?? 0, wording: response?.answers.find((a) => a.question.type === "PROPOSED_WORDING") };
  } finally {
    await db.$disconnect();
  }
}

async function newPage(browser: Browser) {
  const use = test.info().project.use;
  const context = await browser.newContext({ baseURL: use.baseURL, javaScriptEnabled: use.javaScriptEnabled });
  return context.newPage();
}

test("a double click on Save draft stores once; the saved wording shows as a redline", async ({ page }) => {
  await signInAs(page, org().a, { redirectTo: sectionPath });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Principles");
  await expectAccessible(page, "section page, empty");

  const original = await wording(page).inputValue();
  const changed = original.replace(/\bshould\b/, "must") + "\n\nSurvivors decide first.";
  await wording(page).fill(changed);
  await page.getByRole("button", { name: "Save draft" }).dblclick();
  await expect(page.getByText("Your answers to this section are saved.")).toBeVisible();
  const stored = await storedComment();
  expect(stored.wording?.text).toBe(changed);
  expect(stored.wording?.revision).toBe(1);

  const redline = page.getByRole("region", { name: "Your saved wording compared with the section's text" });
  await expect(redline.locator("ins")).toContainText(["Survivors decide first."]);
  await expect(redline.locator("ins").first()).toContainText("inserted");
  await expectAccessible(page, "section page, saved");
});

test("a text too long is refused with the text kept", async ({ page }) => {
  await signInAs(page, org().a, { redirectTo: sectionPath });
  const long = "Too long. ".repeat(2100);
  await comments(page).fill(long);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  expect(await comments(page).inputValue()).toBe(long);
  await expectAccessible(page, "section page, errors");
  expect((await storedComment()).text).toBeNull();
});

test("autosave says Saved at after typing stops", async ({ page }) => {
  test.skip(!jsOn(), "Autosave needs JavaScript; without it the buttons save (tested above).");
  await signInAs(page, org().a, { redirectTo: sectionPath });
  await comments(page).fill("Autosaved comment.");
  await expect(page.getByRole("status").filter({ hasText: /Saved at \d/ })).toBeVisible({ timeout: 10_000 });
  expect((await storedComment()).text).toBe("Autosaved comment.");
});

test("offline, the text is kept on this device and saved when back online", async ({ page, context }) => {
  test.skip(!jsOn(), "Offline keeping needs JavaScript; without it a save is a page load the browser reports as failed.");
  await signInAs(page, org().a, { redirectTo: sectionPath });
  await expect(comments(page)).toHaveValue("Autosaved comment.");
  await context.setOffline(true);
  await comments(page).fill("Written on a train.");
  await expect(page.getByText("Not saved: offline — kept on this device, will retry")).toBeVisible({ timeout: 10_000 });
  await context.setOffline(false);
  await expect(page.getByRole("status").filter({ hasText: /Saved at \d/ })).toBeVisible({ timeout: 10_000 });
  expect((await storedComment()).text).toBe("Written on a train.");
});

test("two contacts of one organisation: the later save sees a conflict and chooses", async ({ page, browser }) => {
  await signInAs(page, org().a, { redirectTo: sectionPath });
  const other = await newPage(browser);
  await signInAs(other, org().b, { redirectTo: sectionPath });

  // A saves; B's page still carries the revision from before.
  await comments(page).fill("A's comment, saved first.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Your answers to this section are saved.")).toBeVisible();

  await comments(other).fill("B's comment, written at the same time.");
  await other.getByRole("button", { name: "Save draft" }).click();
  const conflict = other.getByRole("group", { name: "Someone else changed an answer while you were writing" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Your version");
  await expect(conflict).toContainText("B's comment, written at the same time.");
  await expect(conflict).toContainText("A's comment, saved first.");
  await expect(conflict).toContainText(/Saved by .+ at /);
  expect((await storedComment()).text).toBe("A's comment, saved first.");
  await expectAccessible(other, "section page, conflict");

  await conflict.getByRole("button", { name: "Keep mine" }).click();
  await expect(other.getByText("Your answers to this section are saved.")).toBeVisible();
  expect((await storedComment()).text).toBe("B's comment, written at the same time.");
  await expect(comments(other)).toHaveValue("B's comment, written at the same time.");
  await other.context().close();
});

test("a save after the session ended keeps the text and offers it after signing in again", async ({ page, context }) => {
  await signInAs(page, org().a, { redirectTo: sectionPath });
  const db = database();
  try {
    await db.session.deleteMany({ where: { user: { email: org().a } } });
  } finally {
    await db.$disconnect();
  }
  await comments(page).fill("Typed while the session ran out.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: "You were signed out" })).toBeVisible();
  await expect(page.getByText("Your text is kept and will be saved after you sign in.")).toBeVisible();
  await expect(page.getByText("Typed while the session ran out.")).toBeVisible();
  await expectAccessible(page, "section page, session ended");

  const stash = (await context.cookies()).filter((c) => c.name === "consult_stash");
  expect(stash).toHaveLength(1);
  await signInAs(page, org().a, { redirectTo: "/" }); // clears the browser's cookies first
  await context.addCookies(stash); // as a browser that had not been cleared
  await page.goto(sectionPath);
  // Offered, not applied: opening a page changes nothing (the choice is a POST).
  const offer = page.getByRole("region", { name: /^Your unsaved text from / });
  await expect(offer).toContainText("Typed while the session ran out.");
  expect((await storedComment()).text).not.toBe("Typed while the session ran out.");
  await expectAccessible(page, "section page, unsaved text offered");
  await offer.getByRole("button", { name: "Save it" }).click();
  await expect(page.getByText("Your answers to this section are saved.")).toBeVisible();
  await expect(comments(page)).toHaveValue("Typed while the session ran out.");
  expect((await storedComment()).text).toBe("Typed while the session ran out.");
  await expect(offer).toHaveCount(0);
});

test("a save after the round closed keeps the text and downloads it", async ({ page }) => {
  await signInAs(page, org().a, { redirectTo: sectionPath });
  const db = database();
  const round = await db.round.findFirstOrThrow({ where: { status: "OPEN" } });
  try {
    await comments(page).fill("Typed as the round closed.");
    // Not accepting answers, without the scheduler closing the round other specs use.
    await db.round.update({ where: { id: round.id }, data: { opensAt: new Date(Date.now() + 24 * 60 * 60_000) } });
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("alert")).toContainText("no longer accepting answers");
    await expect(comments(page)).toHaveValue("Typed as the round closed.");
    await expectAccessible(page, "section page, round closed");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download my text" }).click();
    const file = await (await download).path();
    expect(fs.readFileSync(file, "utf8")).toContain("Typed as the round closed.");
    expect((await storedComment()).text).not.toBe("Typed as the round closed.");
  } finally {
    await db.round.update({ where: { id: round.id }, data: { opensAt: round.opensAt } });
    await db.$disconnect();
  }
});

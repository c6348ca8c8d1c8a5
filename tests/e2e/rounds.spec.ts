/**
 * Rounds, invitations, reminders and the outbox in a real browser, with and without
 * JavaScript. A coordinator creates a round on the demo's version 1 (its questionnaire copied
 * in the database: the builder has its own tests), invites a type of stakeholder, schedules
 * it, opens it now (the invitation arrives with a personal link), closes and archives it. On
 * the demo's open round: filters the tracking table, reminds a selection, extends one
 * organisation's deadline, and retries a failed email from the outbox. Axe on every page.
 * The demo round stays open; each project works with its own organisations.
 */
import { expect, test, type Page } from "@playwright/test";
import { COORDINATOR, database, expectAccessible, readLatestEmail } from "./fixtures";
import { signInAs } from "./sign-in";

test.describe.configure({ mode: "serial" });
// Many pages, each with an axe scan, on a shared machine: allow for a slow one.
test.setTimeout(240_000);

const PROJECT = {
  javascript: { remind: ["Chad", "Somalia"], extend: "Bosnia and Herzegovina" },
  "no-javascript": { remind: ["Mauritania", "South Sudan"], extend: "Croatia" },
} as const;

type Demo = { consultationId: string; demoRoundId: string; versionId: string };

async function demo(): Promise<Demo> {
  const db = database();
  try {
    const round = await db.round.findFirstOrThrow({
      where: { consultation: { slug: "victim-assistance-guidance" }, number: 1 },
      select: { id: true, consultationId: true, versionId: true },
    });
    return { consultationId: round.consultationId, demoRoundId: round.id, versionId: round.versionId };
  } finally {
    await db.$disconnect();
  }
}

/** With JavaScript, wait until Remix runs, so forms go through react-hook-form and client navigation. */
async function hydrated(page: Page) {
  if (test.info().project.use.javaScriptEnabled !== false) await page.waitForFunction(() => "__remixRouter" in window, undefined, { timeout: 10_000 });
}

/** "YYYY-MM-DDTHH:mm", days from now, at a given hour: what a datetime-local input takes. */
function localInput(days: number, hour: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
}

async function contactOf(organisation: string) {
  const db = database();
  try {
    const contact = await db.contact.findFirstOrThrow({ where: { organisation: { name: organisation }, role: "SUBMITTER" }, include: { user: true } });
    return contact.user.email;
  } finally {
    await db.$disconnect();
  }
}

/** A transition button, its confirmation (scanned once per kind of panel), and the new status. */
async function confirmTransition(page: Page, button: string, status: string, scan = false) {
  await page.getByRole("link", { name: button, exact: true }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`^${button.split(" ")[0]}`) }).first()).toBeVisible();
  if (scan) await expectAccessible(page, `confirm ${button}`);
  await page.getByRole("button", { name: new RegExp(`^Yes, ${button}`, "i") }).click();
  await expect(page.locator("dl.summary .badge")).toHaveText(status);
}

test("a coordinator creates a round, invites a type of stakeholder, schedules, opens, closes and archives it", async ({ page }, info) => {
  const { consultationId, demoRoundId, versionId } = await demo();
  const title = `Lifecycle round (${info.project.name})`;
  await signInAs(page, COORDINATOR, { redirectTo: `/consultations/${consultationId}/rounds` });
  await expect(page.getByRole("heading", { name: "Rounds", level: 1 })).toBeVisible();
  await expectAccessible(page, "rounds");
  await page.getByRole("link", { name: "New round" }).click();
  await expect(page.getByRole("heading", { name: "New round", level: 1 })).toBeVisible();
  await hydrated(page);
  await expectAccessible(page, "new round");

  // Closing before opening is refused, and what was typed stays.
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Version of the document").selectOption({ value: versionId });
  await page.getByLabel("Opens").fill(localInput(2, 9));
  await page.getByLabel("Closes").fill(localInput(1, 17));
  await page.getByRole("button", { name: "Create the round" }).click();
  await expect(page.getByRole("alert")).toContainText("The round must close after it opens");
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expectAccessible(page, "new round with an error");
  await page.getByLabel("Closes").fill(localInput(30, 17));
  await page.getByRole("button", { name: "Create the round" }).click();
  await expect(page.getByText("The round is created as a draft.")).toBeVisible();
  await expectAccessible(page, "round settings");
  const roundId = new URL(page.url()).pathname.split("/").at(-2)!;

  // The questionnaire comes from the demo round (the builder is tested on its own).
  const db = database();
  try {
    const questions = await db.question.findMany({ where: { roundId: demoRoundId, retiredAt: null } });
    await db.question.createMany({
      data: questions.map(({ id: _id, roundId: _round, replacesId: _replaces, createdAt: _created, options, translations, ...q }) => ({
        ...q,
        roundId,
        options: options ?? [],
        translations: translations ?? {},
      })),
    });
  } finally {
    await db.$disconnect();
  }

  // Not ready: no invitation yet.
  await page.getByRole("link", { name: "Schedule the round" }).click();
  await page.getByRole("button", { name: /^Yes, schedule/ }).click();
  await expect(page.getByRole("alert")).toContainText("Invite at least one organisation.");

  await page.getByRole("navigation", { name: `Round: ${title}` }).getByRole("link", { name: "Invitations" }).click();
  await expect(page.getByRole("heading", { name: "Invitations", level: 2 })).toBeVisible();
  await hydrated(page);
  await expectAccessible(page, "invitations");
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("Choose at least one type of stakeholder or one organisation");
  await page.getByLabel(/^Convention body/).check();
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.getByText(/organisation\(s\) newly invited/)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "CCM Implementation Support Unit" })).toContainText("isu@ccm-demo.example");
  await expectAccessible(page, "invitations, invited");

  await page.getByRole("navigation", { name: `Round: ${title}` }).getByRole("link", { name: "Dates and status" }).click();
  await confirmTransition(page, "Schedule the round", "scheduled", true);
  await confirmTransition(page, "Open now", "open");
  await expect(page.getByText("Invitations are on their way.")).toBeVisible();

  // The invitation arrives with a personal link that opens this round.
  const message = await readLatestEmail("isu@ccm-demo.example", new RegExp(title.replace(/[()]/g, "\\$&")));
  const link = message.match(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/)?.[0];
  expect(link, "a personal link in the invitation").toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();

  await page.goto(`/consultations/${consultationId}/rounds/${roundId}/settings`);
  await confirmTransition(page, "Close now", "closed", true);
  await confirmTransition(page, "Archive", "archived");
  await expectAccessible(page, "archived round");
  await page.goto(`/consultations/${consultationId}/rounds`);
  await expect(page.getByRole("row").filter({ hasText: title })).toContainText("archived");
});

test("on the open round, a coordinator filters who has answered, reminds a selection and extends one deadline", async ({ page }, info) => {
  const { consultationId, demoRoundId } = await demo();
  const mine = PROJECT[info.project.name as keyof typeof PROJECT];
  await signInAs(page, COORDINATOR, { redirectTo: `/consultations/${consultationId}/rounds/${demoRoundId}` });
  await expect(page.getByRole("heading", { name: "Who has answered" })).toBeVisible();
  await hydrated(page);
  await expectAccessible(page, "tracking");

  await page.getByLabel("Type of stakeholder").selectOption({ label: "Affected State Party (Article 5)" });
  await page.getByLabel("State", { exact: true }).selectOption({ label: "Not submitted yet" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/type=affected-state/);
  await expect(page.getByRole("row").filter({ hasText: "Other State Party" })).toHaveCount(1); // the rate table only
  await expect(page.getByRole("row").filter({ hasText: "Albania" })).toHaveCount(0); // submitted
  await expectAccessible(page, "tracking, filtered");

  for (const organisation of mine.remind) await page.getByLabel(`Select ${organisation}`).check();
  await page.getByRole("button", { name: "Send reminder to selected" }).click();
  await expect(page.getByText("Reminder sent to 2 organisations.")).toBeVisible();
  await expect(page).toHaveURL(/type=affected-state/); // the filter is kept
  await expect(page.getByRole("row").filter({ hasText: mine.remind[0] })).toContainText("1 / 2");
  await expectAccessible(page, "tracking, reminded");
  const reminder = await readLatestEmail(await contactOf(mine.remind[0]), /Reminder|Rappel|Recordatorio|تذكير/);
  expect(reminder).toContain("/respond/");

  // Extend one organisation's deadline from its row.
  await page.goto(`/consultations/${consultationId}/rounds/${demoRoundId}`);
  await page.getByRole("link", { name: `Extend the deadline for ${mine.extend}` }).click();
  await expect(page.getByRole("heading", { name: `Extend the deadline for ${mine.extend}` })).toBeVisible();
  await hydrated(page);
  await expectAccessible(page, "extend a deadline");
  await page.getByLabel("New deadline").fill("2020-01-01T10:00");
  await page.getByRole("button", { name: "Extend the deadline" }).click();
  await expect(page.getByRole("alert")).toContainText("must be in the future");
  await page.getByLabel("New deadline").fill(localInput(60, 17));
  await page.getByRole("button", { name: "Extend the deadline" }).click();
  await expect(page.getByText("The deadline is extended")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: mine.extend })).toContainText("extended");
  const told = await readLatestEmail(await contactOf(mine.extend), /Deadline extended|Délai prolongé|Plazo ampliado/);
  expect(told).toContain(mine.extend);
});

test("a failed email is shown in the outbox with its error and can be retried", async ({ page }, info) => {
  const mine = PROJECT[info.project.name as keyof typeof PROJECT];
  const address = await contactOf(mine.remind[1]);
  const db = database();
  let messageId: string;
  try {
    const message = await db.emailMessage.findFirstOrThrow({ where: { toAddress: address, template: "reminder" }, orderBy: { createdAt: "desc" } });
    messageId = message.id;
    await db.emailMessage.update({ where: { id: message.id }, data: { status: "FAILED", attempts: 8, lastError: "550 5.1.1 Mailbox unavailable (test)" } });
  } finally {
    await db.$disconnect();
  }

  await signInAs(page, COORDINATOR, { redirectTo: "/outbox" });
  await expect(page.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
  await hydrated(page);
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Failed" });
  await page.getByRole("button", { name: "Filter" }).click();
  const row = page.getByRole("row").filter({ hasText: address });
  await expect(row).toContainText("550 5.1.1 Mailbox unavailable (test)");
  await expectAccessible(page, "outbox, failed");
  await row.getByRole("button", { name: `Retry the message to ${address}` }).click();
  await expect(page.getByText("The message is back in the queue")).toBeVisible();
  await expectAccessible(page, "outbox, retried");

  await expect
    .poll(
      async () => {
        const check = database();
        try {
          return (await check.emailMessage.findUniqueOrThrow({ where: { id: messageId } })).status;
        } finally {
          await check.$disconnect();
        }
      },
      { timeout: 20_000, message: "the retried message is sent" },
    )
    .toBe("SENT");
});

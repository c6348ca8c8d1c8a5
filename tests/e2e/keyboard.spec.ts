/**
 * A contact who uses only the keyboard: from their personal link to a submitted response with
 * Tab, Shift+Tab, Space, Enter, the arrow keys and typing — never the mouse — with the focus
 * visible on the way, and the section page checked with axe when empty, with an error, saved
 * and in conflict. Each project answers for its own organisation, which no other spec uses;
 * the other required answers are written straight to the database (other specs cover them).
 */
import zlib from "node:zlib";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { answerRequired, database, expectAccessible, invitationLinkFor } from "./fixtures";

// Four axe scans and a few hundred key presses: minutes on a loaded machine.
test.setTimeout(360_000);

const SECTION = "integrated-approach-principles";
const ORGANISATION = { javascript: "Austria", "no-javascript": "Norwegian People's Aid" } as const;
const organisation = () => ORGANISATION[test.info().project.name as keyof typeof ORGANISATION];
const jsOn = () => test.info().project.use.javaScriptEnabled !== false;

/** A colleague saves the comment meanwhile (as their own save would: a new revision, their name). */
async function colleagueSavesComment(name: string, text: string) {
  const db = database();
  try {
    const invitation = await db.invitation.findFirstOrThrow({ where: { organisation: { name }, round: { status: "OPEN" } } });
    const email = `colleague-${invitation.organisationId}@e2e.example`;
    const user = await db.user.upsert({ where: { email }, create: { email, name: "Colleague Keyboard" }, update: {} });
    const answer = await db.answer.findFirstOrThrow({
      where: { response: { roundId: invitation.roundId, organisationId: invitation.organisationId }, question: { type: "LONG_TEXT", section: { key: SECTION } } },
    });
    await db.answer.update({ where: { id: answer.id }, data: { text, updatedById: user.id, revision: { increment: 1 } } });
  } finally {
    await db.$disconnect();
  }
}

async function storedComment(name: string) {
  const db = database();
  try {
    const answer = await db.answer.findFirst({
      where: { response: { organisation: { name }, round: { status: "OPEN" } }, question: { type: "LONG_TEXT", section: { key: SECTION } } },
    });
    return answer?.text ?? null;
  } finally {
    await db.$disconnect();
  }
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab (Shift+Tab going back) until the target has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}) {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (await isFocused(target)) return;
  }
  throw new Error(`${max} presses of ${back ? "Shift+Tab" : "Tab"} never reached ${target}`);
}

/** The focused element shows it: an outline or a ring (box-shadow), never nothing. */
async function expectFocusVisible(page: Page) {
  const style = await page.locator(":focus").evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };
  });
  expect((style.outline !== "none" && style.width !== "0px") || style.shadow !== "none", `focus indicator: ${JSON.stringify(style)}`).toBe(true);
}

test("a keyboard-only contact answers, saves, settles a conflict, reviews and submits", async ({ page }) => {
  const name = organisation();
  await answerRequired(name, { exceptSection: SECTION });
  await page.goto(await invitationLinkFor(name));

  // The invitation page, then the contents: Tab to the control, Enter to use it.
  const start = page.getByRole("button", { name: "Continue to the questionnaire" });
  await tabTo(page, start);
  await expectFocusVisible(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Contents" })).toBeVisible();
  await tabTo(page, page.getByRole("link", { name: "Principles of an integrated approach" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Principles of an integrated approach");
  await expectAccessible(page, "keyboard: section page, empty");
  // The page is light (budget: 50 KB of HTML and CSS, gzip; the stylesheet is about 4 KB).
  const html = zlib.gzipSync(await (await page.request.get(page.url())).body()).length / 1024;
  console.log(`section page HTML: ${html.toFixed(1)} KB gzip`);
  expect(html).toBeLessThan(45);

  // Radios: Tab into the group, Space chooses the first option, the arrow key moves the choice.
  const agreement = page.getByRole("group", { name: /These principles are the right foundation/ });
  await tabTo(page, agreement.getByRole("radio").first());
  await expectFocusVisible(page);
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await expect(agreement.getByRole("radio", { name: "Agree", exact: true })).toBeChecked();
  await expect(agreement.getByRole("radio", { name: "Strongly agree" })).not.toBeChecked();

  // Proposed wording: the field starts with the section's text; add a sentence at its end.
  const wording = page.locator(".question textarea").nth(0);
  await tabTo(page, wording);
  await expectFocusVisible(page);
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" Survivors decide first.");
  await expect(wording).toHaveValue(/Survivors decide first\.$/);
  if (jsOn()) {
    // The live redline, by keyboard: the button right after the field.
    const show = page.getByRole("button", { name: "Show my changes" });
    await tabTo(page, show);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("region", { name: "Your changes to the section's text" }).locator("ins")).toContainText("Survivors decide first.");
    await expect(page.getByRole("button", { name: "Hide my changes" })).toHaveAttribute("aria-expanded", "true");
  }

  // A comment too long to save: refused, announced, the text kept.
  const comment = page.locator(".question textarea").nth(1);
  await tabTo(page, comment);
  const long = "Too long. ".repeat(2001);
  await page.keyboard.insertText(long);
  await tabTo(page, page.getByRole("button", { name: "Save draft" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(comment).toHaveValue(long);
  await expectAccessible(page, "keyboard: section page, error");

  // Shorten it (select all, type over) and save.
  await tabTo(page, comment);
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Name survivor organisations explicitly.");
  await tabTo(page, page.getByRole("button", { name: "Save draft" }));
  await expectFocusVisible(page);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Your answers to this section are saved.")).toBeVisible();
  expect(await storedComment(name)).toBe("Name survivor organisations explicitly.");
  await expect(page.getByRole("radio", { name: "Agree", exact: true })).toBeChecked();
  await expectAccessible(page, "keyboard: section page, saved");

  // A colleague changes the comment meanwhile: the save shows both versions; keep mine.
  await colleagueSavesComment(name, "The colleague's comment.");
  await tabTo(page, comment);
  await page.keyboard.press("Control+A");
  await page.keyboard.type("My comment, after all.");
  await tabTo(page, page.getByRole("button", { name: "Save draft" }));
  await page.keyboard.press("Enter");
  const conflict = page.getByRole("group", { name: "Someone else changed an answer while you were writing" });
  await expect(conflict).toContainText("The colleague's comment.");
  await expect(conflict).toContainText("My comment, after all.");
  expect(await storedComment(name)).toBe("The colleague's comment.");
  await expectAccessible(page, "keyboard: section page, conflict");
  await tabTo(page, conflict.getByRole("button", { name: "Keep mine" }));
  await expectFocusVisible(page);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Your answers to this section are saved.")).toBeVisible();
  expect(await storedComment(name)).toBe("My comment, after all.");

  // Save and continue: the next section; back to the contents (Shift+Tab to the breadcrumb), then review.
  await tabTo(page, page.getByRole("button", { name: "Save and continue" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("Principles of an integrated approach");
  await tabTo(page, page.getByRole("button", { name: "Save and continue" }));
  await tabTo(page, page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Contents" }), { back: true });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Contents" })).toBeVisible();
  await tabTo(page, page.getByRole("link", { name: "Review and submit" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Review your answers", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Required questions not answered yet" })).toHaveCount(0);

  // Attribution: Space on the first option, an arrow key to the next; then submit with Enter.
  const attribution = page.getByRole("group", { name: /How may your response be attributed/ });
  await tabTo(page, attribution.getByRole("radio").first());
  await expectFocusVisible(page);
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await expect(attribution.getByRole("radio", { name: /Shown only by type of stakeholder/ })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Submit our response" }));
  await expectFocusVisible(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Response submitted" })).toBeVisible();
});

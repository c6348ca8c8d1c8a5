/**
 * The next draft and the published summary, end to end, with and without JavaScript. Each
 * project works on its own consultation, made in the database from the demo's version 1 with a
 * closed round, two submitted responses (one public, one confidential) and a worklist item made
 * from them: the demo's own round stays open and untouched for the other specs. The
 * coordinator starts version 2, edits a section, reads the redline on the compare page, marks
 * the item resolved, writes the themes and publishes the summary; the respondent gets the
 * email, follows a fresh invitation link to the outcome page and reads the public summary
 * (where the confidential comment never appears). Axe on every page.
 */
import { expect, test } from "@playwright/test";
import { hashToken, randomToken } from "../../app/modules/security/tokens.server";
import { COORDINATOR, database, expectAccessible, readLatestEmail } from "./fixtures";
import { signInAs } from "./sign-in";

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

const SECTION = "purpose-and-scope";
const PUBLIC_COMMENT = "Please say survivors throughout, as survivors themselves ask.";
const CONFIDENTIAL_COMMENT = "Our clinic's caseload figures, for the coordinators only.";
const ADDED = "Survivors are consulted at every step.";

type Setup = { consultationId: string; versionId: string; roundId: string; organisation: string; contactEmail: string; invitationPath: string; itemSummary: string };
let setup: Setup;

test.beforeAll(async ({}, info) => {
  const db = database();
  const project = info.project.name;
  try {
    const demo = await db.documentVersion.findFirstOrThrow({
      where: { consultation: { slug: "victim-assistance-guidance" }, number: 1 },
      include: { sections: { orderBy: { position: "asc" } } },
    });
    const coordinator = await db.user.findUniqueOrThrow({ where: { email: COORDINATOR } });
    const type = await db.stakeholderType.findFirstOrThrow({ orderBy: { position: "asc" } });
    const consultation = await db.consultation.create({
      data: {
        slug: `summary-${project}-${Date.now()}`,
        title: `Summary walkthrough (${project})`,
        members: { create: { userId: coordinator.id, role: "COORDINATOR" } },
      },
    });
    const version = await db.documentVersion.create({
      data: {
        consultationId: consultation.id,
        number: 1,
        title: demo.title,
        lockedAt: new Date(),
        sections: {
          create: demo.sections.map((s) => ({ key: s.key, position: s.position, heading: s.heading, body: s.body, tags: s.tags, translations: s.translations ?? {} })),
        },
      },
      include: { sections: true },
    });
    const round = await db.round.create({
      data: { consultationId: consultation.id, versionId: version.id, number: 1, title: `Summary round (${project})`, status: "CLOSED", closedAt: new Date() },
    });
    const section = version.sections.find((s) => s.key === SECTION)!;
    const question = await db.question.create({ data: { roundId: round.id, sectionId: section.id, position: 1, type: "LONG_TEXT", prompt: "Your comments on the purpose and scope" } });

    const respond = async (name: string, email: string, attribution: "PUBLIC" | "CONFIDENTIAL", text: string) => {
      const organisation = await db.organisation.create({ data: { name, typeId: type.id } });
      const user = await db.user.upsert({ where: { email }, create: { email, name: `Focal point (${name})`, language: "en" }, update: {} });
      const contact = await db.contact.create({ data: { organisationId: organisation.id, userId: user.id, role: "SUBMITTER" } });
      const invitation = await db.invitation.create({ data: { roundId: round.id, organisationId: organisation.id } });
      const response = await db.response.create({
        data: {
          roundId: round.id,
          organisationId: organisation.id,
          status: "SUBMITTED",
          attribution,
          consentToPublish: true,
          submittedAt: new Date(),
          submittedById: user.id,
          answers: { create: { questionId: question.id, text } },
        },
        include: { answers: true },
      });
      return { organisation, contact, invitation, answerId: response.answers[0]!.id };
    };
    const open = await respond(`Summary Survivors Network (${project})`, `summary-survivors-${project}@example.org`, "PUBLIC", PUBLIC_COMMENT);
    const secret = await respond(`Summary Rehabilitation Centre (${project})`, `summary-centre-${project}@example.org`, "CONFIDENTIAL", CONFIDENTIAL_COMMENT);
    const itemSummary = `Say survivors rather than victims (${project})`;
    await db.worklistItem.create({
      data: {
        consultationId: consultation.id,
        roundId: round.id,
        sectionKey: SECTION,
        summary: itemSummary,
        status: "ACCEPTED",
        rationale: "Survivors asked for it, and it is the Convention's own word.",
        sources: { create: [{ answerId: open.answerId }, { answerId: secret.answerId }] },
      },
    });
    const token = randomToken();
    await db.invitationLink.create({ data: { invitationId: open.invitation.id, contactId: open.contact.id, tokenHash: hashToken(token) } });
    setup = {
      consultationId: consultation.id,
      versionId: version.id,
      roundId: round.id,
      organisation: open.organisation.name,
      contactEmail: `summary-survivors-${project}@example.org`,
      invitationPath: `/invitations/${token}`,
      itemSummary,
    };
  } finally {
    await db.$disconnect();
  }
});

test("a coordinator starts version 2, reads the redline, resolves an item and publishes the summary; the respondent sees the outcome", async ({ page }) => {
  await signInAs(page, COORDINATOR, { redirectTo: `/consultations/${setup.consultationId}/versions/${setup.versionId}` });

  // Version 2 from version 1.
  await page.getByRole("button", { name: "Create a new version from version 1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Version 2:/);
  await expect(page.getByRole("status")).toContainText("Version 2 is saved");

  // Edit one section.
  await page.getByRole("link", { name: "Edit “Purpose and scope”" }).click();
  const text = page.getByLabel("Text", { exact: true });
  await text.fill(`${await text.inputValue()}\n\n${ADDED}`);
  await page.getByRole("button", { name: "Save the section" }).click();
  await expect(page.getByRole("status")).toContainText("The section is saved");

  // The redline on the compare page.
  await page.getByRole("link", { name: "Compare version 2 with version 1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Version 2 compared with version 1");
  const changed = page.locator(`#compare-${SECTION}`);
  await expect(changed.getByRole("heading", { level: 2 })).toContainText("Changed");
  await expect(changed.locator("ins")).toContainText(ADDED);
  await expect(page.locator("#compare-data-collection")).toContainText("The text is the same in both versions.");
  await expect(page.getByRole("link", { name: "Open the next round on version 2" })).toHaveAttribute("href", /\/rounds\/new\?version=/);
  await expectAccessible(page, "compare version 2 with version 1");

  // This change resolves the item.
  await changed.getByLabel(new RegExp(setup.itemSummary.replace(/[()]/g, "\\$&"))).check();
  await changed.getByRole("button", { name: /Save which items this change resolves/ }).click();
  await expect(page.getByRole("status")).toContainText("The worklist items are saved");
  await expect(page.locator(`#compare-${SECTION}`).getByLabel(new RegExp(setup.itemSummary.replace(/[()]/g, "\\$&")))).toBeChecked();
  await expect(page.locator(`#compare-${SECTION}`)).toContainText("done in version 2");

  // The summary: themes, preview, publish.
  await page.goto(`/consultations/${setup.consultationId}/rounds/${setup.roundId}/summary`);
  await expect(page.getByRole("heading", { name: "Published summary", level: 1 })).toBeVisible();
  await page.getByLabel("Introduction").fill("Two organisations answered this round.");
  await page.getByLabel("What we heard: Purpose and scope").fill("Respondents asked for **survivors** instead of victims.");
  await page.getByRole("button", { name: "Save the summary text" }).click();
  await expect(page.getByRole("status")).toContainText("The summary text is saved");
  const preview = page.locator(".summary-preview");
  await expect(preview.locator("strong", { hasText: "survivors" })).toBeVisible();
  await expect(preview).toContainText(PUBLIC_COMMENT);
  await expect(preview).not.toContainText(CONFIDENTIAL_COMMENT);
  await expect(preview.locator(".redline ins").first()).toContainText(ADDED);
  await expectAccessible(page, "summary editor");
  await page.getByRole("button", { name: "Publish the summary" }).click();
  await expect(page.getByRole("status")).toContainText("The summary is published. 2 emails are on the way");

  // The respondent's email, then the outcome page through a fresh invitation link.
  const email = await readLatestEmail(setup.contactEmail, /What we heard, what we changed/);
  expect(email).toContain("/outcome");
  await page.context().clearCookies();
  await page.goto(setup.invitationPath);
  await page.getByRole("button", { name: "Continue to the questionnaire" }).click();
  await expect(page.getByText("The summary of this round is published.")).toBeVisible();
  await page.getByRole("link", { name: "See what happened to your comments" }).click();
  await expect(page.getByRole("heading", { name: "What happened to your comments", level: 1 })).toBeVisible();
  await expect(page.locator(".outcome-text")).toHaveText(PUBLIC_COMMENT);
  await expect(page.getByText("Done in version 2")).toBeVisible();
  await expect(page.locator(".outcome-comment .redline ins").first()).toContainText(ADDED);
  await expectAccessible(page, "outcome page");

  // The public summary, signed out.
  await page.context().clearCookies();
  await page.goto(`/summaries/${setup.roundId}`);
  await expect(page.getByRole("heading", { name: "What we heard, what we changed", level: 1 })).toBeVisible();
  await expect(page.locator(".summary-quotes")).toContainText(PUBLIC_COMMENT);
  await expect(page.locator(".summary-quotes")).toContainText(setup.organisation);
  await expect(page.locator("body")).not.toContainText(CONFIDENTIAL_COMMENT);
  await expect(page.locator("body")).not.toContainText("Summary Rehabilitation Centre");
  // The sections nobody commented on and that did not change say so in one line each.
  await expect(page.getByText("Nothing to report on this part:").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "What we decided" })).toHaveCount(1);
  await expectAccessible(page, "public summary");
});

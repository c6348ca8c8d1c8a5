/**
 * Browser-test helpers: an axe scan with the WCAG 2.2 AA tags, a fresh personal invitation
 * link for an organisation's submitter (created in the database as the coordinators' tools
 * would), an organisation's required answers written straight to the database, and reading
 * the email the app sent to global setup's SMTP server (smtp-inbox.ts).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { createPrismaClient } from "../../app/modules/db/client.server";
import { hashToken, randomToken } from "../../app/modules/security/tokens.server";
import { readInbox } from "./smtp-inbox";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * axe runs inside the page, which needs JavaScript. For the no-JavaScript project the page's
 * HTML (scripts removed) is scanned in a scratch page on the same origin, so the scan sees
 * exactly what a no-JavaScript visitor got, including pages that answered a form post.
 */
export async function expectAccessible(page: Page, context: string) {
  let target = page;
  let scratch: BrowserContext | undefined;
  if (test.info().project.use.javaScriptEnabled === false) {
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
    scratch = await page.context().browser()!.newContext({ javaScriptEnabled: true, baseURL: test.info().project.use.baseURL });
    target = await scratch.newPage();
    await target.goto(new URL(page.url()).origin + "/healthz");
    await target.setContent(html, { waitUntil: "load" });
  }
  const results = await new AxeBuilder({ page: target }).withTags(WCAG_TAGS).analyze();
  await scratch?.close();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(summary, `axe violations on ${context}`).toEqual([]);
}

export function database() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the browser tests through `npx playwright test` (global setup).");
  return createPrismaClient(url, 1);
}

/** A new personal link for the submitter of `organisationName` in the demo's open round. */
/** The demo's coordinator (global-setup seeds the demo). */
export const COORDINATOR = process.env.E2E_COORDINATOR_EMAIL ?? "coordinator@consult.localhost";

/** Round 1 of the demo consultation. */
export async function demoRound() {
  const db = database();
  try {
    return await db.round.findFirstOrThrow({ where: { consultation: { slug: "victim-assistance-guidance" }, number: 1 }, select: { id: true, consultationId: true } });
  } finally {
    await db.$disconnect();
  }
}

export async function invitationLinkFor(organisationName: string): Promise<string> {
  const db = database();
  try {
    const invitation = await db.invitation.findFirstOrThrow({
      where: { organisation: { name: organisationName }, round: { status: "OPEN" } },
      include: { organisation: { include: { contacts: { where: { role: "SUBMITTER" } } } } },
    });
    const contact = invitation.organisation.contacts[0];
    if (!contact) throw new Error(`${organisationName} has no submitter contact in the demo data.`);
    return await personalLink(db, invitation.id, contact.id);
  } finally {
    await db.$disconnect();
  }
}

/** A fresh token for the contact's personal link to the invitation (an earlier link stops working). */
export async function personalLink(db: ReturnType<typeof database>, invitationId: string, contactId: string): Promise<string> {
  const token = randomToken();
  await db.invitationLink.upsert({
    where: { invitationId_contactId: { invitationId, contactId } },
    create: { invitationId, contactId, tokenHash: hashToken(token) },
    update: { tokenHash: hashToken(token), revokedAt: null },
  });
  return `/invitations/${token}`;
}

/**
 * Answers every required question of the organisation's response in the open round, as the
 * section pages would store them (the first option, "agree", "yes" or a short text), except
 * the questions of `exceptSection`, which the calling spec answers in the browser.
 */
export async function answerRequired(organisation: string, { exceptSection }: { exceptSection?: string } = {}) {
  const db = database();
  try {
    const invitation = await db.invitation.findFirstOrThrow({ where: { organisation: { name: organisation }, round: { status: "OPEN" } } });
    const submitter = await db.contact.findFirstOrThrow({ where: { organisationId: invitation.organisationId, role: "SUBMITTER" } });
    const questions = await db.question.findMany({
      where: {
        roundId: invitation.roundId,
        retiredAt: null,
        required: true,
        ...(exceptSection ? { OR: [{ sectionId: null }, { section: { key: { not: exceptSection } } }] } : {}),
      },
    });
    const response = await db.response.upsert({
      where: { roundId_organisationId: { roundId: invitation.roundId, organisationId: invitation.organisationId } },
      create: { roundId: invitation.roundId, organisationId: invitation.organisationId },
      update: {},
    });
    for (const q of questions) {
      const options = (q.options as Array<{ id: string }> | null) ?? [];
      const value = q.type === "AGREEMENT" ? { choices: ["agree"] } : q.type === "YES_NO" ? { choices: ["yes"] } : options[0] ? { choices: [options[0].id] } : { text: `Answer from ${organisation}.` };
      await db.answer.upsert({
        where: { responseId_questionId: { responseId: response.id, questionId: q.id } },
        create: { responseId: response.id, questionId: q.id, ...value, updatedById: submitter.userId },
        update: { ...value, updatedById: submitter.userId },
      });
    }
  } finally {
    await db.$disconnect();
  }
}

/** The seq of the newest message in the SMTP inbox (0 if none): pass it as `newerThan` later. */
export function latestEmailSeq(): number {
  return readInbox()[0]?.seq ?? 0;
}

/**
 * The text of the newest message to `address` whose subject matches, as received by the SMTP
 * server; waits up to 20 s for one (newer than `newerThan`, a latestEmailSeq(), when given).
 */
export async function readLatestEmail(address: string, subjectPattern: RegExp, { newerThan = 0 } = {}): Promise<string> {
  const to = address.trim().toLowerCase();
  const find = () => readInbox().find((m) => m.seq > newerThan && m.to.includes(to) && subjectPattern.test(m.subject));
  await expect.poll(() => find() !== undefined, { timeout: 20_000, message: `an email to ${address} with a subject matching ${subjectPattern}` }).toBe(true);
  return find()!.text;
}

/** Answers every question on a section page with the first option or a short text. */
export async function answerEveryQuestion(page: Page, text: string) {
  const questions = page.locator(".question");
  const count = await questions.count();
  for (let i = 0; i < count; i++) {
    const q = questions.nth(i);
    const choice = q.locator("input[type=radio], input[type=checkbox]");
    if ((await choice.count()) > 0) {
      await choice.first().check();
      continue;
    }
    const field = q.locator("textarea, input[type=text]").first();
    const current = await field.inputValue();
    await field.fill(current ? `${current}\n\n${text}` : text);
  }
}

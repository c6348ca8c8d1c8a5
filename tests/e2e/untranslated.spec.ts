/**
 * Consultation text shown untranslated keeps its own language and direction (issue 4): on an
 * Arabic page an English title, heading, prompt, help or option reads left to right and is
 * announced as English, also inside links and messages built around it (the review page's
 * "Change" link, the next-section link, the missing-answers summary). On a phone the review
 * page puts each answer under its question. Organisations no other spec answers for.
 */
import { expect, test, type Locator } from "@playwright/test";
import { expectAccessible, invitationLinkFor } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

const english = (locator: Locator) => Promise.all([expect(locator).toHaveAttribute("lang", "en"), expect(locator).toHaveAttribute("dir", "ltr")]);

test("an Arabic reader sees untranslated English text marked English, left to right", async ({ page }) => {
  await page.goto(await invitationLinkFor("Lebanon"));
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  // The round's titles have no translations.
  await english(page.getByRole("heading", { level: 1 }));
  await page.getByRole("button", { name: "المتابعة إلى الاستبيان" }).click();

  await expect(page.getByRole("heading", { name: "المحتويات" })).toBeVisible();
  await english(page.getByRole("heading", { level: 1 }));
  expect(await page.locator("main p.lead").evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
  await expect(page.locator(".round-context span[lang=en][dir=ltr]")).toHaveCount(2);
  const purpose = page.getByRole("link", { name: "Purpose and scope" });
  await english(purpose);
  await expectAccessible(page, "contents in Arabic with English titles");

  await purpose.click();
  await english(page.locator('.breadcrumbs [aria-current="page"] span'));
  await english(page.getByRole("heading", { level: 1 }).locator("span"));
  // The help is untranslated; the reader's own "(optional)" is not inside it.
  await expect(page.locator(".question .hint span[lang=en][dir=ltr]").first()).toBeVisible();
  await english(page.getByRole("link", { name: /Principles of an integrated approach/ }).locator("span"));
  await expectAccessible(page, "section in Arabic with English help");

  await page.goto(page.url().replace(/sections\/[^/#?]+.*$/, "sections/data-collection"));
  await english(page.locator("label.choice span", { hasText: "In one national database" }));
  // The agreement scale has fixed translations: nothing marked English there.
  await expect(page.locator("label.choice span[lang]", { hasText: "أوافق" })).toHaveCount(0);

  await page.goto(page.url().replace(/sections\/.*$/, "review"));
  await english(page.locator(".review-change span[lang]", { hasText: "Purpose and scope" }));
  // A chosen option without an Arabic label is the consultation's English, inside the answer.
  await english(page.locator(".review-answer span[lang]", { hasText: "In one national database" }));
  const change = page.getByRole("link", { name: /Purpose and scope/ });
  await expect(change).toBeVisible();
  // On a phone each answer sits under its question, as wide as the page.
  const dt = await page.locator("dl.summary--answers dt").first().boundingBox();
  const dd = await page.locator("dl.summary--answers dd").first().boundingBox();
  expect(dd!.y).toBeGreaterThanOrEqual(dt!.y + dt!.height - 1);
  expect(dd!.width).toBeGreaterThan(300);
  await expectAccessible(page, "review in Arabic on a phone");
});

test("in French, the review page marks only the untranslated heading inside its Change link and the missing-answers links", async ({ page }) => {
  // Mauritania's focal point reads French and has not answered; "Data collection…" has no French heading.
  await page.goto(await invitationLinkFor("Mauritania"));
  await page.getByRole("button", { name: "Continuer vers le questionnaire" }).click();
  await page.getByRole("link", { name: "Relire et envoyer" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await english(page.locator(".review-change span[lang]", { hasText: "Data collection and needs assessment" }));
  await expect(page.locator(".review-change span[lang]", { hasText: "Objet et champ d'application" })).toHaveCount(0);
  // Every "Change" link: the reader's words outside any English element.
  const foreign = await page.locator(".review-change").evaluateAll((els) => els.filter((el) => el.closest("[lang]") !== document.documentElement).length);
  expect(foreign).toBe(0);
  // The missing answers name section and question apart, each marked only when untranslated.
  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  await expect(summary.locator("a > span").first()).toBeAttached();
  expect(await summary.locator("a > span[lang]").count()).toBe(0);
  await expectAccessible(page, "review in French with untranslated headings");

  // A problem page speaks French too, down to the title a screen reader says first.
  const missing = await page.goto("/respond/no-such-invitation");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expect(page).toHaveTitle("Page introuvable – Consult");
});

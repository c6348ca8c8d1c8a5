/**
 * The respondent interface follows the contact's language, Arabic right to left, and the
 * switcher changes it for the rest of the visit (and on the account).
 */
import { expect, test } from "@playwright/test";
import { expectAccessible, invitationLinkFor } from "./fixtures";

test("an Arabic-speaking contact answers in Arabic, right to left, and can switch to French", async ({ page }) => {
  await page.goto(await invitationLinkFor("Lebanon"));
  // Rania Haddad's language in the registry is Arabic: the invitation page already speaks it,
  // with no language chosen on this browser yet.
  const html = page.locator("html");
  await expect(html).toHaveAttribute("lang", "ar");
  await expect(html).toHaveAttribute("dir", "rtl");
  await expectAccessible(page, "invitation page in Arabic");
  await page.getByRole("button", { name: "المتابعة إلى الاستبيان" }).click();

  // The whole respondent interface stays right to left.
  await expect(html).toHaveAttribute("lang", "ar");
  await expect(html).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { name: "المحتويات" })).toBeVisible();
  await expect(page.getByText("الإجابة باسم")).toBeVisible();
  expect(await page.locator("main").evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  // Section headings without an Arabic translation keep their own language for screen readers.
  await expect(page.getByRole("link", { name: "Purpose and scope" })).toHaveAttribute("lang", "en");
  await expectAccessible(page, "contents in Arabic");

  await page.getByRole("button", { name: "Français" }).click();
  await expect(html).toHaveAttribute("lang", "fr");
  await expect(html).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { name: "Sommaire" })).toBeVisible();
  // French translations exist for this section in the demo: shown without the original's lang.
  await expect(page.getByRole("link", { name: "Objet et champ d'application" })).toBeVisible();

  // Remembered: the next page is French too.
  await page.getByRole("link", { name: "Relire et envoyer" }).click();
  await expect(html).toHaveAttribute("lang", "fr");

  // A page that does not exist answers in French too, English nowhere.
  const missing = await page.goto("/respond/no-such-page/at-all");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  await expect(page.getByText("L’adresse est peut-être mal saisie")).toBeVisible();
  await expect(page.locator("main")).not.toContainText("Not Found");
  await page.goBack();

  // Back to Arabic for the next run of this test on the shared demo data.
  await page.getByRole("button", { name: "العربية" }).click();
  await expect(html).toHaveAttribute("dir", "rtl");
});

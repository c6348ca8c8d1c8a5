/**
 * Bad input gets a clear page and the right status code, never a stack trace: unknown
 * sign-in and invitation links, a tampered session cookie, another organisation's URL,
 * a cross-origin form post, a GET that would change state.
 */
import { expect, test } from "@playwright/test";
import { database, expectAccessible, invitationLinkFor } from "./fixtures";

test("an unknown sign-in link says so, with a 404 and a way forward", async ({ page }) => {
  const response = await page.goto("/sign-in/not-a-real-token");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Get a new sign-in link" })).toBeVisible();
  await expectAccessible(page, "unknown sign-in link");
});

test("an unknown invitation link says so, with a 404", async ({ page }) => {
  const response = await page.goto("/invitations/not-a-real-token");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This invitation link cannot be used" })).toBeVisible();
  await expectAccessible(page, "unknown invitation link");
});

test("a tampered session cookie is no session", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "consult_session", value: "forged.value", url: baseURL! }]);
  await page.goto("/consultations");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a respondent gets 404 for another organisation's response, by URL and by form post", async ({ page, request }) => {
  await page.goto(await invitationLinkFor("Chad"));
  // Chad's contact reads French (their language in the registry): the interface follows it, from the invitation page on.
  await page.getByRole("button", { name: "Continuer vers le questionnaire" }).click();
  await expect(page.getByRole("heading", { name: "Sommaire" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");

  const db = database();
  const other = await db.invitation.findFirstOrThrow({ where: { organisation: { name: "Albania" } } });
  await db.$disconnect();

  const byUrl = await page.goto(`/respond/${other.id}`);
  expect(byUrl?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("node_modules"); // no stack trace

  const cookies = await page.context().cookies();
  const byPost = await request.post(`/respond/${other.id}/review`, {
    form: { attribution: "PUBLIC" },
    headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
    maxRedirects: 0,
  });
  expect(byPost.status()).toBe(404);
});

test("a form post from another site is refused with 403", async ({ request }) => {
  const response = await request.post("/sign-in", {
    form: { email: "coordinator@consult.localhost" },
    headers: { Origin: "https://attacker.example" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
});

test("security headers and a nonce-based CSP on every page", async ({ request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const csp = first.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toBe(second.headers()["content-security-policy"]);
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["referrer-policy"]).toBe("same-origin");
});

test("sign-out only happens on POST; a GET changes nothing", async ({ request }) => {
  const response = await request.get("/sign-out", { maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers()["set-cookie"]).toBeUndefined();
});

test("sign-in is served as HTML with one small script, the CSP blocks nothing of ours, and the form says the same either way", async ({ page }, info) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/sign-in");
  // Respondent-facing pages ship no framework: only the enhancement bundle (docs/decisions/007).
  const scripts = await page.locator("script[src]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
  expect(scripts).toHaveLength(1);
  expect(scripts[0]).toMatch(/\/assets\/respondent-[\w-]+\.js$/);
  if (info.project.use.javaScriptEnabled !== false) expect(await page.evaluate(() => "__remixRouter" in window)).toBe(false);
  await page.getByLabel("Email address").fill("not-an-address");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("alert")).toContainText("right format");
  if (info.project.use.javaScriptEnabled !== false) {
    // The enhancement moved focus to the error summary, so a screen reader reads it first.
    await expect(page.locator(".error-summary")).toBeFocused();
  }
  expect(violations).toEqual([]);
});

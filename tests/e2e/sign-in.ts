/**
 * Signing a browser in as anyone, through the real pages: the /sign-in form, the code from the
 * emailed message as received by the test SMTP server (readLatestEmail), the code form. Sign-in requests are
 * rate limited (5 per address per 15 minutes), so each address's session cookie is kept for the
 * rest of the run (in the run's data directory, which global setup empties) and reused while
 * the server still accepts it; a revoked or expired session means a fresh sign-in.
 *
 *   await signInAs(page, "coordinator@consult.localhost", { redirectTo: "/consultations" });
 */
import fs from "node:fs";
import path from "node:path";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import { latestEmailSeq, readLatestEmail } from "./fixtures";

/** The sign-in email's subject in every language a user may have (emails/strings.ts). */
const SIGN_IN_SUBJECT = /sign-in link|lien de connexion|iniciar sesión|تسجيل الدخول/i;

type Cookies = Awaited<ReturnType<BrowserContext["cookies"]>>;

function cacheFile() {
  return path.join(process.env.E2E_DATA_DIR ?? path.resolve("test-results"), "e2e-sessions.json");
}

function readCache(): Record<string, Cookies> {
  try {
    return JSON.parse(fs.readFileSync(cacheFile(), "utf8")) as Record<string, Cookies>;
  } catch {
    return {};
  }
}

function writeCache(address: string, cookies: Cookies) {
  fs.mkdirSync(path.dirname(cacheFile()), { recursive: true });
  fs.writeFileSync(cacheFile(), JSON.stringify({ ...readCache(), [address]: cookies }));
}

export async function signInAs(page: Page, email: string, { redirectTo = "/" }: { redirectTo?: string } = {}): Promise<void> {
  const address = email.trim().toLowerCase();
  const context = page.context();
  await context.clearCookies(); // whoever this browser was signed in as before

  const cached = readCache()[address];
  if (cached) {
    await context.addCookies(cached);
    await page.goto("/sign-in"); // sends a signed-in visitor away
    if (!new URL(page.url()).pathname.startsWith("/sign-in")) {
      await page.goto(redirectTo);
      return;
    }
    await context.clearCookies();
  }

  // The inbox may hold older sign-in messages for this address: wait for a newer one.
  const before = latestEmailSeq();
  await page.goto(`/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`);
  await page.getByLabel("Email address").fill(address);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const checkUrl = page.url();

  const message = await readLatestEmail(address, SIGN_IN_SUBJECT, { newerThan: before });
  const code = message.match(/\b(\d{4}\s?\d{4})\b/)?.[1];
  expect(code, `an 8-digit code in the sign-in email to ${address}`).toBeTruthy();

  await page.goto(checkUrl);
  await page.getByLabel("Code from the email").fill(code!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  writeCache(address, await context.cookies());
}

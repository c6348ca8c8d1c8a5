import { test } from "@playwright/test";
import { database } from "./fixtures";
import { signInAs } from "./sign-in";

test("screens", async ({ page }) => {
  test.skip(test.info().project.name !== "javascript");
  const db = database();
  const inv = await db.invitation.findFirstOrThrow({ where: { organisation: { name: "Lebanon" }, round: { status: "OPEN" } } });
  await db.$disconnect();
  const path = `/respond/${inv.id}/sections/integrated-approach-principles`;
  await signInAs(page, "k.nassar@lmac.lebanon.example", { redirectTo: path });
  await page.locator(".question textarea").nth(0).fill((await page.locator(".question textarea").nth(0).inputValue()).replace("must", "shall") + "\n\nNew sentence here.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByText("Your answers to this section are saved.").waitFor();
  await page.getByRole("button", { name: "Show my changes" }).click();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "/tmp/saving-desktop-en.png", fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: "/tmp/saving-360-en.png", fullPage: true });
  await page.getByRole("button", { name: "العربية" }).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: "/tmp/saving-360-ar.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "/tmp/saving-desktop-ar.png", fullPage: true });
});

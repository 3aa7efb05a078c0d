import { expect, test, type Page } from "@playwright/test";
import { logInAsStaff, signUpNewMember } from "./helpers";

/** The header's parts' vertical centres: one row when they are all about the same. */
async function headerRows(page: Page): Promise<number> {
  const centres = await page.locator(".header-inner > *").evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; }));
  return new Set(centres.map((c) => Math.round(c / 12))).size;
}

test("the signed-in header is one row at 1280 px, for an admin and for a member with a long name", async ({ browser }) => {
  const member = await signUpNewMember(browser, "averyveryverylongusername");
  const admin = await logInAsStaff(browser, "e2eadmin");
  for (const page of [member.page, admin]) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/");
    expect(await headerRows(page)).toBe(1);
    const inner = await page.locator(".header-inner").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(inner.scroll).toBeLessThanOrEqual(inner.client);
    await expect(page.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "Search questions" })).toBeVisible();
  }
});

test("on a phone every section link is in view, none cut off at the edge @phone", async ({ browser }) => {
  const { page } = await signUpNewMember(browser, "phonenav");
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Sections" });
  for (const name of ["Questions", "Tags", "Categories", "Bounties", "Leaderboard"]) {
    const box = (await nav.getByRole("link", { name }).boundingBox())!;
    expect(box.x, name).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, name).toBeLessThanOrEqual(375);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

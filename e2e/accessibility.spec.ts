/**
 * axe-core finds no serious or critical violation (issue 24) on the home page, a thread (the
 * flagship, with its tables, signed out and as a member with every control), the ask form,
 * search results, a member's page and the admin area, in the light and the dark theme (the site
 * follows prefers-color-scheme, which Playwright sets per context).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { logInAsStaff } from "./helpers";

const SERIOUS = new Set(["serious", "critical"]);

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => SERIOUS.has(v.impact ?? ""))
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1, 3).join(" ")}`) }));
}

async function flagshipPath(page: Page): Promise<string> {
  await page.goto("/search?q=Client-Server+Peer-to-Peer");
  const link = page.locator("main a[href^='/questions/']").filter({ hasText: /Client-Server Model vs\. Peer-to-Peer/ }).first();
  return (await link.getAttribute("href"))!;
}

async function check(page: Page, path: string, label: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  expect.soft(await seriousViolations(page), `${label} (${path})`).toEqual([]);
}

async function staffPage(browser: Browser, colorScheme: "light" | "dark"): Promise<Page> {
  const page = await logInAsStaff(browser, "e2eadmin");
  await page.emulateMedia({ colorScheme });
  return page;
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test("signed out: home, a thread with tables, search results, a member's page", async ({ browser }) => {
      const page = await (await browser.newContext({ colorScheme })).newPage();
      expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(colorScheme === "dark");
      const thread = await flagshipPath(page);
      await check(page, "/", "home");
      await check(page, thread, "thread");
      await expect(page.locator(".table-scroll").first()).toBeVisible();
      await check(page, "/search?q=tcp", "search results");
      await check(page, "/users/e2eadmin", "member's page");
    });

    test("as a member: the thread with its controls, the ask form with a preview, the admin area", async ({ browser }) => {
      const page = await staffPage(browser, colorScheme);
      const thread = await flagshipPath(page);
      // The JSON-LD block is data under a hash-based CSP: the browser must not report it.
      const complaints: string[] = [];
      page.on("console", (m) => m.type() === "error" && complaints.push(m.text()));
      await check(page, thread, "thread, signed in");
      expect(await page.locator("script[type='application/ld+json']").count()).toBe(1);
      expect(complaints.filter((c) => /Content Security Policy|Refused to/i.test(c))).toEqual([]);
      await check(page, "/", "home, signed in");
      await check(page, "/ask", "ask form");
      // The preview appears once there is something to show.
      await page.getByLabel("Details").fill("A **preview** with a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |");
      await expect(page.locator("[data-preview-output] table")).toBeVisible();
      expect.soft(await seriousViolations(page), "ask form with its preview").toEqual([]);
      for (const path of ["/admin", "/admin/members", "/admin/categories", "/admin/rules", "/admin/audit", "/moderation"]) await check(page, path, "admin area");
    });
  });
}

test("@phone at 375 px: home and a thread, signed out and as a member", async ({ browser }, info) => {
  test.skip(info.project.name !== "phone", "the phone project's viewport");
  const reader = await (await browser.newContext({ viewport: { width: 375, height: 740 }, colorScheme: "dark" })).newPage();
  const thread = await flagshipPath(reader);
  await check(reader, "/", "home, phone");
  await check(reader, thread, "thread, phone");
  const member = await staffPage(browser, "light");
  await member.setViewportSize({ width: 375, height: 740 });
  await check(member, "/", "home, phone, signed in");
  await check(member, thread, "thread, phone, signed in");
});

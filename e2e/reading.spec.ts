import { expect, test, type Page } from "@playwright/test";

const flagshipTitle = "Client-Server Model vs. Peer-to-Peer: Key Differences";
const flagshipSlug = "client-server-model-vs-peer-to-peer-key-differences";

/**
 * The home page's list at the flagship thread: page 1 on a fresh forum, a later page once the
 * other specs have asked more questions than a page holds (the list is newest first).
 */
async function homeListWithFlagship(page: Page) {
  await page.goto("/");
  const item = page.locator(".question-summary", { hasText: flagshipTitle });
  for (let pages = 1; (await item.count()) === 0 && pages < 20; pages++) {
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(new RegExp(`page=${pages + 1}`));
    await page.waitForLoadState();
  }
  return item;
}

/** The flagship thread's path, as the home page links it (its id depends on the database). */
async function flagshipPath(page: Page): Promise<string> {
  await homeListWithFlagship(page);
  const href = await page.getByRole("link", { name: flagshipTitle }).getAttribute("href");
  expect(href).toMatch(new RegExp(`^/questions/\\d+/${flagshipSlug}$`));
  return href!;
}

test.describe("reading the forum signed out", () => {
  test("home lists the flagship thread with its stats @phone", async ({ page }, info) => {
    const item = await homeListWithFlagship(page);
    await expect(item).toBeVisible();
    await expect(item.getByText("Computer Science & Technology")).toBeVisible();
    await expect(item.locator(".stat.answered")).toContainText("1 answer");
    await expect(item.locator("time").first()).toHaveAttribute("title", /2026/);
    await page.screenshot({ path: info.outputPath(`home-${info.project.name}.png`), fullPage: true });
  });

  test("flagship thread shows question, best answer, table and the join box @phone", async ({ page }, info) => {
    await homeListWithFlagship(page);
    await page.getByRole("link", { name: flagshipTitle }).click();
    await expect(page).toHaveURL(/\/questions\/\d+\/client-server-model-vs-peer-to-peer-key-differences$/);
    await expect(page.getByRole("heading", { level: 1, name: flagshipTitle })).toBeVisible();
    await expect(page.getByRole("link", { name: "jennifer286" }).first()).toBeVisible();

    const best = page.getByRole("article", { name: "Best answer" });
    await expect(best.getByText("Best Answer")).toBeVisible();
    await expect(best.getByRole("link", { name: "zacharyallen1989" })).toBeVisible();
    await expect(best.locator("time")).toHaveText("Mar 15, 2026");
    await expect(best.getByRole("heading", { name: "🌐 Understanding the Client-Server Model" })).toBeVisible();
    await expect(best.getByRole("heading", { name: "💡 Key Takeaways & When to Choose Each Model" })).toBeVisible();
    const table = best.getByRole("table");
    await expect(table.locator("tbody tr")).toHaveCount(7);
    await expect(table.locator("thead")).toContainText("Peer-to-Peer (P2P) Model");
    await expect(best.getByText("🛡️ Resilience:")).toBeVisible();

    await expect(page.getByRole("heading", { name: "Join the discussion" })).toBeVisible();
    await expect(page.getByText("Please log in to post your answer.")).toBeVisible();
    await expect(page.getByText(/Earn 2 points for answering.*\+20 points/)).toBeVisible();
    await expect(page.getByText("Worksheet Generator")).toHaveCount(0);
    // A signed-out reader gets the page as plain HTML with one small script, the live thread's
    // (issue 23), and nothing of React's (the JSON-LD block is data for search engines, never run).
    await expect(page.locator("script:not([type='application/ld+json']), link[rel=modulepreload], link[rel=preload][as=script]")).toHaveCount(1);
    await expect(page.locator("script[src]")).toHaveAttribute("src", /^\/_forum\/live-thread\.[\w-]+\.js$/);
    await page.screenshot({ path: info.outputPath(`thread-${info.project.name}.png`), fullPage: true });
  });

  test("authors' points come from ledger events", async ({ page }) => {
    await page.goto("/users/zacharyallen1989");
    await expect(page.getByTestId("member-points")).toHaveText("22");
    const history = page.getByRole("table");
    await expect(history.getByRole("row", { name: /\+20 Answer picked as best/ })).toBeVisible();
    await expect(history.getByRole("row", { name: /\+2 Answered/ })).toBeVisible();
    await page.goto("/users/jennifer286");
    await expect(page.getByTestId("member-points")).toHaveText("0");
  });

  test("category page lists its questions", async ({ page }) => {
    await page.goto("/categories");
    await page.getByRole("link", { name: /Computer Science & Technology/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Computer Science & Technology");
    await expect(page.getByRole("link", { name: flagshipTitle })).toBeVisible();
  });

  test("bad addresses get a real 404 and wrong slugs redirect", async ({ page, request }) => {
    for (const path of ["/questions/999999999", "/questions/abc", "/questions/%ff%fe", "/users/nobody-here", "/categories/nope"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
      expect(await res.text()).toContain("Page not found");
    }
    const path = await flagshipPath(page);
    const id = path.split("/")[2];
    for (const wrong of [`/questions/${id}/not-the-slug`, `/questions/${id}`]) {
      const res = await page.goto(wrong);
      expect(res?.status()).toBe(200);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
    }
  });

  test("views count page visits, not asset requests", async ({ page, request }) => {
    // The e2e server keeps cached pages 2 s (PAGE_CACHE_TTL_SECONDS), so counts show up soon.
    const viewsOf = async () => {
      await page.goto("/categories/computer-science-technology");
      const text = await page.locator(".question-summary", { hasText: flagshipTitle }).locator(".stat").nth(1).textContent();
      return Number(text?.replace(/\D/g, ""));
    };
    const path = await flagshipPath(page);
    const before = await viewsOf();
    await request.get(path);
    await request.get(path);
    await request.head(path);
    await request.get(path, { headers: { "next-router-prefetch": "1" } });
    await request.get("/_next/static/does-not-exist.js");
    await expect.poll(viewsOf, { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 2);
  });

  test("every response carries the security headers, cached or not", async ({ request }) => {
    const scriptSrcOf = (headers: Record<string, string>) => headers["content-security-policy"]?.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"));
    // Public pages reach signed-out readers as plain HTML (a miss, then a hit): no scripts at all.
    for (let i = 0; i < 2; i++) {
      const res = await request.get("/");
      expect(scriptSrcOf(res.headers())).toBe("script-src 'self'");
      expect(await res.text()).not.toContain("<script");
      expect(res.headers()["x-content-type-options"]).toBe("nosniff");
      expect(res.headers()["x-frame-options"]).toBe("DENY");
    }
    // Pages that run React name each inline script by its hash.
    const login = await request.get("/login");
    expect(await login.text()).toContain("<script");
    expect(scriptSrcOf(login.headers())).toMatch(/script-src 'self'( 'sha256-[^']+')+$/);
    expect(scriptSrcOf(login.headers())).not.toContain("unsafe-inline");
    expect(login.headers()["x-frame-options"]).toBe("DENY");
  });
});

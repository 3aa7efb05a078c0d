import { expect, test, type Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";

const flagshipTitle = "Client-Server Model vs. Peer-to-Peer: Key Differences";

/** The flagship thread's path, found through search (its id depends on the database). */
async function openFlagship(page: Page): Promise<void> {
  await page.goto(`/search?q=${encodeURIComponent("Client-Server Peer-to-Peer Key Differences")}`);
  await page.getByRole("link", { name: flagshipTitle }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: flagshipTitle })).toBeVisible();
}

async function choose(page: Page, n: number, right: boolean): Promise<void> {
  const item = page.locator("fieldset.quiz-question").nth(n);
  const answer = Number(await item.getAttribute("data-answer"));
  await item.getByRole("radio").nth(right ? answer : 1 - answer).check();
}

test.describe("study sheets", () => {
  test("the flagship thread leads to its study sheet, which prints without the site around it @phone", async ({ page }, info) => {
    await openFlagship(page);
    const panel = page.getByRole("complementary", { name: "Study this thread" });
    await expect(panel).toBeVisible();
    await panel.getByRole("link", { name: "Study sheet" }).click();
    await expect(page).toHaveURL(/\/study\/\d+$/);
    const sheet = page.getByRole("article", { name: flagshipTitle });
    await expect(sheet.getByRole("heading", { level: 1, name: flagshipTitle })).toBeVisible();
    await expect(sheet.getByRole("heading", { name: "✅ Best answer" })).toBeVisible();
    await expect(sheet.getByText("Picked as the best answer")).toBeVisible();
    await expect(sheet.getByRole("table").locator("tbody tr")).toHaveCount(7);
    await page.screenshot({ path: info.outputPath(`study-sheet-${info.project.name}.png`), fullPage: true });

    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Study sheet" })).toBeHidden();
    await expect(sheet.getByRole("table")).toBeVisible();
    await page.screenshot({ path: info.outputPath(`study-sheet-print-${info.project.name}.png`), fullPage: true });
  });

  test("the study sheet's PDF: a real PDF of three A4 pages (the last the self-check) titled with the question, kept per version", async ({ page, request }) => {
    await openFlagship(page);
    const href = await page.getByRole("complementary", { name: "Study this thread" }).getByRole("link", { name: "PDF" }).getAttribute("href");
    expect(href).toMatch(/^\/study\/\d+\.pdf$/);
    const res = await request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect(res.headers()["x-robots-tag"]).toBe("noindex");
    const body = await res.body();
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pdf = await PDFDocument.load(body);
    expect(pdf.getPageCount()).toBe(3);
    expect(pdf.getTitle()).toBe(flagshipTitle);
    expect(Math.round(pdf.getPage(0).getHeight())).toBe(842);
    const again = await request.get(href!, { headers: { "If-None-Match": res.headers()["etag"]! } });
    expect(again.status()).toBe(304);
    const letter = await PDFDocument.load(await (await request.get(`${href}?paper=letter`)).body());
    expect(letter.getPage(0).getHeight()).toBe(792);
  });

  test("the quiz marks right and wrong answers at once and keeps the score after a reload @phone", async ({ page }) => {
    await openFlagship(page);
    await page.getByRole("complementary", { name: "Study this thread" }).getByRole("link", { name: "Quiz yourself" }).click();
    await expect(page).toHaveURL(/\/study\/\d+\/quiz$/);
    await expect(page.locator("fieldset.quiz-question")).toHaveCount(14);
    await page.getByRole("link", { name: "Start over" }).click();

    await choose(page, 0, true);
    await expect(page.locator("fieldset.quiz-question").nth(0).locator(".quiz-feedback")).toContainText("✓ Right");
    await choose(page, 1, false);
    await expect(page.locator("fieldset.quiz-question").nth(1).locator(".quiz-feedback")).toContainText("✗ Not quite");
    const score = page.getByRole("status");
    await expect(score).toHaveText("Score: 1 of 2 right (12 to go).");

    await page.reload();
    await expect(score).toHaveText("Score: 1 of 2 right (12 to go).");
    await expect(page.locator("fieldset.quiz-question").nth(0).getByRole("radio", { checked: true })).toHaveCount(1);
    await expect(page.locator("fieldset.quiz-question").nth(1).locator(".quiz-feedback")).toContainText("✗ Not quite");

    await page.getByRole("link", { name: "Start over" }).click();
    await expect(score).toHaveText("");
    await page.reload();
    await expect(score).toHaveText("");
  });

  test("without JavaScript the quiz is a form the server marks", async ({ browser }) => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await openFlagship(page);
    await page.getByRole("link", { name: "Quiz yourself" }).click();
    await choose(page, 0, true);
    await choose(page, 1, false);
    await page.getByRole("button", { name: "Check my answers" }).click();
    await expect(page).toHaveURL(/\/quiz\?check=1&/);
    await expect(page.getByRole("status")).toHaveText("You got 1 of 14 right (12 not answered).");
    await expect(page.locator("fieldset.quiz-question").nth(0).locator(".quiz-feedback")).toContainText("✓ Right");
    await expect(page.locator("fieldset.quiz-question").nth(1).locator(".quiz-feedback")).toContainText("✗ Not quite");
    await expect(page.locator("fieldset.quiz-question").nth(2).locator(".quiz-feedback")).toContainText("Not answered");
  });

  test("a thread that does not exist has no study sheet, PDF or quiz", async ({ request }) => {
    for (const path of ["/study/999999999", "/study/999999999.pdf", "/study/999999999/quiz", "/study/abc"]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
  });
});

/**
 * The forum by keyboard alone (issue 24): signing up, asking, answering and picking the best
 * answer with Tab, Shift+Tab, Enter, Space, arrows and typing, no mouse; every element that
 * takes focus on the way shows a focus ring; the Markdown editor is labelled, described by its
 * help, and its preview is a live region; a wide table's scroll box takes focus and scrolls
 * with the arrow keys.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { PASSWORD, uniqueUsername } from "./helpers";

/** Whether the focused element shows a ring: an outline of 2 px or more, or a box shadow. */
async function focusRing(page: Page): Promise<{ ok: boolean; what: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { ok: true, what: "body" };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2;
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${(el.textContent ?? "").trim().slice(0, 30)}"`;
    return { ok: outline || style.boxShadow !== "none", what };
  });
}

/** Presses Tab until `target` has focus, checking the focus ring of everything passed on the way. */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const ring = await focusRing(page);
    expect(ring.ok, `focus is visible on ${ring.what}`).toBe(true);
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

async function signUpByKeyboard(page: Page, prefix: string): Promise<string> {
  const username = uniqueUsername(prefix);
  await page.goto("/signup");
  await typeInto(page, page.getByLabel("Username"), username);
  await typeInto(page, page.getByLabel("Email"), `${username}@example.test`);
  await typeInto(page, page.getByLabel("Password"), PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: new RegExp(username) })).toBeVisible();
  return username;
}

test("ask, answer and pick the best answer by keyboard alone, with focus always visible", async ({ browser }) => {
  const asker = await (await browser.newContext()).newPage();
  await signUpByKeyboard(asker, "kbask");

  // From the home page to the ask form, by its link in the header.
  await asker.goto("/");
  await tabTo(asker, asker.getByRole("link", { name: /^Ask/ }).first());
  await asker.keyboard.press("Enter");
  await expect(asker).toHaveURL(/\/ask$/);

  // The editor, as a screen reader meets it: a label, its help as the description, a live preview.
  const details = asker.getByLabel("Details");
  await expect(details).toHaveAccessibleDescription(/Markdown/);
  const title = `Keyboard only ${Date.now()}: how does ARP find a MAC address?`;
  await typeInto(asker, asker.getByLabel("Title"), title);
  await typeInto(asker, details, "Which **broadcast** does ARP send, and who answers it on the segment?");
  const preview = asker.getByRole("status", { name: "Preview" });
  await expect(preview).toContainText("broadcast");
  await expect(preview).toHaveAttribute("aria-live", "polite");
  await tabTo(asker, asker.getByLabel("Category"));
  await asker.keyboard.press("ArrowDown");
  await expect(asker.getByLabel("Category")).not.toHaveValue("");
  await typeInto(asker, asker.getByLabel("Tags"), "arp networking");
  await tabTo(asker, asker.getByRole("button", { name: "Post your question" }));
  await asker.keyboard.press("Enter");
  await expect(asker.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const thread = new URL(asker.url()).pathname;

  // Another member answers, pressing Space on the button.
  const answerer = await (await browser.newContext()).newPage();
  await signUpByKeyboard(answerer, "kbans");
  await answerer.goto(thread);
  const body = "ARP sends a broadcast who-has request; the owner of the address answers by unicast.";
  await typeInto(answerer, answerer.getByLabel("Your answer"), body);
  await tabTo(answerer, answerer.getByRole("button", { name: "Post your answer" }));
  await answerer.keyboard.press("Space");
  await expect(answerer.locator(".answer", { hasText: body })).toBeVisible();

  // The asker picks it.
  await asker.goto(thread);
  await tabTo(asker, asker.getByRole("button", { name: /Pick as best answer/ }));
  await asker.keyboard.press("Enter");
  await expect(asker.locator(".answer.best", { hasText: body })).toBeVisible();
  await expect(asker.locator(".answer.best .best-badge")).toHaveText(/Best Answer/);
});

test("@phone a wide table scrolls inside the post, says so, and scrolls by keyboard", async ({ page }) => {
  await page.goto("/search?q=Client-Server+Peer-to-Peer");
  await page.locator("main a[href^='/questions/']").filter({ hasText: /Client-Server Model vs\. Peer-to-Peer/ }).first().press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Client-Server");
  const box = page.getByRole("region", { name: /^Table: / }).first();
  await expect(box).toHaveAttribute("tabindex", "0");
  const widths = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, page: document.documentElement.scrollWidth, view: innerWidth }));
  if (page.viewportSize()!.width <= 400) {
    expect(widths.scroll, "the table is wider than its box").toBeGreaterThan(widths.client);
    expect(widths.page, "the page itself does not scroll sideways").toBeLessThanOrEqual(widths.view);
    const hint = await box.evaluate((el) => getComputedStyle(el, "::before").display);
    expect(hint, "the scroll sideways hint shows").toBe("block");
    await tabTo(page, box, 200);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  } else {
    // Wide enough for the table: no hint.
    if (widths.scroll <= widths.client) expect(await box.evaluate((el) => getComputedStyle(el, "::before").display)).toBe("none");
  }
});

import { expect, test, type Page } from "@playwright/test";
import { askQuestion, logInAsStaff, signUpNewMember } from "./helpers";

// Text built to break out of the markup: quotes, angle brackets, ampersands, script URLs and
// handlers. Each must come back exactly as written, as text, in every view of the thread.
const TITLE = `<img src=x onerror="window.__pwned=1"> "q" 'a' & javascript:alert(1)`;
const BODY = [
  `A body with <script>window.__pwned = 2</script> and <svg onload="window.__pwned=3"></svg>.`,
  `[click](javascript:window.__pwned=4) and [data](data:text/html,<script>window.__pwned=5</script>)`,
  `<a href="javascript:window.__pwned=6">raw link</a> & "quotes" & 'apostrophes' <b onmouseover="window.__pwned=7">bold</b>`,
].join("\n\n");
const COMMENT = `</textarea><script>window.__pwned=8</script> "c" & 'd' [x](javascript:window.__pwned=9)`;

/** The page shows the thread with nothing run, no script link, and the title as written. */
async function checkUnharmed(page: Page, path: string, view: string) {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.locator("article.question .prose")).toContainText("raw link & \"quotes\" & 'apostrophes' bold");
  await expect(page.locator(".comment-body").first()).toContainText(`window.__pwned=8 "c" & 'd' x`);
  // Hover and click what an attacker would want clicked.
  await page.locator("article.question .prose").hover();
  for (const link of await page.locator(".prose a, .comment-body a").all()) {
    const href = (await link.getAttribute("href")) ?? "";
    expect(href, `${view}: ${href}`).not.toMatch(/^\s*(javascript|data):/i);
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), view).toBeUndefined();
  expect(dialogs, view).toEqual([]);
  expect(await page.locator(".prose script, .prose svg, .prose [onerror], .prose [onload], .prose [onmouseover]").count(), view).toBe(0);
}

test("hostile titles, bodies and comments stay text for signed-out readers, members and moderators", async ({ browser }) => {
  test.setTimeout(120_000);
  const asker = await signUpNewMember(browser, "hostask");
  const path = await askQuestion(asker.page, TITLE, BODY);
  await asker.page.getByLabel("Your answer").fill(`An answer with ${COMMENT}`);
  await asker.page.getByRole("button", { name: "Post your answer" }).click();
  // The sanitizer takes the tags out and leaves their text (lib/markdown).
  await expect(asker.page.locator(".answer .prose")).toContainText(`An answer with window.__pwned=8 "c" & 'd' x`);
  const comments = asker.page.getByRole("region", { name: "Comments on this question" });
  await comments.getByText("Add a comment").click();
  await comments.getByLabel("Comment", { exact: true }).fill(COMMENT);
  await comments.getByRole("button", { name: "Add comment" }).click();
  await expect(comments.getByRole("listitem")).toHaveCount(1);
  // The comment's author, in its edit window, gets its source back in the edit form, exactly.
  await comments.getByRole("listitem").getByText("Edit", { exact: true }).click();
  await expect(comments.getByLabel("Edit comment")).toHaveValue(COMMENT);

  await checkUnharmed(await (await browser.newContext()).newPage(), path, "signed out");
  await checkUnharmed((await signUpNewMember(browser, "hostread")).page, path, "member");
  await checkUnharmed(await logInAsStaff(browser, "e2emod"), path, "moderator");
  await checkUnharmed(asker.page, path, "asker");
});

test("names and tags that could carry markup are refused with a message", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signup");
  await page.getByLabel("Username").fill(`<b>"x"</b>`);
  await page.getByLabel("Email").fill("hostile@example.test");
  await page.getByLabel("Password").fill("a long enough passphrase");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("Use letters, digits, dots, dashes and underscores only.")).toBeVisible();

  const asker = await signUpNewMember(browser, "hosttag");
  await asker.page.goto("/ask");
  await asker.page.getByLabel("Title").fill("Can a tag hold markup at all?");
  await asker.page.getByLabel("Details").fill("Checking what the tag field takes when it is given markup.");
  await asker.page.getByLabel("Category").selectOption({ index: 1 });
  await asker.page.getByLabel("Tags").fill(`"><script>x</script>`);
  await asker.page.getByRole("button", { name: "Post your question" }).click();
  await expect(asker.page.getByText(/Tags use letters, digits and \+ # \. -/)).toBeVisible();
});

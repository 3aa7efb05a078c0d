import { expect, test } from "@playwright/test";
import { askQuestion, signUpNewMember } from "./helpers";

test("a refused question does not spend a new member's one question of the interval; the corrected one goes through", async ({ browser }) => {
  const { page, username } = await signUpNewMember(browser, "refusedask");
  const title = `Why does my ping show TTL=64? ${username}`;
  await page.goto("/ask");
  await page.getByLabel("Title").fill(title);
  // Quotes nested past what the forum lays out: refused by the server, after the form's checks.
  await page.getByLabel("Details").fill(`${">".repeat(40)} nested far too deep for anyone to read, really`);
  await page.getByLabel("Category").selectOption({ label: "💻 Computer Science & Technology" });
  await page.getByLabel("Tags").fill("icmp");
  await page.getByRole("button", { name: "Post your question" }).click();
  await expect(page.getByText("Please correct the highlighted fields.")).toBeVisible();
  await expect(page.locator("#body-error")).toContainText("nest at most 24 levels");
  await page.getByLabel("Details").fill("My Linux box answers pings with TTL=64 while Windows says 128. Why the difference?");
  await page.getByRole("button", { name: "Post your question" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // Posted: now the interval applies.
  await page.goto("/ask");
  await page.getByLabel("Title").fill(`A second question too soon ${username}`);
  await page.getByLabel("Details").fill("This one should wait for the interval to pass before it is accepted.");
  await page.getByLabel("Category").selectOption({ label: "💻 Computer Science & Technology" });
  await page.getByLabel("Tags").fill("icmp");
  await page.getByRole("button", { name: "Post your question" }).click();
  await expect(page.getByText(/one question every 2 minutes/)).toBeVisible();
});

test("@mentions of members link to their page; history shows each line once and leaves unchanged lines alone", async ({ browser }) => {
  const friend = await signUpNewMember(browser, "mentioned");
  const { page, username } = await signUpNewMember(browser, "mentioner");
  const path = await askQuestion(page, `Who explains BGP best? ${username}`, `I hope @${friend.username} can help; \`@${friend.username}\` in code stays text.\nSecond line stays the same`);
  const question = page.locator("article.question .prose");
  await expect(question.getByRole("link", { name: `@${friend.username}` })).toHaveAttribute("href", `/users/${friend.username}`);
  await expect(question.locator("code")).toHaveText(`@${friend.username}`);

  // Edit through the form (a textarea posts CRLF line endings): add a line in the middle.
  const id = path.split("/")[2];
  await page.goto(`/edit/questions/${id}`);
  const details = page.getByLabel("Details");
  const body = await details.inputValue();
  await details.fill(body.replace("Second line", "An added line\nSecond line"));
  await page.getByRole("button", { name: /Save/ }).click();
  await page.waitForURL((url) => url.pathname === path);
  await page.goto(`/history/questions/${id}`);
  const latest = page.locator(".revision").first().locator("pre.diff");
  await expect(latest.locator(".diff-added")).toHaveText(["+ An added line"]);
  await expect(latest.locator(".diff-removed")).toHaveCount(0);
  await expect(latest.locator(".diff-same").last()).toHaveText("  Second line stays the same");
  // One line of text per line of the post: no blank line between them.
  const lines = await latest.locator("span").count();
  const height = (await latest.evaluate((el) => el.clientHeight - parseFloat(getComputedStyle(el).paddingTop) - parseFloat(getComputedStyle(el).paddingBottom))) / lines;
  const lineHeight = await latest.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.2);
  expect(height).toBeLessThan(lineHeight * 1.5);
});

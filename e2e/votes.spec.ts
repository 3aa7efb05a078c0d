import { expect, test, type Page } from "@playwright/test";
import { askQuestion, logInWithoutJavaScript, pointsOf, postAnswer, signUpNewMember } from "./helpers";

const questionOf = (page: Page, title: string) => page.getByRole("article", { name: title });

test("votes need points, update in place without a reload, and undo cleanly", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "voteasker");
  const answerer = await signUpNewMember(browser, "voteanswerer");
  const title = `What does TTL do in an IP packet? ${asker.username}`;
  const path = await askQuestion(asker.page, title, "Every IP header carries a TTL field. What is it for, and who decrements it?");
  // +2 for answering: enough for the upvote privilege.
  await postAnswer(answerer.page, path, "Each router decrements it; at zero the packet is dropped, so loops cannot last forever.");

  // The asker has 0 points: the arrows are off, saying what it takes.
  await asker.page.goto(path);
  const answer = asker.page.getByRole("article", { name: `Answer by ${answerer.username}` });
  const upvote = answer.getByRole("button", { name: "Upvote", exact: true });
  await expect(upvote).toBeDisabled();
  await expect(upvote).toHaveAttribute("title", "You need 1 point to vote up.");
  await expect(answer.getByRole("button", { name: "Downvote", exact: true })).toHaveAttribute("title", "You need 10 points to vote down.");
  // Sent anyway (the button switched back on by hand): the server refuses and says why, beside
  // the arrows, without pushing the answer sideways; the score stays.
  const body = answer.locator(".post-main");
  const before = await body.boundingBox();
  await upvote.evaluate((b) => b.removeAttribute("disabled"));
  await upvote.click();
  await expect(answer.getByRole("alert")).toContainText("You need 1 point to vote up");
  const after = await body.boundingBox();
  expect([after?.x, after?.width]).toEqual([before?.x, before?.width]);
  await expect(answer.getByRole("status")).toHaveText("Score 0");
  await expect(upvote).toHaveAttribute("aria-pressed", "false");

  // Nobody votes on their own post.
  await expect(questionOf(asker.page, title).getByRole("button", { name: "Upvote", exact: true })).toBeDisabled();

  // The answerer upvotes the question: the score changes in place, with no navigation.
  const page = answerer.page;
  await page.goto(path);
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
  const question = questionOf(page, title);
  // The optimistic score shows at once; wait for the server's answer before reloading.
  const stored = page.waitForResponse((r) => r.request().method() === "POST");
  await question.getByRole("button", { name: "Upvote", exact: true }).click();
  await stored;
  await expect(question.getByRole("status")).toHaveText("Score 1");
  await expect(question.getByRole("button", { name: "Remove upvote" })).toHaveAttribute("aria-pressed", "true");
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);

  // The vote is stored: a fresh render shows it pressed.
  await page.reload();
  await expect(question.getByRole("status")).toHaveText("Score 1");
  await expect(question.getByRole("button", { name: "Remove upvote" })).toHaveAttribute("aria-pressed", "true");
  expect(await pointsOf(asker.page, asker.username)).toBe("2");

  // Clicking again removes it, and the points go back.
  await page.goto(path);
  const removed = page.waitForResponse((r) => r.request().method() === "POST");
  await question.getByRole("button", { name: "Remove upvote" }).click();
  await removed;
  await expect(question.getByRole("status")).toHaveText("Score 0");
  await expect(question.getByRole("button", { name: "Upvote", exact: true })).toHaveAttribute("aria-pressed", "false");
  expect(await pointsOf(asker.page, asker.username)).toBe("0");

  // Signed-out readers get links to log in instead of buttons.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(path);
  await expect(questionOf(reader, title).getByRole("link", { name: /Upvote/ })).toHaveAttribute("href", /^\/login\?next=/);
});

test("voting and commenting work as plain form posts without JavaScript", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "nojsasker");
  const answerer = await signUpNewMember(browser, "nojsvoter");
  const title = `Why does TCP need a three-way handshake? ${asker.username}`;
  const path = await askQuestion(asker.page, title, "Why are two messages not enough to open a TCP connection reliably?");
  await postAnswer(answerer.page, path, "Both sides must learn that the other received their initial sequence number.");

  const page = await logInWithoutJavaScript(browser, answerer.username, path);
  const question = questionOf(page, title);
  await expect(question).toBeVisible();

  // The optimistic score shows at once; wait for the server's answer before reloading.
  const stored = page.waitForResponse((r) => r.request().method() === "POST");
  await question.getByRole("button", { name: "Upvote", exact: true }).click();
  await stored;
  await expect(question.getByRole("status")).toHaveText("Score 1");
  await expect(question.getByRole("button", { name: "Remove upvote" })).toHaveAttribute("aria-pressed", "true");
  await question.getByRole("button", { name: "Remove upvote" }).click();
  await expect(question.getByRole("status")).toHaveText("Score 0");

  // The asker has no points to vote with yet: the arrows are off; a form sent anyway is refused
  // with a page that says why, with the way back.
  const askerPage = await logInWithoutJavaScript(browser, asker.username, path);
  await expect(askerPage.locator(".answer").getByRole("button", { name: "Upvote", exact: true })).toBeDisabled();
  const answerId = ((await askerPage.locator(".answer").getAttribute("id")) ?? "").replace("answer-", "");
  const refused = await askerPage.request.post("/api/votes", { form: { postType: "answer", postId: answerId, direction: "up", back: path } });
  expect(refused.status()).toBe(403);
  await askerPage.setContent(await refused.text());
  await expect(askerPage.getByRole("heading", { name: "Your vote was not counted" })).toBeVisible();
  await expect(askerPage.getByText("You need 1 point to vote up.")).toBeVisible();
  await askerPage.goto(path);
  await expect(askerPage.locator(".answer").getByRole("status")).toHaveText("Score 0");

  // "Add a comment" is a link: it reloads the thread with that post's form open, and the
  // form posts back to the same address.
  const answer = page.locator(".answer", { hasText: "Both sides must learn" });
  await answer.getByRole("link", { name: "Add a comment" }).click();
  await expect(page).toHaveURL(/\?comment=answer-\d+#answer-\d+$/);
  await answer.getByLabel("Comment", { exact: true }).fill("It holds without JavaScript, too.");
  await answer.getByRole("button", { name: "Add comment" }).click();
  await expect(answer.getByRole("listitem").filter({ hasText: "It holds without JavaScript, too." })).toBeVisible();
});

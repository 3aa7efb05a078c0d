import { expect, test } from "@playwright/test";
import { askQuestion, logInWithoutJavaScript, pointsOf, postAnswer, signUpNewMember } from "./helpers";

// Every reader's thread page is one render (components/html/thread), with the reader's part in
// each post written in: its controls must work in place with the page's script, and as plain
// forms without it.
test("answers vote, flag and take comments in place, with and without JavaScript", async ({ browser }) => {
  // Five members and a dozen page loads: on the two-server PostgreSQL run it outlasts the default.
  test.setTimeout(180_000);
  const asker = await signUpNewMember(browser, "shasker");
  const answerer = await signUpNewMember(browser, "shanswer");
  const reader = await signUpNewMember(browser, "shreader");
  const path = await askQuestion(asker.page, `What does ARP resolve? ${asker.username}`, "I see ARP requests on my LAN all the time. What question do they ask?");
  const text = "An IPv4 address to the MAC address that owns it on the local link.";
  await postAnswer(answerer.page, path, text);
  // The reader earns the points to vote up and to comment anywhere by answering elsewhere
  // (new members wait between questions, so the answerer asks this one).
  const elsewhere = await askQuestion(answerer.page, `Why does ARP cache expire? ${answerer.username}`, "Entries vanish after a while. Why not keep them forever?");
  await postAnswer(reader.page, elsewhere, "Hosts change addresses; a stale entry would send frames to the wrong machine.");

  const page = reader.page;
  await page.goto(path);
  const answer = page.getByRole("article", { name: `Answer by ${answerer.username}` });
  await expect(answer).toHaveCount(1);
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));

  // A vote the reader's points do not reach is off, saying what it takes; the score stays.
  await expect(answer.getByRole("button", { name: "Downvote", exact: true })).toBeDisabled();
  await expect(answer.getByRole("button", { name: "Downvote", exact: true })).toHaveAttribute("title", "You need 10 points to vote down.");
  await expect(answer.getByRole("status")).toHaveText("Score 0");

  // An upvote shows at once and is stored, with no navigation.
  const stored = page.waitForResponse((r) => r.request().method() === "POST");
  await answer.getByRole("button", { name: "Upvote", exact: true }).click();
  await stored;
  await expect(answer.getByRole("status")).toHaveText("Score 1");
  await expect(answer.getByRole("button", { name: "Remove upvote" })).toHaveAttribute("aria-pressed", "true");
  await expect(answer.getByRole("alert")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);

  // Now the answer holds the reader's vote: pressed on a fresh render.
  await page.reload();
  await expect(answer.getByRole("status")).toHaveText("Score 1");
  await expect(answer.getByRole("button", { name: "Remove upvote" })).toHaveAttribute("aria-pressed", "true");
  const removed = page.waitForResponse((r) => r.request().method() === "POST");
  await answer.getByRole("button", { name: "Remove upvote" }).click();
  await removed;
  await expect(answer.getByRole("status")).toHaveText("Score 0");
  await page.reload();
  await expect(answer.getByRole("button", { name: "Upvote", exact: true })).toHaveAttribute("aria-pressed", "false");

  // "Flag" from the keyboard opens the form with the keyboard in it.
  await answer.getByRole("link", { name: "Flag", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(answer.getByLabel("Reason")).toBeFocused();
  await answer.getByLabel("Reason").selectOption("NEEDS_ATTENTION");
  await answer.getByRole("button", { name: "Send flag" }).click();
  await expect(answer.getByText(/a moderator will look at it/)).toBeVisible();

  // "Add a comment" opens its form in place, without leaving the page; the comment appears
  // under the answer. The page runs one small script of the forum's, not React.
  await page.goto(path);
  await expect(page.locator("script[src]")).toHaveCount(1);
  await expect(page.locator("script[src]")).toHaveAttribute("src", /^\/_forum\/thread-page\.[\w-]+\.js$/);
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
  const addComment = answer.getByRole("link", { name: "Add a comment" });
  await addComment.click();
  await expect(answer.getByLabel("Comment", { exact: true })).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  // The link closes and opens it again.
  await expect(addComment).toHaveAttribute("aria-expanded", "true");
  await addComment.click();
  await expect(answer.getByLabel("Comment", { exact: true })).toBeHidden();
  await addComment.click();
  await expect(answer.getByLabel("Comment", { exact: true })).toBeFocused();
  await answer.getByLabel("Comment", { exact: true }).fill("And the reply tells you which MAC to put in the frame.");
  await answer.getByRole("button", { name: "Add comment" }).click();
  await expect(answer.getByRole("listitem").filter({ hasText: "which MAC to put in the frame" })).toBeVisible();
  // The answer form's counter and live preview work there too.
  await page.getByLabel("Your answer").fill("Use **arping** to test.");
  await expect(page.getByLabel("Preview", { exact: true }).locator("strong")).toHaveText("arping");
  await expect(page.getByText(/^23 \/ /)).toBeVisible();
  // A refused answer comes back with its text and the reason.
  await page.getByLabel("Your answer").fill("Too short");
  await page.getByRole("button", { name: "Post your answer" }).click();
  await expect(page.locator("#answer-body-error")).toContainText("at least 10");
  await expect(page.getByLabel("Your answer")).toHaveValue("Too short");
  await expect(page.getByText(/^9 \/ /)).toBeVisible();
  // A comment of theirs still in its edit window has an edit form.
  await page.reload();
  await expect(answer.getByText("Edit", { exact: true })).toBeVisible();

  // Without JavaScript the same markup is a plain form post. (The asker, who has no part in
  // the answer either, has no points: the vote comes from another reader who earned some.)
  const other = await signUpNewMember(browser, "shnojs");
  await postAnswer(other.page, elsewhere, "And gratuitous ARP updates caches when an address moves to another host.");
  const nojs = await logInWithoutJavaScript(browser, other.username, path);
  const plain = nojs.getByRole("article", { name: `Answer by ${answerer.username}` });
  await plain.getByRole("button", { name: "Upvote", exact: true }).click();
  await expect(plain.getByRole("status")).toHaveText("Score 1");
  await expect(plain.getByRole("button", { name: "Remove upvote" })).toHaveAttribute("aria-pressed", "true");
  expect(await pointsOf(asker.page, answerer.username)).toBe("7");
});

test("the asker's pick and a member's own answer come with their buttons, with and without JavaScript", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "owasker");
  const answerer = await signUpNewMember(browser, "owanswer");
  const path = await askQuestion(asker.page, `Why is TCP's handshake three-way? ${asker.username}`, "Two messages would seem enough to agree on a connection. Why three?");
  const text = "Each side must learn that the other received its initial sequence number.";
  await postAnswer(answerer.page, path, text);

  // The asker (no points yet) sees the answer and their own question with their part: the
  // pick, Edit on the question, no vote or flag on their own post, comments on their thread.
  const page = asker.page;
  await page.goto(path);
  const question = page.locator("article.question");
  await expect(question.getByRole("button", { name: "Upvote", exact: true })).toBeDisabled();
  await expect(question.getByRole("link", { name: "Edit", exact: true })).toBeVisible();
  await expect(question.getByRole("link", { name: "Flag", exact: true })).toHaveCount(0);
  const answer = page.getByRole("article", { name: `Answer by ${answerer.username}` });
  await expect(answer.getByRole("link", { name: "Add a comment" })).toBeVisible();
  await answer.getByRole("button", { name: "✓ Pick as best answer" }).click();
  const best = page.getByRole("article", { name: "Best answer" });
  await expect(best).toContainText(text);
  expect(await pointsOf(answerer.page, answerer.username)).toBe("22");
  await page.goto(path);
  await best.getByRole("button", { name: "Remove best answer mark" }).click();
  await expect(best).toHaveCount(0);
  expect(await pointsOf(answerer.page, answerer.username)).toBe("2");

  // Without JavaScript the pick is a plain form post that comes back to the answer.
  const nojs = await logInWithoutJavaScript(browser, asker.username, path);
  await nojs.getByRole("article", { name: `Answer by ${answerer.username}` }).getByRole("button", { name: "✓ Pick as best answer" }).click();
  await expect(nojs).toHaveURL(/#answer-\d+$/);
  await expect(nojs.getByRole("article", { name: "Best answer" })).toContainText(text);
  expect(await pointsOf(answerer.page, answerer.username)).toBe("22");

  // The server decides who may: the answerer's forged clear is refused and changes nothing, an
  // unknown button is not found, and another site's form is turned away.
  const questionId = path.split("/")[2]!;
  const forged = await answerer.page.request.post("/api/thread-actions/clear-best", { form: { questionId, back: path }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain("Only the asker or a moderator can choose the best answer.");
  expect((await answerer.page.request.post("/api/thread-actions/make-admin", { form: { back: path }, maxRedirects: 0 })).status()).toBe(404);
  const crossSite = await page.request.post("/api/thread-actions/clear-best", { form: { questionId, back: path }, headers: { origin: "https://evil.example" }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);
  await nojs.reload();
  await expect(nojs.getByRole("article", { name: "Best answer" })).toContainText(text);

  // The answerer's own answer: Edit and Delete, no vote on it and no flag; Delete asks first.
  const own = answerer.page;
  await own.goto(path);
  const mine = own.getByRole("article", { name: "Best answer" });
  await expect(mine.getByRole("button", { name: "Upvote", exact: true })).toBeDisabled();
  await expect(mine.getByRole("link", { name: "Flag", exact: true })).toHaveCount(0);
  await expect(mine.getByRole("link", { name: "Edit", exact: true })).toBeVisible();
  own.once("dialog", (d) => void d.dismiss());
  await mine.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(mine).toContainText(text);
  own.once("dialog", (d) => void d.accept());
  await mine.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(own.getByRole("heading", { name: "0 Answers" })).toBeVisible();
  expect(await pointsOf(own, answerer.username)).toBe("0");
});

// Thread links are plain links: a thread reached from a list is loaded as a document, the same
// page as any other, and its controls work in place there.
test("a thread reached from the home page is the same page, and its controls work in place", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "shnava");
  const reader = await signUpNewMember(browser, "shnavr");
  const title = `How does NAT know where replies go? ${asker.username}`;
  const path = await askQuestion(asker.page, title, "Many hosts share one public address. How does the router map replies back?");
  // Answering earns the reader the points to vote up and to comment.
  await postAnswer(reader.page, path, "It keeps a table of flows: address and port pairs, rewritten both ways.");

  const page = reader.page;
  await page.goto("/");
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.locator("script[src]")).toHaveAttribute("src", /^\/_forum\/thread-page\.[\w-]+\.js$/);
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));

  const question = page.locator("article.question");
  await question.getByRole("button", { name: "Upvote", exact: true }).click();
  await expect(question.getByRole("status")).toHaveText("Score 1");
  await expect(question.getByRole("button", { name: "Remove upvote" })).toHaveAttribute("aria-pressed", "true");
  await question.getByRole("link", { name: "Add a comment" }).click();
  await expect(question.getByLabel("Comment", { exact: true })).toBeFocused();
  await question.getByLabel("Comment", { exact: true }).fill("Ports run out under load: that is the limit.");
  await question.getByRole("button", { name: "Add comment" }).click();
  await expect(question.getByRole("listitem").filter({ hasText: "Ports run out under load" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  await page.reload();
  await expect(question.getByRole("status")).toHaveText("Score 1");
});

// Follow and the answer form post to route handlers, in place with the page's script and as
// plain forms without it.
test("Follow and the answer form work with and without JavaScript", async ({ browser }) => {
  test.setTimeout(120_000);
  const asker = await signUpNewMember(browser, "whasker");
  const reader = await signUpNewMember(browser, "whreader");
  const path = await askQuestion(asker.page, `Why does DNS mostly use UDP? ${asker.username}`, "Most lookups fit in one datagram, but what happens with large answers?");

  const page = reader.page;
  await page.goto(path);
  await expect(page.locator("form[data-answer-form]")).toHaveCount(1);
  // Follow toggles in place, and the state holds on a fresh render.
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
  await page.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(page.getByRole("button", { name: "Following" })).toHaveAttribute("aria-pressed", "true");
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  await page.reload();
  await page.getByRole("button", { name: "Following" }).click();
  await expect(page.getByRole("button", { name: "Follow", exact: true })).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await expect(page.getByRole("button", { name: "Follow", exact: true })).toHaveAttribute("aria-pressed", "false");
  // Refused in place with the reason, the text kept; then posted, the thread shows it.
  await page.getByLabel("Your answer").fill("Too short");
  await page.getByRole("button", { name: "Post your answer" }).click();
  await expect(page.locator("#answer-body-error")).toContainText("at least 10");
  await expect(page.getByLabel("Your answer")).toHaveValue("Too short");
  await page.getByLabel("Your answer").fill("Large answers set the truncation bit and the resolver asks again over TCP.");
  await page.getByRole("button", { name: "Post your answer" }).click();
  await expect(page).toHaveURL(/#answer-\d+$/);
  await expect(page.locator(".answer", { hasText: "asks again over TCP" })).toBeVisible();
  await expect(page.getByLabel("Your answer")).toHaveValue("");

  // Without JavaScript: the reason on a page of its own with the text to send again, and the
  // post comes back to the new answer.
  const nojs = await logInWithoutJavaScript(browser, asker.username, path);
  await expect(nojs.locator("form[data-answer-form]")).toHaveCount(1);
  await nojs.getByLabel("Your answer").fill("Too short");
  await nojs.getByRole("button", { name: "Post your answer" }).click();
  await expect(nojs.getByRole("heading", { name: "Your answer was not posted" })).toBeVisible();
  await expect(nojs.getByText(/at least 10/)).toBeVisible();
  await expect(nojs.getByLabel("Your answer")).toHaveValue("Too short");
  await nojs.getByLabel("Your answer").fill("EDNS0 lets a resolver advertise a larger UDP buffer, up to about 4 kB.");
  await nojs.getByRole("button", { name: "Post your answer" }).click();
  await expect(nojs).toHaveURL(/#answer-\d+$/);
  await expect(nojs.locator(".answer", { hasText: "advertise a larger UDP buffer" })).toBeVisible();
  // The asker follows their question from the start, and may stop.
  await nojs.getByRole("button", { name: "Following" }).click();
  await expect(nojs.getByRole("button", { name: "Follow", exact: true })).toHaveAttribute("aria-pressed", "false");
  expect(await pointsOf(reader.page, reader.username)).toBe("2");
});

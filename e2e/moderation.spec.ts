import { expect, test, type Browser, type Page } from "@playwright/test";
import { askQuestion, logInAsStaff, logInWithoutJavaScript, pointsOf, postAnswer, signUpNewMember } from "./helpers";

/** The asker comments on their own question (no points needed there); returns the comment's text. */
async function commentOnOwnQuestion(page: Page, text: string) {
  const comments = page.getByRole("region", { name: "Comments on this question" });
  await comments.getByText("Add a comment").click();
  await comments.getByLabel("Comment", { exact: true }).fill(text);
  await comments.getByRole("button", { name: "Add comment" }).click();
  await expect(comments.getByRole("listitem").filter({ hasText: text })).toBeVisible();
  await expect(comments.getByRole("listitem").filter({ hasText: text }).getByText("Flag this comment")).toHaveCount(0);
}

/** An asker, a question with the asker's comment on it, and another member to flag it. */
async function commentToFlag(browser: Browser, prefix: string, title: string, body: string, comment: string) {
  const asker = await signUpNewMember(browser, `${prefix}asker`);
  const flagger = await signUpNewMember(browser, `${prefix}flag`);
  const path = await askQuestion(asker.page, `${title} ${asker.username}`, body);
  const text = `${comment}, ${asker.username}`;
  await commentOnOwnQuestion(asker.page, text);
  return { asker, flagger, path, text };
}

const commentOn = (page: Page, text: string) => page.getByRole("region", { name: "Comments on this question" }).getByRole("listitem").filter({ hasText: text });

test("members flag an answer; a moderator works the queue and the flagger hears back", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "flagasker");
  const spammer = await signUpNewMember(browser, "spammer");
  const path = await askQuestion(asker.page, `Which port does HTTPS use? ${asker.username}`, "I know HTTP uses 80. What about HTTPS and why a different one?");
  const spam = "Visit my shop for the cheapest cables, huge discounts today";
  await postAnswer(spammer.page, path, spam);

  await asker.page.goto(path);
  const answer = asker.page.locator(".answer", { hasText: spam });
  await answer.getByText("Flag", { exact: true }).click();
  await answer.getByLabel("Reason").selectOption("SPAM");
  await answer.getByLabel("Note (optional)").fill("advertising");
  await answer.getByRole("button", { name: "Send flag" }).click();
  await expect(answer.getByText(/a moderator will look at it/)).toBeVisible();

  const mod = await logInAsStaff(browser, "e2emod");
  await mod.goto("/moderation");
  const item = mod.getByRole("listitem").filter({ hasText: spam.slice(0, 40) });
  await expect(item).toContainText("advertising");
  await item.getByRole("button", { name: "Delete answer", exact: true }).click();
  await item.getByRole("button", { name: "Acted" }).click();
  await expect(mod.getByRole("listitem").filter({ hasText: spam.slice(0, 40) })).toHaveCount(0);

  await asker.page.goto("/inbox");
  await expect(asker.page.getByText("A moderator acted on your flag")).toBeVisible();
  await asker.page.goto(path);
  await expect(asker.page.getByText(spam)).toHaveCount(0);
  expect(await pointsOf(asker.page, spammer.username)).toBe("0");
});

test("a moderator picks the best answer on someone else's question, and closes it", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "modasker");
  const answerer = await signUpNewMember(browser, "modanswerer");
  const path = await askQuestion(asker.page, `What is a default gateway? ${asker.username}`, "My laptop shows a default gateway of 192.168.1.1. What does it do?");
  const text = "It is the router your host sends packets to when the destination is outside your subnet.";
  await postAnswer(answerer.page, path, text);

  const mod = await logInAsStaff(browser, "e2emod");
  await mod.goto(path);
  await mod.locator(".answer", { hasText: text }).getByRole("button", { name: "Pick as best answer" }).click();
  await expect(mod.getByRole("article", { name: "Best answer" })).toContainText(text);
  expect(await pointsOf(answerer.page, answerer.username)).toBe("22");

  await mod.goto(path);
  await mod.getByLabel("Reason for closing").selectOption("needs-detail");
  await mod.getByRole("button", { name: "Close question" }).click();
  await expect(mod.getByRole("button", { name: "Reopen question" })).toBeVisible();
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(path);
  await expect(reader.getByRole("note")).toContainText("Needs more detail");

  await mod.goto("/admin/members");
  await expect(mod.getByRole("heading", { name: "Members" })).toBeVisible();
  const admin = await logInAsStaff(browser, "e2eadmin");
  await admin.goto("/admin/audit");
  // The log says it in words, naming the answer's author and the question, with links.
  const pick = admin.locator("tr[data-action='answer.pick']", { hasText: answerer.username }).first();
  await expect(pick).toContainText(`picked ${answerer.username}’s answer to What is a default gateway? ${asker.username} as the best answer`);
  await expect(pick.getByRole("link", { name: `${answerer.username}’s answer` })).toHaveAttribute("href", new RegExp(`^${path}#answer-\\d+$`));
  await expect(pick.getByRole("link", { name: "e2emod" })).toHaveAttribute("href", "/users/e2emod");
  const close = admin.locator("tr[data-action='question.close']", { hasText: asker.username }).first();
  await expect(close).toContainText("Needs more detail or clarity");
  await expect(close.getByRole("link", { name: `What is a default gateway? ${asker.username}` })).toHaveAttribute("href", path);
  const log = (await admin.locator("table.admin-table").textContent()) ?? "";
  expect(log).not.toMatch(/[{}]|member #\d/);
});

test("a member flags a comment with the keyboard; a moderator deletes it from the queue and the flagger hears back", async ({ browser }) => {
  const { asker, flagger, path, text } = await commentToFlag(browser, "cflag", "Is UDP always faster than TCP?", "People say UDP is faster. Is that always true, and where does the difference come from?", "Cheapest VPN deals at my shop");

  await flagger.page.goto(path);
  const comment = commentOn(flagger.page, text);
  await comment.getByRole("link", { name: "Flag this comment" }).focus();
  await flagger.page.keyboard.press("Enter");
  // Opening takes the keyboard to the first field.
  await expect(comment.getByLabel("Reason")).toBeFocused();
  await comment.getByLabel("Reason").selectOption("SPAM");
  await flagger.page.keyboard.press("Tab");
  await expect(comment.getByLabel("Note (optional)")).toBeFocused();
  await flagger.page.keyboard.type("advertising in a comment");
  await flagger.page.keyboard.press("Enter");
  await expect(comment.getByRole("status")).toHaveText(/a moderator will look at it/);

  const mod = await logInAsStaff(browser, "e2emod");
  await mod.goto("/moderation");
  const item = mod.getByRole("listitem").filter({ hasText: text });
  await expect(item.getByRole("heading")).toHaveText(`Spam: comment by ${asker.username}`);
  await expect(item).toContainText(`flagged by ${flagger.username}`);
  await expect(item).toContainText("advertising in a comment");
  await expect(item.getByRole("link", { name: /Is UDP always faster/ })).toHaveAttribute("href", /#comment-\d+$/);
  mod.once("dialog", (d) => d.accept());
  await item.getByRole("button", { name: "Delete comment" }).click();
  await expect(item.getByRole("status")).toHaveText(/Comment deleted/);
  await item.getByRole("button", { name: "Acted" }).click();
  await expect(mod.getByRole("listitem").filter({ hasText: text })).toHaveCount(0);

  await flagger.page.goto("/inbox");
  const notice = flagger.page.getByRole("listitem").filter({ hasText: "A moderator acted on your flag" });
  await expect(notice.getByRole("link")).toHaveAttribute("href", /#comment-\d+$/);
  await flagger.page.goto(path);
  await expect(flagger.page.getByText(text)).toHaveCount(0);
});

test("flagging a comment works without JavaScript; a dismissal leaves the comment in place", async ({ browser }) => {
  const { asker, flagger, path, text } = await commentToFlag(browser, "nojsc", "What does a subnet mask do?", "I see 255.255.255.0 everywhere. What does it actually decide?", "Honestly this is a silly question");

  const page = await logInWithoutJavaScript(browser, flagger.username, path);
  // Without JavaScript the link reloads the thread with this comment's flag form open.
  await commentOn(page, text).getByRole("link", { name: "Flag this comment" }).click();
  await expect(page).toHaveURL(/\?flag=comment-\d+#comment-\d+$/);
  const comment = commentOn(page, text);
  await comment.getByLabel("Reason").selectOption("OFFENSIVE");
  await comment.getByRole("button", { name: "Send flag" }).click();
  await expect(commentOn(page, text).getByRole("status")).toHaveText(/a moderator will look at it/);

  const mod = await logInAsStaff(browser, "e2emod");
  await mod.goto("/moderation");
  const item = mod.getByRole("listitem").filter({ hasText: text });
  await expect(item.getByRole("heading")).toHaveText(`Offensive: comment by ${asker.username}`);
  await item.getByRole("button", { name: "Dismiss" }).click();
  await expect(mod.getByRole("listitem").filter({ hasText: text })).toHaveCount(0);
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(path);
  await expect(reader.getByText(text)).toBeVisible();
});

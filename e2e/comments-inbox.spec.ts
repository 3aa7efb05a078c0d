import { expect, test } from "@playwright/test";
import { askQuestion, postAnswer, signUpNewMember } from "./helpers";

test("an answer and a mention reach the asker's inbox; mark all read clears the count", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "inboxa");
  const helper = await signUpNewMember(browser, "inboxb");
  const path = await askQuestion(asker.page, `What does TCP_NODELAY change? ${asker.username}`, "Turning off Nagle's algorithm: when is it worth it, and what does it cost?");

  // Answering first earns the +2 that commenting on someone else's post takes.
  await postAnswer(helper.page, path, "It sends small segments at once instead of coalescing them; latency down, packets up.");
  await helper.page.goto(path);
  const comments = helper.page.getByRole("region", { name: "Comments on this question" });
  await comments.getByText("Add a comment").click();
  await comments.getByLabel("Comment", { exact: true }).fill(`@${asker.username} is this for an interactive protocol?`);
  await comments.getByRole("button", { name: "Add comment" }).click();
  await expect(comments.getByRole("listitem").filter({ hasText: "is this for an interactive protocol?" })).toBeVisible();

  await asker.page.goto("/");
  const inbox = asker.page.getByRole("link", { name: /Inbox, \d+ unread/ });
  await expect(inbox).toHaveAccessibleName("Inbox, 2 unread");
  await inbox.click();
  await expect(asker.page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  const items = asker.page.getByRole("listitem");
  await expect(items.filter({ hasText: `${helper.username} posted a new answer` })).toBeVisible();
  await expect(items.filter({ hasText: `${helper.username} mentioned you in a comment` })).toBeVisible();

  await asker.page.getByRole("button", { name: "Mark all read" }).click();
  await expect(asker.page.getByText("All caught up.")).toBeVisible();
  await expect(asker.page.getByRole("link", { name: /Inbox, \d+ unread/ })).toHaveCount(0);
  await expect(asker.page.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();

  // The notification links to the comment on the thread.
  await items.filter({ hasText: "mentioned you" }).getByRole("link").click();
  await expect(asker.page).toHaveURL(/#comment-\d+$/);
  await expect(asker.page.getByText("is this for an interactive protocol?")).toBeVisible();
});

test("a comment on your own question: post, edit within the window, delete", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "cmtown");
  const path = await askQuestion(asker.page, `Why is my MTU 1492? ${asker.username}`, "My PPPoE link reports an MTU of 1492 instead of 1500. Where do the 8 bytes go?");
  const page = asker.page;
  const comments = page.getByRole("region", { name: "Comments on this question" });
  await comments.getByText("Add a comment").click();
  await comments.getByLabel("Comment", { exact: true }).fill("The link is DSL, if that *matters*.");
  await comments.getByRole("button", { name: "Add comment" }).click();
  const mine = comments.getByRole("listitem").filter({ hasText: "The link is DSL" });
  await expect(mine.locator("em")).toHaveText("matters");

  await mine.getByText("Edit", { exact: true }).click();
  await mine.getByLabel("Edit comment").fill("The link is VDSL2, if that `matters`.");
  await mine.getByRole("button", { name: "Save comment" }).click();
  const edited = comments.getByRole("listitem").filter({ hasText: "The link is VDSL2" });
  await expect(edited.locator("code")).toHaveText("matters");
  await expect(edited.getByText("edited", { exact: true })).toBeVisible();

  page.once("dialog", (d) => d.accept());
  await edited.getByRole("button", { name: "Delete" }).click();
  await expect(comments.getByRole("listitem")).toHaveCount(0);

  // A reader without points sees why they cannot comment here, and no form.
  const newcomer = await signUpNewMember(browser, "cmtnew");
  await newcomer.page.goto(path);
  const theirView = newcomer.page.getByRole("region", { name: "Comments on this question" });
  await expect(theirView.getByText(/You need \d+ points to comment/)).toBeVisible();
  await expect(theirView.getByText("Add a comment")).toHaveCount(0);
});

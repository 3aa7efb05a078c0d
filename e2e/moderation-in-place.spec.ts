import { expect, test, type Page } from "@playwright/test";
import { askQuestion, logInAsStaff, PASSWORD, postAnswer, signUpNewMember } from "./helpers";

const acceptDialogs = (page: Page) => page.on("dialog", (d) => void d.accept());

test("a moderator deletes a question and an answer and sees both in place, marked, with Undelete; others get a 404; the authors hear why", async ({ browser, request }) => {
  const asker = await signUpNewMember(browser, "delasker");
  const answerer = await signUpNewMember(browser, "delanswerer");
  const title = `What is a subnet mask for? ${asker.username}`;
  const path = await askQuestion(asker.page, title, "I see 255.255.255.0 everywhere. What does it actually decide?");
  const text = "It splits an address into network and host parts, deciding what is local.";
  await postAnswer(answerer.page, path, text);

  const mod = await logInAsStaff(browser, "e2emod");
  acceptDialogs(mod);
  await mod.goto(path);
  // The answer first: it stays for the moderator, marked, with Undelete; readers no longer see it.
  const answer = mod.locator(".answer", { hasText: text });
  await answer.getByRole("button", { name: "Delete" }).click();
  await expect(answer).toHaveClass(/deleted/);
  await expect(answer).toContainText("only moderators see this answer");
  await expect(answer.getByRole("button", { name: "Undelete" })).toBeVisible();
  await expect(mod.locator("#answers-heading")).toHaveText("0 Answers");
  await asker.page.goto(path);
  await expect(asker.page.locator(".answer", { hasText: text })).toHaveCount(0);
  await answer.getByRole("button", { name: "Undelete" }).click();
  await expect(answer).not.toHaveClass(/deleted/);
  await expect(answer.getByRole("button", { name: "Delete" })).toBeVisible();

  // The question, with a reason: the moderator stays on it; a reader gets a 404.
  await mod.getByLabel("Reason for deleting (told to the author)").fill("Asked twice; the other copy has the answers");
  await mod.getByRole("button", { name: "Delete question" }).click();
  await expect(mod.getByRole("note").filter({ hasText: "Deleted" })).toContainText("only moderators see this question");
  await expect(mod).toHaveURL(new RegExp(`${path}$`));
  expect((await request.get(path)).status()).toBe(404);
  await asker.page.goto(path);
  await expect(asker.page.getByRole("heading", { level: 1, name: title })).toHaveCount(0);
  await mod.getByRole("button", { name: "Undelete question" }).click();
  await expect(mod.getByRole("button", { name: "Delete question" })).toBeVisible();
  expect((await request.get(path)).status()).toBe(200);

  // The authors heard each step, with the reason.
  await asker.page.goto("/inbox");
  await expect(asker.page.getByText(/deleted your question.*Reason: Asked twice; the other copy has the answers/)).toBeVisible();
  await expect(asker.page.getByText(/restored your question/)).toBeVisible();
  await answerer.page.goto("/inbox");
  await expect(answerer.page.getByText(/deleted your answer/)).toBeVisible();
  await expect(answerer.page.getByText(/restored your answer/)).toBeVisible();
});

test("a suspended member sees why and until when, and no form to write with; the server still refuses", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "susasker");
  const path = await askQuestion(asker.page, `Why is DNS over UDP? ${asker.username}`, "Most DNS queries go over UDP port 53. Why not TCP?");
  const member = await signUpNewMember(browser, "suspended");

  const mod = await logInAsStaff(browser, "e2emod");
  await mod.goto(`/admin/members?q=${member.username}`);
  const row = mod.getByRole("row", { name: `Member ${member.username}` });
  await row.getByLabel("Days").fill("3");
  await row.getByLabel("Reason").first().fill("Posting the same link in every thread");
  await row.getByRole("button", { name: "Suspend" }).click();
  await expect(row.getByRole("button", { name: "Lift suspension" })).toBeVisible();

  // The suspension ended their session: they log in again and are told at once.
  const page = member.page;
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(member.username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  const banner = page.locator(".suspension-banner");
  await expect(banner).toContainText(/Your account is suspended until [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M UTC/);
  await expect(banner).toContainText("Reason: Posting the same link in every thread");
  await page.goto(path);
  await expect(banner).toBeVisible();
  await expect(page.locator("form[data-answer-form]")).toHaveCount(0);
  await expect(page.locator(".answer-form-section")).toContainText("suspended");
  await expect(page.getByRole("link", { name: "Add a comment" })).toHaveCount(0);
  await expect(page.locator("article.question").getByRole("button", { name: "Upvote", exact: true })).toBeDisabled();
  await page.goto("/ask");
  await expect(page.getByText("Your account is suspended: you cannot ask until it ends.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Post your question" })).toHaveCount(0);
  // The server's own check stays: an answer posted anyway is refused.
  const id = path.split("/")[2];
  const refused = await page.request.post(`/api/questions/${id}/answers`, { data: { body: "Because most answers fit one datagram." } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toMatch(/suspended/);
  await page.goto("/inbox");
  await expect(page.locator("main").getByText(/Your account is suspended until .*Reason: Posting the same link in every thread/)).toBeVisible();
});

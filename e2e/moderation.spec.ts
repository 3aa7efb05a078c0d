import { expect, test } from "@playwright/test";
import { askQuestion, logInAsStaff, pointsOf, postAnswer, signUpNewMember } from "./helpers";

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
  await expect(admin.getByRole("cell", { name: /question.close question/ }).first()).toBeVisible();
});

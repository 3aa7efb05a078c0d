import { expect, test } from "@playwright/test";
import { askQuestion, pointsOf, postAnswer, signUpNewMember } from "./helpers";

test("ask, answer, pick the best answer, change the pick: points follow @phone", async ({ browser }, info) => {
  const asker = await signUpNewMember(browser, "asker");
  const alice = await signUpNewMember(browser, "alice");
  const bob = await signUpNewMember(browser, "bob");
  const title = `How does ARP resolve addresses? ${asker.username}`;
  const path = await askQuestion(asker.page, title, "When a host wants to send to 10.0.0.7, how does it find the MAC address?");

  // A signed-out reader loads the thread now, so a cached copy exists before the answers.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(path);
  await expect(reader.getByRole("heading", { name: "0 Answers" })).toBeVisible();

  const aliceAnswer = "It broadcasts an ARP request; the owner of 10.0.0.7 replies with its MAC.";
  await postAnswer(alice.page, path, aliceAnswer);
  expect(await pointsOf(alice.page, alice.username)).toBe("2");
  const bobAnswer = "ARP: who-has 10.0.0.7 tell 10.0.0.1, then a unicast is-at reply, cached for minutes.";
  await postAnswer(bob.page, path, bobAnswer);

  await asker.page.goto(path);
  const aliceCard = asker.page.locator(".answer", { hasText: aliceAnswer });
  await aliceCard.getByRole("button", { name: "Pick as best answer" }).click();
  await expect(asker.page.getByRole("article", { name: "Best answer" })).toContainText(aliceAnswer);
  expect(await pointsOf(alice.page, alice.username)).toBe("22");

  // The signed-out reader sees the answers and the pick on reload: no stale cached page.
  await reader.reload();
  await expect(reader.getByRole("heading", { name: "2 Answers" })).toBeVisible();
  await expect(reader.getByRole("article", { name: "Best answer" })).toContainText(aliceAnswer);
  await reader.screenshot({ path: info.outputPath(`loop-reader-${info.project.name}.png`), fullPage: true });

  await asker.page.goto(path);
  await asker.page.locator(".answer", { hasText: bobAnswer }).getByRole("button", { name: "Pick as best answer" }).click();
  await expect(asker.page.getByRole("article", { name: "Best answer" })).toContainText(bobAnswer);
  expect(await pointsOf(alice.page, alice.username)).toBe("2");
  expect(await pointsOf(bob.page, bob.username)).toBe("22");

  await asker.page.goto(path);
  await asker.page.getByRole("button", { name: "Remove best answer mark" }).click();
  await expect(asker.page.getByRole("article", { name: "Best answer" })).toHaveCount(0);
  expect(await pointsOf(bob.page, bob.username)).toBe("2");

  // The history of points names each event and links to the thread.
  await bob.page.goto(`/users/${bob.username}`);
  await expect(bob.page.getByRole("row", { name: /-20 Best answer pick removed/ })).toBeVisible();
  await expect(bob.page.getByRole("row", { name: /\+20 Answer picked as best/ })).toBeVisible();
});

test("others see no controls they may not use, and forged requests are refused by the server", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "owner");
  const other = await signUpNewMember(browser, "other");
  const path = await askQuestion(asker.page, `Why does DNS use UDP? ${asker.username}`, "Most DNS queries go over UDP port 53. Why not TCP?");
  await postAnswer(asker.page, path, "Answering my own question: small queries fit one datagram.");
  await other.page.goto(path);
  await expect(other.page.getByRole("button", { name: "Pick as best answer" })).toHaveCount(0);
  await expect(other.page.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
  await expect(other.page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  const id = path.split("/")[2];
  const res = await other.page.goto(`/edit/questions/${id}`);
  expect(res?.status()).toBe(404);
});

test("editing keeps every version in a public history", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "editor");
  const path = await askQuestion(asker.page, `What is a subnet mask for? ${asker.username}`, "I see 255.255.255.0 everywhere. What does it do?");
  await asker.page.getByRole("link", { name: "Edit", exact: true }).first().click();
  await asker.page.getByLabel("Details").fill("I see 255.255.255.0 everywhere. What does it do, and what is /24?");
  await asker.page.getByRole("button", { name: "Save edits" }).click();
  // The edit page's live preview shows the new text too: wait until saving has led back to the thread.
  await asker.page.waitForURL((url) => url.pathname.startsWith("/questions/"));
  await expect(asker.page.getByText("what is /24?")).toBeVisible();
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(path);
  await reader.getByRole("link", { name: "History", exact: true }).first().click();
  await expect(reader.getByRole("heading", { name: /Revision 2 by/ })).toBeVisible();
  await expect(reader.locator(".diff-added")).toContainText("what is /24?");
});

test("on a phone a long line of code scrolls inside its block, not the page @phone", async ({ browser }) => {
  const { page } = await signUpNewMember(browser, "wide");
  const command = "tcpdump -i eth0 -nn -s0 -w capture.pcap ".repeat(8);
  await askQuestion(page, `Why does my capture stay empty? ${Date.now()}`, `Running this:\n\n\`\`\`\n${command}\n\`\`\`\n\nprints nothing at all.`);
  await expect(page.locator("pre")).toContainText("tcpdump -i eth0");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

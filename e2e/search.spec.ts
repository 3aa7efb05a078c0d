import { expect, test } from "@playwright/test";
import { askQuestion, signUpNewMember, uniqueUsername } from "./helpers";

test("a signed-out reader finds a new question from the header search, highlighted, and filters it @phone", async ({ browser }, info) => {
  const asker = await signUpNewMember(browser, "seeker");
  // A word no other question (or earlier run) contains, so this search has exactly one match.
  const word = uniqueUsername("zq").toLowerCase();
  const title = `Why does my switch drop frames under load? ${asker.username}`;
  const path = await askQuestion(asker.page, title, `Every drop is logged with the code ${word} <b>and</b> nothing else.`);

  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/");
  const box = reader.getByLabel("Search questions");
  await box.fill(word);
  await box.press("Enter");
  await expect(reader).toHaveURL(new RegExp(`/search\\?q=${word}$`));
  await expect(reader.getByText(/^1 question matches/)).toBeVisible();
  const result = reader.locator(".question-summary", { hasText: title });
  await expect(result).toBeVisible();
  await expect(result.locator("mark", { hasText: word })).toBeVisible();
  // The author's markup never becomes HTML in a result (the highlighting is the only markup).
  await expect(result.locator("b")).toHaveCount(0);
  await reader.screenshot({ path: info.outputPath(`search-${info.project.name}.png`), fullPage: true });

  await reader.getByLabel("Answers").selectOption({ label: "Unanswered" });
  await reader.getByRole("button", { name: "Search", exact: true }).click();
  await expect(reader).toHaveURL(/answered=no/);
  await expect(reader.getByLabel("Answers")).toHaveValue("no");
  await expect(result).toBeVisible();

  await reader.getByLabel("Answers").selectOption({ label: "Answered" });
  await reader.getByRole("button", { name: "Search", exact: true }).click();
  await expect(reader.getByText(`No questions match “${word}” with these filters.`)).toBeVisible();

  await reader.getByLabel("Answers").selectOption({ label: "Any" });
  await reader.getByRole("button", { name: "Search", exact: true }).click();
  await result.getByRole("link", { name: title }).click();
  await expect(reader).toHaveURL(new RegExp(`${path}$`));
});

test("search survives operators and SQL-looking text", async ({ page }) => {
  for (const q of ["' OR 1=1 --", "tcp & | !", '"unterminated', "-", "a:b"]) {
    await page.goto(`/search?q=${encodeURIComponent(q)}`);
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    await expect(page.getByLabel("Search for")).toHaveValue(q);
  }
});

test("typing a title on the ask page suggests questions whose titles share its words @phone", async ({ browser }, info) => {
  const { page } = await signUpNewMember(browser, "drafter");
  await page.goto("/ask");
  await page.getByLabel("Title").pressSequentially("Peer-to-peer or client-server, which model?", { delay: 5 });
  const similar = page.getByRole("region", { name: "Similar questions" });
  const flagship = similar.getByRole("link", { name: "Client-Server Model vs. Peer-to-Peer: Key Differences" });
  await expect(flagship).toBeVisible();
  await page.screenshot({ path: info.outputPath(`similar-${info.project.name}.png`), fullPage: true });
  // A title sharing no word with any question clears the list.
  await page.getByLabel("Title").fill("Zzyzx qwvpt frobnicate");
  await expect(similar).toHaveCount(0);
  await page.getByLabel("Title").fill("Peer-to-peer networks");
  await flagship.click();
  await expect(page.getByRole("heading", { level: 1, name: "Client-Server Model vs. Peer-to-Peer: Key Differences" })).toBeVisible();
});

import { expect, type Browser, type Page } from "@playwright/test";

let counter = 0;
/** A username no other test or run has used. */
export function uniqueUsername(prefix = "user"): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}${Math.floor(Math.random() * 1000)}`.slice(0, 30);
}

export const PASSWORD = "a long enough passphrase";

/** A new member signed up through the form, in a browser context of their own. */
export async function signUpNewMember(browser: Browser, prefix = "user"): Promise<{ page: Page; username: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const username = uniqueUsername(prefix);
  await page.goto("/signup");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Email").fill(`${username}@example.test`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("link", { name: new RegExp(username) })).toBeVisible();
  return { page, username };
}

export async function askQuestion(page: Page, title: string, body: string): Promise<string> {
  await page.goto("/ask");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Details").fill(body);
  await page.getByLabel("Category").selectOption({ label: "💻 Computer Science & Technology" });
  await page.getByLabel("Tags").fill("e2e, networking");
  await page.getByRole("button", { name: "Post your question" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

export async function postAnswer(page: Page, path: string, body: string) {
  await page.goto(path);
  await page.getByLabel("Your answer").fill(body);
  await page.getByRole("button", { name: "Post your answer" }).click();
  await expect(page.locator(".answer", { hasText: body })).toBeVisible();
}

export async function pointsOf(page: Page, username: string): Promise<string> {
  await page.goto(`/users/${username}`);
  return (await page.getByTestId("member-points").textContent()) ?? "";
}

/** A browser page with JavaScript switched off, signed in as `username` and sent on to `next`. */
export async function logInWithoutJavaScript(browser: Browser, username: string, next: string): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  return page;
}

/** A browser page signed in as one of the staff accounts scripts/test.mjs creates. */
export async function logInAsStaff(browser: Browser, username: "e2emod" | "e2eadmin"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password").fill(process.env.E2E_STAFF_PASSWORD ?? "");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("link", { name: new RegExp(username) })).toBeVisible();
  return page;
}

import { expect, test } from "@playwright/test";
import { PASSWORD, signUpNewMember, uniqueUsername } from "./helpers";

test("sign-up explains what is wrong and keeps nothing", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Username").fill("x");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("password");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("Use at least 3 characters.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText(/most common ones/)).toBeVisible();
  await expect(page.getByLabel("Username")).toHaveAttribute("aria-describedby", /username-error/);
});

test("taken usernames are refused regardless of case", async ({ browser, page }) => {
  const { username } = await signUpNewMember(browser, "taken");
  await page.goto("/signup");
  await page.getByLabel("Username").fill(username.toUpperCase());
  await page.getByLabel("Email").fill(`${uniqueUsername()}@example.test`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("That username is taken.")).toBeVisible();
});

test("log out, log in with the keyboard, and the old session cookie stops working", async ({ browser }) => {
  const { page, username } = await signUpNewMember(browser, "keys");
  const stolen = await page.context().cookies();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

  // A copy of the session cookie taken before signing out is worthless now.
  const thief = await browser.newContext();
  await thief.addCookies(stolen);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/ask");
  await expect(thiefPage).toHaveURL(/\/login/);

  await page.goto("/login");
  await page.getByLabel("Username or email").focus();
  await page.keyboard.type(username);
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: new RegExp(username) })).toBeVisible();
});

test("wrong passwords get one message whether or not the account exists, then a wait", async ({ browser, page }) => {
  const { username } = await signUpNewMember(browser, "brute");
  const tryLogin = async (identifier: string) => {
    await page.goto("/login");
    await page.getByLabel("Username or email").fill(identifier);
    await page.getByLabel("Password").fill("wrong password here");
    await page.getByRole("button", { name: "Log in" }).click();
    return page.getByRole("status");
  };
  await expect(await tryLogin("nobody-by-this-name")).toHaveText("Wrong username, email or password.");
  for (let i = 0; i < 5; i++) await expect(await tryLogin(username)).toHaveText("Wrong username, email or password.");
  await expect(await tryLogin(username)).toHaveText(/Too many failed attempts. Try again in \d+ minutes/);
});

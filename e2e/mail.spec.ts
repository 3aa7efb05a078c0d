import { expect, test, type Browser, type Page } from "@playwright/test";
import { logInAsStaff, PASSWORD, signUpNewMember, uniqueUsername } from "./helpers";

/** The path and query of the link in the newest mail to `to` whose subject matches, read from /admin/outbox as an admin. */
async function linkFromOutbox(admin: Page, to: string, subject: RegExp): Promise<string> {
  let text = "";
  await expect(async () => {
    await admin.goto("/admin/outbox");
    const mail = admin.getByTestId("outbox-mail").filter({ hasText: to }).filter({ hasText: subject }).first();
    text = (await mail.locator("pre").textContent()) ?? "";
    expect(text).toMatch(/https?:\/\/\S+token=/);
  }).toPass({ timeout: 20_000 });
  const url = new URL(/https?:\/\/\S+token=\S+/.exec(text)![0]);
  return `${url.pathname}${url.search}`;
}

async function signedOutPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("forgot password: the reset mail from the outbox sets a new password and logs the old session out", async ({ browser }) => {
  const { page: oldSession, username } = await signUpNewMember(browser, "reset");
  const email = `${username}@example.test`;
  const page = await signedOutPage(browser);

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Send me a link" }).click();
  const answer = page.getByText(/If an account uses that address, we have sent it a link/);
  await expect(answer).toBeVisible();

  // An address no account uses gets the very same words.
  const other = await signedOutPage(browser);
  await other.goto("/forgot-password");
  await other.getByLabel("Email").fill(`${uniqueUsername("nobody")}@example.test`);
  await other.getByRole("button", { name: "Send me a link" }).click();
  await expect(other.getByRole("status")).toHaveText((await answer.textContent()) ?? "");

  const admin = await logInAsStaff(browser, "e2eadmin");
  const link = await linkFromOutbox(admin, email, /Reset your .* password/);
  expect(link).toMatch(/^\/reset-password\?token=[A-Za-z0-9_-]{43}$/);

  await page.goto(link);
  await page.getByLabel("New password").fill("password");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByText(/most common ones/)).toBeVisible();
  const fresh = "a fresh passphrase after the reset";
  await page.getByLabel("New password").fill(fresh);
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1/);
  await expect(page.getByText(/Your new password is set/)).toBeVisible();

  // The link works once.
  await page.goto(link);
  await expect(page.getByText(/This link has expired or has been used/)).toBeVisible();

  await page.goto("/login");
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("Wrong username, email or password.")).toBeVisible();
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password").fill(fresh);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("link", { name: new RegExp(username) })).toBeVisible();

  // The session that was open before the reset has ended.
  await oldSession.goto("/settings");
  await expect(oldSession).toHaveURL(/\/login/);
});

test("the outbox is for admins only", async ({ browser }) => {
  const { page } = await signUpNewMember(browser, "nosy");
  const response = await page.goto("/admin/outbox");
  expect(response?.status()).toBe(404);
  const moderator = await logInAsStaff(browser, "e2emod");
  expect((await moderator.goto("/admin/outbox"))?.status()).toBe(404);
});

test("settings: confirm the address from its mail, choose mail, and a display name shown on the member's page", async ({ browser }) => {
  const { page, username } = await signUpNewMember(browser, "settle");
  const email = `${username}@example.test`;
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByTestId("email-status")).toHaveText(`${email}: not confirmed`);

  const admin = await logInAsStaff(browser, "e2eadmin");
  const link = await linkFromOutbox(admin, email, /Confirm your email address/);
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByText(`Thank you: ${email} is confirmed.`)).toBeVisible();
  await page.goto("/settings");
  await expect(page.getByTestId("email-status")).toHaveText(`${email}: confirmed`);

  await page.getByLabel(/someone mentions me/).check();
  await page.getByRole("button", { name: "Save mail choices" }).click();
  await expect(page.getByText("Your mail choices are saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/someone mentions me/)).toBeChecked();
  await expect(page.getByLabel(/once a day/)).not.toBeChecked();

  await page.getByLabel("Display name").fill("Ada <Lovelace>");
  await page.getByRole("button", { name: "Save the name" }).click();
  await expect(page.getByText("Your display name is saved.")).toBeVisible();
  await page.goto(`/users/${username}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${username} (Ada <Lovelace>)`);

  // A new address is unconfirmed again until its own link is followed.
  const next = `${uniqueUsername("moved")}@example.test`;
  await page.goto("/settings");
  await page.getByLabel("New email address").fill(next);
  await page.getByLabel("Current password").first().fill(PASSWORD);
  await page.getByRole("button", { name: "Change the address" }).click();
  await expect(page.getByText(/We have sent a link to the new address/)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("email-status")).toHaveText(`${next}: not confirmed`);
});

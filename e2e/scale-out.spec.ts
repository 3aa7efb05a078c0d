import { expect, test, type APIRequestContext } from "@playwright/test";
import { askQuestion, logInAsStaff, postAnswer, signUpNewMember } from "./helpers";

// Two app servers on one PostgreSQL and one Redis (scripts/test.mjs starts the second one for
// the PostgreSQL run). The second keeps cached pages for ten minutes, so a fresh page there
// after a write on the first proves the invalidation travelled through Redis.
const second = process.env.SECOND_BASE_URL ?? "";
test.skip(!second, "needs the second app server of the PostgreSQL run");

async function signedOutGet(request: APIRequestContext, path: string) {
  const res = await request.get(`${second}${path}`, { headers: { cookie: "" } });
  expect(res.status()).toBe(200);
  return { cache: res.headers()["x-forum-cache"], html: await res.text() };
}

/** Reads a page on the second server until its cache answers, so the next read is a hit. */
async function warm(request: APIRequestContext, path: string) {
  await expect.poll(async () => (await signedOutGet(request, path)).cache).toBe("HIT");
}

test("an answer posted on one server shows at once on the other's cached page", async ({ browser, request }) => {
  const asker = await signUpNewMember(browser, "scaleask");
  const path = await askQuestion(asker.page, "Which server answers after a load balancer?", "One app server caches the page, the other takes the write; does the cache know?");
  await warm(request, path);
  const answerer = await signUpNewMember(browser, "scaleans");
  const body = `The invalidation travels through Redis pub/sub ${Date.now()}.`;
  await postAnswer(answerer.page, path, body);
  const after = await signedOutGet(request, path);
  expect(after.cache).toBe("MISS");
  expect(after.html).toContain(body);
});

test("failed logins count together across servers", async ({ browser }) => {
  const { username } = await signUpNewMember(browser, "scalelock");
  const tryLogin = async (base: string) => {
    const page = await (await browser.newContext(base ? { baseURL: base } : {})).newPage();
    await page.goto("/login");
    await page.getByLabel("Username or email").fill(username);
    await page.getByLabel("Password").fill("wrong password here");
    await page.getByRole("button", { name: "Log in" }).click();
    const text = await page.getByRole("status").textContent();
    await page.context().close();
    return text;
  };
  // Five failures per account per 15 minutes: three on the first server, two on the second.
  for (const base of [undefined, undefined, undefined, second, second]) expect(await tryLogin(base ?? "")).toBe("Wrong username, email or password.");
  expect(await tryLogin("")).toMatch(/Too many failed attempts/);
  expect(await tryLogin(second)).toMatch(/Too many failed attempts/);
});

test("an admin's rule change reaches the other server", async ({ browser, request }) => {
  const admin = await logInAsStaff(browser, "e2eadmin");
  await admin.goto("/admin/rules");
  const field = admin.getByLabel("Edit others' posts");
  const original = await field.inputValue();
  const changed = String(Number(original) + 37);
  // The help page renders the rules on every request: it shows what the second server holds.
  expect((await signedOutGet(request, "/help")).html).toContain(`<td>${original}</td>`);
  try {
    await field.fill(changed);
    await admin.getByRole("button", { name: "Save rules" }).click();
    await expect(admin.getByRole("status")).toBeVisible();
    await expect.poll(async () => (await signedOutGet(request, "/help")).html).toContain(`<td>${changed}</td>`);
  } finally {
    await admin.goto("/admin/rules");
    await admin.getByLabel("Edit others' posts").fill(original);
    await admin.getByRole("button", { name: "Save rules" }).click();
    await expect(admin.getByRole("status")).toBeVisible();
  }
});

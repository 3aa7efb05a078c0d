import { expect, test, type APIResponse } from "@playwright/test";
import { checkAgainstDocument } from "../tests/helpers/openapi-check";
import { signUpNewMember } from "./helpers";

/** A real server's answer, checked against the OpenAPI document as the unit tests check the handlers'. */
async function documented(method: string, template: string, response: APIResponse) {
  const res = new Response(response.status() === 204 ? null : new Uint8Array(await response.body()), { status: response.status(), headers: response.headers() });
  return checkAgainstDocument(method, template, res);
}

test("a member makes a token in Settings, asks and answers with it, revokes it, and it stops working", async ({ browser, request }) => {
  const { page, username } = await signUpNewMember(browser, "apitok");
  await page.goto("/settings");
  await page.getByLabel("Token name").fill("my study bot");
  await page.getByLabel("Expires").selectOption("30");
  await page.getByRole("button", { name: "Make a token" }).click();
  const secretField = page.getByLabel("Your new token");
  await expect(secretField).toHaveValue(/^ppt_/);
  const token = await secretField.inputValue();
  const listed = page.getByRole("list", { name: "Your tokens" }).getByRole("listitem").filter({ hasText: "my study bot" });
  await expect(listed).toContainText("never used");

  // The API request context carries no cookies: only the token speaks for the member.
  const auth = { Authorization: `Bearer ${token}` };
  const me = await documented("GET", "/api/v1/me", await request.get("/api/v1/me", { headers: auth }));
  expect(me.body.username).toBe(username);

  const categories = await documented("GET", "/api/v1/categories", await request.get("/api/v1/categories"));
  const category = (categories.body.items as { id: number; name: string }[]).find((c) => /Computer Science/.test(c.name))!;
  const title = `API question ${Date.now()} about TCP windows`;
  const asked = await documented("POST", "/api/v1/questions", await request.post("/api/v1/questions", { headers: auth, data: { title, body: "How does the **receive window** limit a sender?", categoryId: category.id, tags: ["e2e", "tcp"] } }));
  expect(asked.status).toBe(201);
  const answered = await documented("POST", "/api/v1/questions/{questionId}/answers", await request.post(`/api/v1/questions/${asked.body.id}/answers`, { headers: auth, data: { body: "The sender never has more unacknowledged bytes than the window." } }));
  expect(answered.status).toBe(201);

  // The forum shows what the API wrote, and the API reads it back.
  await page.goto(asked.body.links.html);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator(".answer", { hasText: "never has more unacknowledged bytes" })).toBeVisible();
  const answers = await documented("GET", "/api/v1/questions/{questionId}/answers", await request.get(`/api/v1/questions/${asked.body.id}/answers`));
  expect(answers.body.items).toHaveLength(1);
  const tag = await documented("GET", "/api/v1/tags/{name}", await request.get("/api/v1/tags/tcp"));
  expect(tag.body.questionCount).toBeGreaterThan(0);

  await page.goto("/settings");
  await expect(listed).toContainText("last used");
  page.once("dialog", (d) => void d.accept());
  await listed.getByRole("button", { name: "Revoke" }).click();
  await expect(listed).toHaveCount(0);
  const refused = await documented("GET", "/api/v1/me", await request.get("/api/v1/me", { headers: auth }));
  expect(refused.status).toBe(401);
  expect(refused.headers.get("content-type")).toBe("application/problem+json");
});

test("through the real server: CORS for any origin without credentials, problems for bad addresses, the document", async ({ request }) => {
  const preflight = await request.fetch("/api/v1/questions", { method: "OPTIONS", headers: { Origin: "https://elsewhere.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type" } });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
  expect(preflight.headers()["access-control-allow-credentials"]).toBeUndefined();
  const list = await documented("GET", "/api/v1/questions", await request.get("/api/v1/questions?pageSize=1&page=2", { headers: { Origin: "https://elsewhere.example" } }));
  expect(list.body.links.prev).toBe("/api/v1/questions?pageSize=1&page=1");
  expect(list.headers.get("link")).toContain('</api/v1/questions?pageSize=1&page=1>; rel="prev"');
  expect((await documented("GET", "/api/v1/questions/{questionId}", await request.get("/api/v1/questions/abc"))).status).toBe(400);
  expect((await documented("GET", "/api/v1/users/{username}", await request.get("/api/v1/users/a%00b"))).status).toBe(400);
  expect((await documented("GET", "/api/v1/search", await request.get("/api/v1/search?q=%00"))).status).toBe(400);
  expect((await documented("POST", "/api/v1/questions", await request.post("/api/v1/questions", { data: { title: "x" } }))).status).toBe(401);
  const unknown = await request.get("/api/v1/nothing/here");
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()["content-type"]).toBe("application/problem+json");
  const doc = await request.get("/api/v1/openapi.json");
  expect((await doc.json()).openapi).toBe("3.1.0");
  const flagship = await documented("GET", "/api/v1/questions/{questionId}", await request.get("/api/v1/questions/1"));
  expect(flagship.body.bodyHtml).toContain("👋");
  // The flagship's best answer holds its comparison table, rendered and sanitized.
  const best = await documented("GET", "/api/v1/answers/{answerId}", await request.get(`/api/v1/answers/${flagship.body.bestAnswerId}`));
  expect(best.body.isBest).toBe(true);
  expect(best.body.bodyHtml).toContain("<table>");
  expect(best.body.bodyMarkdown).toContain("|");
});

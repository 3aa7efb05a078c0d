import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { askQuestion, logInAsStaff, logInWithoutJavaScript, signUpNewMember } from "./helpers";

/** A real PNG with a visible pattern, made here as a member's screenshot would be. */
async function diagramPng(width = 480, height = 240): Promise<Buffer> {
  const stripes = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#0b5cad"/><rect x="20" y="20" width="${width / 2}" height="${height / 3}" fill="#ffd166"/></svg>`,
  );
  return sharp(stripes).png().toBuffer();
}

/** The admin gives a member points by hand (the ledger's adjustment), as /admin/members does. */
async function adjustPoints(admin: Page, username: string, delta: number): Promise<void> {
  await admin.goto(`/admin/members?q=${encodeURIComponent(username)}`);
  const row = admin.getByRole("row", { name: `Member ${username}` });
  await row.getByLabel("Points (+/-)").fill(String(delta));
  await row.getByLabel("Reason").last().fill("images e2e: may add images");
  await row.getByRole("button", { name: "Adjust points" }).click();
  await expect(row.getByText("Points adjusted.")).toBeVisible();
}

test("a member adds an image through the editor and it shows in the posted answer; bad files are refused by the editor", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "imgask");
  const path = await askQuestion(asker.page, "How do I read this network diagram image?", "The diagram shows a client, a server and a peer; which is which?");
  const answerer = await signUpNewMember(browser, "imgans");
  const page = answerer.page;
  await page.goto(path);
  const control = page.locator(".editor-images");
  const input = control.locator("input[type=file]");
  const status = control.getByRole("status");

  // Below the threshold: refused in the status region, nothing inserted.
  await input.setInputFiles({ name: "diagram.png", mimeType: "image/png", buffer: await diagramPng() });
  await expect(status).toContainText(/You need \d+ points to add images/);
  await expect(page.getByLabel("Your answer")).toHaveValue("");

  const admin = await logInAsStaff(browser, "e2eadmin");
  await adjustPoints(admin, answerer.username, 10);

  await page.reload();
  await input.setInputFiles({ name: "client-server diagram.png", mimeType: "image/png", buffer: await diagramPng() });
  await expect(status).toHaveText("Added client-server diagram.png.");
  const field = page.getByLabel("Your answer");
  await expect(field).toHaveValue(/^!\[client server diagram\]\(\/uploads\/[A-Za-z0-9_-]{22}\/original\.png\)\n\n$/);
  const markdown = await field.inputValue();
  const src = /\((\/uploads\/[^)]+)\)/.exec(markdown)![1]!;

  // A file that lies about its type: HTML named as a PNG. And an SVG.
  await input.setInputFiles({ name: "innocent.png", mimeType: "image/png", buffer: Buffer.from("<!doctype html><script>alert(1)</script>") });
  await expect(status).toContainText("That file is HTML, not an image.");
  await input.setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await expect(status).toContainText("SVG images are not taken");
  await expect(field).toHaveValue(markdown);

  await field.press("End");
  await field.pressSequentially("The yellow box is the client; the blue is the network between peers.");
  await page.getByRole("button", { name: "Post your answer" }).click();
  const answer = page.locator(".answer", { hasText: "The yellow box is the client" });
  await expect(answer).toBeVisible();
  const img = answer.locator(`img[src="${src}"]`);
  await expect(img).toHaveAttribute("alt", "client server diagram");
  // Loaded, not blocked by the CSP or refused by the server.
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(480);

  const served = await page.request.get(src);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  expect(served.headers()["cache-control"]).toContain("immutable");
  await page.screenshot({ path: "/tmp/images-answer.png", fullPage: false });
});

test("without JavaScript, the upload page takes a file and gives the Markdown to copy", async ({ browser }) => {
  const member = await signUpNewMember(browser, "imgnojs");
  const admin = await logInAsStaff(browser, "e2eadmin");
  await adjustPoints(admin, member.username, 10);
  const page = await logInWithoutJavaScript(browser, member.username, "/images/new");
  await expect(page.getByRole("heading", { name: "Add an image" })).toBeVisible();
  await page.getByLabel(/Image \(PNG, JPEG, WebP or GIF/).setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: await sharp(await diagramPng(1600, 800)).jpeg().toBuffer() });
  await page.getByRole("button", { name: "Upload" }).click();
  const copy = page.getByLabel("Copy this into your post:");
  await expect(copy).toHaveValue(/^\[!\[photo\]\(\/uploads\/[A-Za-z0-9_-]{22}\/display\.jpg\)\]\(\/uploads\/[A-Za-z0-9_-]{22}\/original\.jpg\)$/);
  await expect.poll(() => page.locator(".image-upload-preview").evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1280);

  await page.getByLabel(/Image \(PNG, JPEG, WebP or GIF/).setInputFiles({ name: "empty.png", mimeType: "image/png", buffer: Buffer.alloc(0) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("alert")).toHaveText("That file is empty.");
});

/**
 * Writing comforts (issue 23): code highlighted by the server, the editor's toolbar, drafts kept
 * on the server for the answer box and the ask form, and edit summaries in the history.
 */
import { createRequire } from "node:module";
import { expect, test, type Page } from "@playwright/test";
import { askQuestion, logInWithoutJavaScript, signUpNewMember, uniqueUsername } from "./helpers";

const require = createRequire(import.meta.url);

async function contrastViolations(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe;
    const { violations } = await axe.run({ include: [include] }, { runOnly: ["color-contrast"] });
    return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html}`));
  }, selector);
}

test("a code block is highlighted by the server, readable in light and dark", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "coder");
  const title = `Why does this closure ${uniqueUsername("q")} keep its value?`;
  const body = 'My code:\n\n```js\n// counts calls\nfunction counter(start) {\n  let n = start ?? 0;\n  return () => `call ${++n}`;\n}\nconst re = /a+b/g, s = "text", big = 42n;\n```\n\n```klingon\nqapla <b>\n```';
  const path = await askQuestion(asker.page, title, body);
  // The reader's HTML already holds the spans: no script draws them (and signed-out readers get none).
  const reader = await (await browser.newContext({ bypassCSP: true })).newPage();
  const html = await (await reader.request.get(path)).text();
  expect(html).toContain('<span class="hljs-keyword">function</span>');
  expect(html).toContain('<code class="hljs language-klingon">qapla &#x3C;b>');
  const code = asker.page.locator(".prose pre code.language-js");
  await expect(code.locator(".hljs-comment")).toHaveText("// counts calls");
  await expect(code.locator(".hljs-string").first()).toBeVisible();

  for (const colorScheme of ["light", "dark"] as const) {
    await reader.emulateMedia({ colorScheme });
    await reader.goto(path);
    expect(await contrastViolations(reader, ".prose pre"), colorScheme).toEqual([]);
  }
});

test("the toolbar formats by click and by keyboard, in the tab order", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "tools");
  const path = await askQuestion(asker.page, `Toolbar test ${uniqueUsername("q")} on a question`, "A question body long enough to be posted here.");
  const { page } = await signUpNewMember(browser, "toolsans");
  await page.goto(path);
  const field = page.getByLabel("Your answer");
  const toolbar = page.getByRole("group", { name: "Formatting" });
  await expect(toolbar.getByRole("button")).toHaveText(["B", "Code", "Link", "List", "Quote", "Table"]);

  await field.fill("make this strong");
  await field.press("ControlOrMeta+a");
  await field.press("ControlOrMeta+b");
  await expect(field).toHaveValue("**make this strong**");
  // An edit as typing is: undone by the browser's own undo.
  await field.press("ControlOrMeta+z");
  await expect(field).toHaveValue("make this strong");
  await field.press("ControlOrMeta+a");
  await field.press("ControlOrMeta+b");
  await expect(field).toHaveValue("**make this strong**");
  // Typing replaces the placeholder a shortcut selects.
  await field.press("End");
  await field.press("Enter");
  await field.press("ControlOrMeta+k");
  await page.keyboard.type("https://example.org");
  await expect(field).toHaveValue("**make this strong**\n[link text](https://example.org)");

  // The buttons come before the field in the tab order, each with its name, focus visible.
  await page.getByRole("button", { name: "Bold" }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Code" })).toBeFocused();
  const outline = await page.getByRole("button", { name: "Code" }).evaluate((b) => getComputedStyle(b).outlineStyle);
  expect(outline).not.toBe("none");
  await field.fill("one\ntwo");
  await field.press("ControlOrMeta+a");
  await page.getByRole("button", { name: "Bulleted list" }).click();
  await expect(field).toHaveValue("- one\n- two");
  await field.press("ControlOrMeta+End");
  await page.getByRole("button", { name: "Table" }).press("Enter");
  await expect(field).toHaveValue("- one\n- two\n\n| Column | Column |\n| --- | --- |\n| Cell | Cell |\n");
});

test("an answer's draft is kept on the server, restored, cleared by posting, and seen by no one else", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "drafty");
  const path = await askQuestion(asker.page, `Drafts test ${uniqueUsername("q")} about ARP caches`, "How long does a typical ARP cache entry live?");
  const { page } = await signUpNewMember(browser, "drafter");
  await page.goto(path);
  const text = `Usually a few minutes ${uniqueUsername("d")}, but it depends on the OS.`;
  await page.getByLabel("Your answer").fill(text);
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Your answer")).toHaveValue(text);
  await expect(page.getByText("Your draft was restored.")).toBeVisible();
  // Rendered by the server: in the page's HTML, before any script runs.
  expect(await (await page.request.get(path)).text()).toContain(text);

  // Nobody else: not the asker, not a signed-out reader.
  await asker.page.goto(path);
  await expect(asker.page.getByLabel("Your answer")).toHaveValue("");
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(path);
  expect(await anonymous.content()).not.toContain(text);

  // Posting clears it.
  await page.getByRole("button", { name: "Post your answer" }).click();
  await expect(page.locator(".answer", { hasText: text })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Your answer")).toHaveValue("");
  await expect(page.getByRole("button", { name: "Discard draft" })).toBeHidden();
});

test("leaving the page saves at once; Discard draft drops it", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "leaver");
  const path = await askQuestion(asker.page, `Leaving test ${uniqueUsername("q")} about NAT`, "Does NAT break end-to-end connectivity for peers?");
  const { page } = await signUpNewMember(browser, "leaverans");
  await page.goto(path);
  const text = `Typed just before leaving ${uniqueUsername("l")}`;
  await page.getByLabel("Your answer").fill(text);
  // Gone before the save's delay: pagehide sends it.
  await page.goto("/");
  await expect.poll(async () => (await (await page.request.get(path)).text()).includes(text)).toBe(true);
  await page.goto(path);
  await expect(page.getByLabel("Your answer")).toHaveValue(text);
  await page.getByRole("button", { name: "Discard draft" }).click();
  await expect(page.getByLabel("Your answer")).toHaveValue("");
  await expect(page.getByText("Draft discarded.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Your answer")).toHaveValue("");
});

test("without JavaScript a kept draft is in the form, and Discard draft posts the form and comes back", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "nojs");
  const path = await askQuestion(asker.page, `No-script draft ${uniqueUsername("q")} about MTU`, "What happens when a packet exceeds the path MTU?");
  const { page, username } = await signUpNewMember(browser, "nojsans");
  await page.goto(path);
  const text = `Fragmentation or an ICMP error ${uniqueUsername("n")}`;
  await page.getByLabel("Your answer").fill(text);
  await expect(page.getByText("Draft saved.")).toBeVisible();
  const plain = await logInWithoutJavaScript(browser, username, path);
  await expect(plain.getByLabel("Your answer")).toHaveValue(text);
  await plain.getByRole("button", { name: "Discard draft" }).click();
  await expect(plain).toHaveURL(new RegExp(`${path}$`));
  await expect(plain.getByLabel("Your answer")).toHaveValue("");
  await expect(plain.getByRole("button", { name: "Discard draft" })).toHaveCount(0);
});

test("the ask form keeps its draft, title and tags too, until the question is posted", async ({ browser }) => {
  const { page } = await signUpNewMember(browser, "askdraft");
  await page.goto("/ask");
  const title = `What does a draft ${uniqueUsername("t")} keep?`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Tags").fill("drafts, e2e");
  await page.getByLabel("Details").fill("Everything I typed, I hope, including this body.");
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Tags")).toHaveValue("drafts, e2e");
  await expect(page.getByLabel("Details")).toHaveValue("Everything I typed, I hope, including this body.");
  await page.getByLabel("Category").selectOption({ label: "💻 Computer Science & Technology" });
  await page.getByRole("button", { name: "Post your question" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.goto("/ask");
  await expect(page.getByLabel("Title")).toHaveValue("");
});

test("an edit summary is shown in the history", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "summer");
  const path = await askQuestion(asker.page, `Edit summary test ${uniqueUsername("q")} on DNS`, "Why does DNS use UDP for most queries?");
  await asker.page.getByRole("link", { name: "Edit", exact: true }).first().click();
  await asker.page.getByLabel("Details").fill("Why does DNS use UDP for most queries, and TCP for some?");
  await asker.page.getByLabel("Edit summary").fill("Asked about TCP too");
  await asker.page.getByRole("button", { name: "Save edits" }).click();
  await expect(asker.page).toHaveURL(new RegExp(`${path}$`));
  const id = path.split("/")[2];
  await asker.page.goto(`/history/questions/${id}`);
  await expect(asker.page.getByText("Edit summary: Asked about TCP too")).toBeVisible();
});

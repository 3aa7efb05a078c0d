import { expect, test, type Page } from "@playwright/test";
import { askQuestion, logInAsStaff, postAnswer, signUpNewMember } from "./helpers";

/** Marks the page, so that a reload (which would drop the mark) fails the test. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
/** The live notice: a polite status of its own (the scores are live regions too). */
const notice = (page: Page) => page.locator(".live-notice[role=status]");
const stillSamePage = async (page: Page) => expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);

test("readers already on a thread see a new answer, its score and the best-answer mark arrive without reloading", async ({ browser }) => {
  const asker = await signUpNewMember(browser, "livea");
  const helper = await signUpNewMember(browser, "liveb");
  const path = await askQuestion(asker.page, `Why does QUIC run over UDP? ${asker.username}`, "It reimplements reliability itself: why not a new IP protocol next to TCP?");

  // A signed-out reader, on the cached page with its one small script, and the asker, signed in.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(path);
  await expect(reader.locator("script[src]")).toHaveAttribute("src", /^\/_forum\/live-thread\.[\w-]+\.js$/);
  await asker.page.goto(path);
  await expect(asker.page.getByRole("link", { name: "Inbox" })).toHaveAccessibleName("Inbox");
  // The asker's other tab, a page React renders: its header follows too.
  const home = await asker.page.context().newPage();
  await home.goto("/");
  for (const page of [reader, asker.page, home]) await markPage(page);
  // Both streams are open before anything happens (the page opens its stream once loaded).
  await reader.waitForTimeout(500);

  const body = "Middleboxes drop anything that is not TCP or UDP, and kernels update slowly; UDP gets through.";
  await postAnswer(helper.page, path, body);

  for (const page of [reader, asker.page]) {
    await expect(notice(page)).toHaveText("1 new answer Show");
    await expect(page.locator(".answer", { hasText: body })).toHaveCount(0);
  }
  // The asker's header counts the notice of the answer, in place.
  for (const page of [asker.page, home]) await expect(page.getByRole("link", { name: /^Inbox/ })).toHaveAccessibleName("Inbox, 1 unread");
  await expect(home.locator(".inbox-badge")).toHaveText("1");
  await stillSamePage(home);

  await reader.getByRole("button", { name: "Show" }).click();
  const answer = reader.locator(".answer", { hasText: body });
  await expect(answer).toBeVisible();
  await expect(answer).toBeFocused();
  await expect(reader.getByRole("button", { name: "Show" })).toHaveCount(0);
  await asker.page.getByRole("button", { name: "Show" }).click();
  await expect(asker.page.locator(".answer", { hasText: body })).toBeVisible();

  // A moderator's upvote: the score changes in place for both.
  const moderator = await logInAsStaff(browser, "e2emod");
  await moderator.goto(path);
  await moderator.locator(".answer", { hasText: body }).getByRole("button", { name: "Upvote", exact: true }).click();
  await expect(answer.locator("output.vote-score")).toHaveText("Score 1");
  await expect(asker.page.locator(".answer", { hasText: body }).locator("output.vote-score")).toHaveText("Score 1");

  // The asker picks it: the reader sees the mark in place.
  await asker.page.locator(".answer", { hasText: body }).getByRole("button", { name: "✓ Pick as best answer" }).click();
  await expect(reader.getByRole("article", { name: "Best answer" })).toContainText(body);
  await expect(answer.locator(".best-badge")).toHaveText("✅ Best Answer");

  // A comment is announced too.
  const comments = moderator.getByRole("region", { name: "Comments on this question" });
  await comments.getByText("Add a comment").click();
  await comments.getByLabel("Comment", { exact: true }).fill("Also: UDP lets QUIC live in user space and ship with the app.");
  await comments.getByRole("button", { name: "Add comment" }).click();
  await expect(notice(reader)).toHaveText("1 new comment Show");
  await reader.getByRole("button", { name: "Show" }).click();
  await expect(reader.getByText("ship with the app")).toBeVisible();

  await stillSamePage(reader);
  await stillSamePage(asker.page);
});

// Two app servers sharing Redis (the PostgreSQL run of scripts/test.mjs): the reader's stream
// is on the second server, the answer is written on the first.
const second = process.env.SECOND_BASE_URL ?? "";
test("a reader on another app server sees the answer, through Redis", async ({ browser }) => {
  test.skip(!second, "needs the second app server of the PostgreSQL run");
  const asker = await signUpNewMember(browser, "livec");
  const helper = await signUpNewMember(browser, "lived");
  const path = await askQuestion(asker.page, `Does TLS 1.3 need a round trip less? ${asker.username}`, "Compared with TLS 1.2, where does the saved round trip come from?");
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${second}${path}`);
  await markPage(reader);
  await reader.waitForTimeout(500);
  const body = "The client sends its key share in the first flight, so the server can finish in one reply.";
  await postAnswer(helper.page, path, body);
  await expect(notice(reader)).toHaveText("1 new answer Show");
  await reader.getByRole("button", { name: "Show" }).click();
  await expect(reader.locator(".answer", { hasText: body })).toBeVisible();
  await stillSamePage(reader);
});

test("a dropped stream comes back with growing pauses, naming the last state it had, and catches up", async ({ browser }) => {
  test.setTimeout(120_000);
  const asker = await signUpNewMember(browser, "livee");
  const helper = await signUpNewMember(browser, "livef");
  const path = await askQuestion(asker.page, `What does TCP's TIME_WAIT protect? ${asker.username}`, "Why does the side that closes first wait twice the segment lifetime?");
  const reader = await (await browser.newContext()).newPage();
  // Keeps the page's streams reachable, to drop one as a network would.
  await reader.addInitScript(() => {
    const Original = window.EventSource;
    const streams: EventSource[] = [];
    (window as unknown as { liveStreams: EventSource[] }).liveStreams = streams;
    window.EventSource = class extends Original {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        streams.push(this);
      }
    };
  });
  const attempts: { at: number; url: string }[] = [];
  reader.on("request", (req) => new URL(req.url()).pathname === "/_forum/live" && attempts.push({ at: Date.now(), url: req.url() }));
  await reader.goto(path);
  await markPage(reader);
  await expect.poll(() => attempts.length).toBe(1);
  await reader.waitForTimeout(300);

  // The server is away: every attempt fails, and the stream open now drops.
  const stream = (url: URL) => url.pathname === "/_forum/live";
  await reader.route(stream, (route) => route.fulfill({ status: 503, body: "away" }));
  await reader.evaluate(() => (window as unknown as { liveStreams: EventSource[] }).liveStreams[0]!.dispatchEvent(new Event("error")));
  await expect.poll(() => attempts.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
  const gaps = attempts.slice(1, 4).map((a, i) => a.at - attempts[i]!.at);
  // 1 s, 2 s, 4 s, each shortened by up to half: the third pause is always longer than the first.
  expect(gaps[2]!, `pauses ${gaps.join(", ")} ms`).toBeGreaterThan(gaps[0]!);
  for (const a of attempts.slice(1)) expect(a.url).toMatch(/[?&]last=[\w-]+/);

  // Meanwhile an answer; the server comes back, and the next attempt brings the page up to date.
  const body = "It keeps late segments of the old connection from landing in a new one on the same ports.";
  await postAnswer(helper.page, path, body);
  await reader.unroute(stream);
  // The next attempt comes after the pause then due: up to 16 s, or 32 s if a fifth attempt
  // failed while the answer was being posted on a slow machine.
  await expect(notice(reader)).toHaveText("1 new answer Show", { timeout: 45_000 });
  await stillSamePage(reader);
});

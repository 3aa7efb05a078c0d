/**
 * The thread page, for every reader, served here rather than by Next: the components in
 * components/html/thread render it to bytes, from the thread's data kept in memory
 * (lib/data/thread-cache.ts) and the reader's session kept in memory
 * (lib/auth/session-member.ts), so a member's repeat read makes no query and runs no framework.
 * Signed-out readers' pages go into the page cache (server/anonymous-cache.ts) like any other.
 *
 * Each post's HTML is kept per thread version and per reader's part in it (post-part.ts): most
 * members have no part in most posts, so they share one render of each, and a member with a
 * part in a post (their vote, their post, the asker's Pick) gets that post rendered for them.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { renderAnswer, renderQuestion, ThreadPage } from "../components/html/thread/thread-page";
import { postPart, type PostPart } from "../components/html/thread/post-part";
import { threadHeadHtml } from "../components/html/thread/thread-head";
import { questionDescription } from "../lib/web/html-text";
import { forumAssets, type ForumAssets } from "../lib/assets";
import type { SessionMember } from "../lib/auth/session-member";
import { cookieJar } from "../lib/auth/session-token";
import { findDraft } from "../lib/data/drafts";
import type { AnswerOrder } from "../lib/data/thread";
import { loadPublicThread, type PublicThread } from "../lib/data/thread-cache";
import { clearNoticeCookie, NOTICE_COOKIE, readNotice, type Notice } from "../lib/notices";
import { parseOpenForms, type OpenForms } from "../lib/open-forms";
import { questionPath } from "../lib/paths";
import { isModerator } from "../lib/permissions";
import { findSessionMember } from "../lib/auth/session-member";
import { readSessionToken } from "../lib/auth/session-token";
import { hasSessionCookie, serveWithAnonymousCache, type Handler } from "./anonymous-cache";
import { captureHtml } from "./html-capture";
import { plainPageTransform } from "./plain-html";
import { contentSecurityPolicyFor } from "./security-headers";
import { answerPageFailure } from "./unavailable";

const THREAD_PATH = /^\/questions\/([1-9]\d{0,8})(?:\/([^/]*))?\/?$/;
/** Whether a path is a thread page's: all of /questions/ (a bad id is this page's 404 to answer). */
export const isThreadPath = (pathname: string) => pathname.startsWith("/questions/");

// Per thread version (the shared value a write replaces), each post's bytes by the reader's part:
// kept encoded, since encoding a whole page's string to UTF-8 on every read cost more than
// rendering the reader's parts of it.
const MAX_KEPT_PER_THREAD = 1_000;
const keptPosts = new WeakMap<PublicThread, Map<string, Buffer>>();

function keptPost(shared: PublicThread, key: string, render: () => string): Buffer {
  let posts = keptPosts.get(shared);
  if (!posts) keptPosts.set(shared, (posts = new Map()));
  let bytes = posts.get(key);
  if (bytes === undefined) {
    bytes = Buffer.from(render());
    if (posts.size < MAX_KEPT_PER_THREAD) posts.set(key, bytes);
  }
  return bytes;
}

const partKey = (post: string, part: PostPart, back: string) => `${post}|${back}|${JSON.stringify(part)}`;

// Where the kept posts go in the page ThreadPage renders around them. The page is rendered with
// these comments in the posts' places and cut at them: every user text around them is escaped,
// so no `<!--` of a member's can stand in for one, and the random part cannot be guessed.
const slotToken = randomUUID();
const QUESTION_SLOT = `<!--question:${slotToken}-->`;
const ANSWERS_SLOT = `<!--answers:${slotToken}-->`;

type PageInputs = { shared: PublicThread; reader: SessionMember | null; order: AnswerOrder; opened: OpenForms; notice: Notice | null; assets: ForumAssets; draft?: string | null };

/** The whole page for one reader, as bytes: each post from the kept renders when its part matches. */
export function threadPageBytes({ shared, reader, order, opened, notice, assets, draft }: PageInputs): Buffer {
  const { question, answers } = shared.thread;
  const canonical = questionPath(question);
  const back = order === "newest" ? `${canonical}?answers=newest` : canonical;
  const questionPart = postPart(reader, shared, { kind: "question", id: question.id, authorId: question.authorId, deletedAt: question.deletedAt }, shared.comments.question, opened, notice);
  const questionBytes = keptPost(shared, partKey("q", questionPart, back), () => renderQuestion(shared, questionPart, back));
  const answerBytes = answers.map((a) => {
    const part = postPart(reader, shared, { kind: "answer", id: a.id, authorId: a.authorId, deletedAt: a.deletedAt }, shared.comments.answers[a.id] ?? [], opened, notice);
    return keptPost(shared, partKey(`a${a.id}`, part, back), () => renderAnswer(shared, a, part, back));
  });
  const description = questionDescription(question);
  const posts = { question: QUESTION_SLOT, answers: [ANSWERS_SLOT] };
  const page = String(ThreadPage({ shared, reader, order, back, posts, assets, description, draft, head: threadHeadHtml(shared, description) }));
  const q = page.indexOf(QUESTION_SLOT);
  const a = page.indexOf(ANSWERS_SLOT, q);
  if (q === -1 || a === -1) throw new Error("The thread page lost a slot for its posts.");
  return Buffer.concat([
    Buffer.from(page.slice(0, q)),
    questionBytes,
    Buffer.from(page.slice(q + QUESTION_SLOT.length, a)),
    ...answerBytes,
    Buffer.from(page.slice(a + ANSWERS_SLOT.length)),
  ]);
}

/** The same page as text (for tests and anything else that reads it rather than sends it). */
export const threadPageHtml = (inputs: PageInputs): string => threadPageBytes(inputs).toString("utf8");

/**
 * Answers a GET or HEAD for a thread path: the page, a redirect to its canonical address, or
 * (through `notFound`) Next's 404. `reader` is the signed-in member, or null.
 */
export async function serveThreadPage(req: IncomingMessage, res: ServerResponse, url: URL, reader: SessionMember | null, notFound: Handler): Promise<void> {
  const match = THREAD_PATH.exec(url.pathname);
  const id = match ? Number(match[1]) : null;
  const order: AnswerOrder = url.searchParams.get("answers") === "newest" ? "newest" : "votes";
  const moderator = reader !== null && isModerator(reader);
  const shared = id ? await loadPublicThread(id, order, { includeHidden: moderator }) : null;
  if (!shared) return notFound(req, res);
  const { question } = shared.thread;

  const canonical = questionPath(question);
  if (url.pathname !== canonical) {
    res.statusCode = 308;
    res.setHeader("Location", `${canonical}${url.search}`);
    res.setHeader("Cache-Control", "no-store");
    return void res.end();
  }

  const opened = parseOpenForms({ flag: url.searchParams.get("flag") ?? undefined, comment: url.searchParams.get("comment") ?? undefined });
  const notice = reader ? readNotice(cookieJar(req.headers.cookie).get(NOTICE_COOKIE)?.value) : null;
  // The reader's draft answer, looked for only when they keep any (most members, most reads: no query).
  const draft = reader && reader.drafts > 0 ? ((await findDraft(reader.id, question.id))?.body ?? null) : null;
  const html = threadPageBytes({ shared, reader, order, opened, notice, assets: forumAssets(), draft });

  res.statusCode = 200;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  // A member's page is theirs alone; a signed-out reader's is the page cache's to keep.
  if (reader) res.setHeader("Cache-Control", "private, no-store");
  if (notice) res.setHeader("Set-Cookie", clearNoticeCookie);
  res.setHeader("Content-Security-Policy", contentSecurityPolicyFor(html));
  res.setHeader("Content-Length", html.length);
  res.end(req.method === "HEAD" ? undefined : html);
}

/**
 * A request for a thread path. Signed out: through the page cache. With a session cookie: the
 * member it names (or, for an ended session, the signed-out page, not cached). A client-side
 * navigation of Next's router asks for an RSC payload, which only Next can write: answered with
 * no content, which its router takes as the sign to load the page as a document (README: "Thread
 * pages outside Next").
 */
export async function serveThread(req: IncomingMessage, res: ServerResponse, url: URL, notFound: Handler): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") return notFound(req, res);
  if (req.headers.rsc || url.searchParams.has("_rsc")) {
    res.statusCode = 204;
    res.setHeader("Cache-Control", "no-store");
    return void res.end();
  }
  try {
    if (!hasSessionCookie(req)) return await serveWithAnonymousCache(req, res, url, () => serveThreadPage(req, res, url, null, notFound), null);
    res.setHeader("X-Forum-Cache", "BYPASS");
    const session = await readSessionToken(cookieJar(req.headers.cookie));
    const reader = session ? await findSessionMember(session.uid, session.sv) : null;
    // Next's 404 page gets its CSP (and its plain form) as every page Next writes does; the
    // thread page itself sets its own, from bytes it already holds.
    const capturedNotFound: Handler = (rq, rs) => {
      captureHtml(rs, () => {}, plainPageTransform(url.pathname));
      return notFound(rq, rs);
    };
    await serveThreadPage(req, res, url, reader, capturedNotFound);
  } catch (err) {
    answerPageFailure(res, url, err);
  }
}

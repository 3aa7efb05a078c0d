/**
 * A thread kept live (every reader's: the members' script and the signed-out readers' small
 * one both start it). The page holds one server-sent-events stream (server/live-stream.ts) that
 * sends the thread's state when it changes: scores and the best-answer mark change in place;
 * new answers and comments are announced ("1 new answer · Show", a polite status) and shown on
 * request, as the server renders the thread for this reader (refresh-thread.ts). A member's
 * header (unread count, points) follows the same stream, and on React's pages a stream of its
 * own (startLiveHeader). After a drop the stream comes back with growing pauses, naming the last
 * state it had, and is sent the current one if it differs.
 */
import type { MemberState, ThreadState } from "../live/hub";
import { refreshThread, THREAD_REPLACED, threadRefreshing } from "./refresh-thread";

const THREAD = "main .thread";
const MAX_PAUSE_MS = 60_000;

/** Keeps the thread live when this is a thread's page; false when it is not. */
export function startLiveThread(): boolean {
  const id = /^\/questions\/(\d+)/.exec(location.pathname)?.[1];
  const main = document.querySelector("main");
  if (!id || !main || typeof EventSource === "undefined" || !document.querySelector(THREAD)) return false;
  const notice = document.createElement("div");
  notice.className = "live-notice";
  notice.setAttribute("role", "status");
  main.append(notice);

  let state: ThreadState | null = null;
  let lastId = "";
  const reconcile = () => state && showState(state, notice, show);
  const show = () => {
    const before = new Set([...document.querySelectorAll(".answer[id], .comment[id]")].map((el) => el.id));
    void refreshThread(location.href, null).then(() => {
      reconcile();
      const added = [...document.querySelectorAll<HTMLElement>(".answer[id], .comment[id]")].find((el) => !before.has(el.id));
      if (added) {
        added.tabIndex = -1;
        added.focus();
      }
    });
  };
  document.addEventListener(THREAD_REPLACED, reconcile);
  keepStreamOpen(() => `/_forum/live?thread=${id}${lastId ? `&last=${encodeURIComponent(lastId)}` : ""}`, {
    thread: (e) => {
      lastId = e.lastEventId;
      state = JSON.parse(e.data) as ThreadState;
      reconcile();
    },
    member: (e) => showMember(JSON.parse(e.data) as MemberState),
  });
  return true;
}

/** A member's other pages: the header's unread count and points, live. */
export function startLiveHeader(): void {
  if (typeof EventSource === "undefined" || !document.querySelector(".inbox-link")) return;
  keepStreamOpen(() => "/_forum/live", { member: (e) => showMember(JSON.parse(e.data) as MemberState) });
}

/**
 * One stream, opened again by hand after a drop, not by the browser: its pace is fixed, this one
 * backs off (1 s, 2 s, 4 s... up to a minute, each shortened by a random part so pages do not
 * come back together). A page put away in the history cache holds no stream; back, it catches up.
 */
function keepStreamOpen(url: () => string, on: Record<string, (e: MessageEvent<string>) => void>): void {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let openedAt = 0;
  const connect = () => {
    const es = (source = new EventSource(url()));
    es.onopen = () => (openedAt = Date.now());
    for (const [event, listener] of Object.entries(on)) es.addEventListener(event, listener);
    es.onerror = () => {
      es.close();
      if (Date.now() - openedAt > 30_000) failures = 0;
      const pause = Math.min(MAX_PAUSE_MS, 1000 * 2 ** failures++) * (0.5 + Math.random() / 2);
      retry = setTimeout(connect, pause);
    };
  };
  window.addEventListener("pagehide", () => {
    clearTimeout(retry);
    source?.close();
    source = null;
  });
  window.addEventListener("pageshow", (e) => e.persisted && !source && connect());
  connect();
}

/** Scores and the best mark in place; what is new, announced with a button that shows it. */
function showState(state: ThreadState, notice: HTMLElement, show: () => void): void {
  setScore(document.querySelector("article.question"), state.q);
  for (const [answerId, score] of state.a) setScore(document.getElementById(`answer-${answerId}`), score);
  markBest(state.best);
  const answers = state.a.filter(([answerId]) => !document.getElementById(`answer-${answerId}`)).length;
  const comments = state.c.filter((commentId) => !document.getElementById(`comment-${commentId}`)).length;
  // The reader's own post is on its way in: the thread shown again will hold it.
  if (threadRefreshing() || document.querySelector(`${THREAD} form[data-sending]`)) return;
  const said = [answers && plural(answers, "new answer"), comments && plural(comments, "new comment")].filter(Boolean).join(" and ");
  if (notice.dataset.said === said) return;
  notice.dataset.said = said;
  if (!said) return notice.replaceChildren();
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Show";
  button.onclick = show;
  notice.replaceChildren(`${said} `, button);
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

function setScore(post: Element | null, score: number): void {
  const output = post?.querySelector(".post-row > .votes output");
  // The score is the output's last text (after a hidden "Score "), as vote-form.ts reads it.
  if (output?.lastChild && output.lastChild.textContent !== String(score)) output.lastChild.textContent = String(score);
}

/** The mark as components/html/thread/posts.tsx writes it (the asker's Pick buttons follow on the next refresh). */
function markBest(best: number | null): void {
  const current = document.querySelector("article.answer.best");
  if (current && current.id === `answer-${best}`) return;
  if (current) {
    current.classList.remove("best");
    current.querySelector(":scope > .best-badge")?.remove();
    current.setAttribute("aria-label", `Answer by ${current.querySelector(".post-meta .author")?.textContent ?? ""}`);
  }
  const next = best === null ? null : document.getElementById(`answer-${best}`);
  if (!next) return;
  const badge = document.createElement("p");
  badge.className = "best-badge";
  const mark = document.createElement("span");
  mark.setAttribute("aria-hidden", "true");
  mark.textContent = "✅";
  badge.append(mark, " Best Answer");
  next.classList.add("best");
  next.prepend(badge);
  next.setAttribute("aria-label", "Best answer");
}

/** The header's inbox and points, as components/html/site-chrome.tsx writes them. */
function showMember({ unread, points }: MemberState): void {
  const inbox = document.querySelector(".inbox-link");
  if (inbox) {
    inbox.setAttribute("aria-label", unread > 0 ? `Inbox, ${unread} unread` : "Inbox");
    let badge = inbox.querySelector(".inbox-badge");
    if (unread > 0 && !badge) {
      badge = document.createElement("span");
      badge.className = "inbox-badge";
      badge.setAttribute("aria-hidden", "true");
      inbox.append(badge);
    }
    if (badge) badge.textContent = unread > 99 ? "99+" : String(unread);
    if (unread === 0) badge?.remove();
  }
  const account = document.querySelector(".account-link");
  const shown = account?.querySelector(".account-points");
  if (account && shown) {
    // The link is named by its visible text (site-chrome.tsx): only the number changes, and the
    // hidden " points" that completes the name stays.
    const unit = shown.querySelector(".visually-hidden");
    shown.textContent = points.toLocaleString("en-US");
    if (unit) shown.append(unit);
  }
}

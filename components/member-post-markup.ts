import "server-only";
import type { CommentView } from "@/lib/data/comments";
import type { Thread } from "@/lib/data/thread";
import { formatExact, formatRelative } from "@/lib/format";
import { escapeHtml } from "@/lib/html-escape";
import { openFormHref } from "@/lib/open-forms";
import commentStyles from "./comment-list.module.css";
import voteStyles from "./vote-buttons.module.css";

type Answer = Thread["answers"][number];
type Question = Thread["question"];
type ThreadRef = { questionId: number; slug: string };
type PostType = "question" | "answer";

// Every interpolated text and attribute value passes through here.
const esc = escapeHtml;

const time = (date: Date) => `<time dateTime="${esc(date.toISOString())}" title="${esc(formatExact(date))}">${esc(formatRelative(date))}</time>`;

function disclosure(href: string, label: string, className: string, focus: string, linkClass = "") {
  const cls = linkClass ? ` class="${linkClass}"` : "";
  return `<div class="${className}"><a href="${esc(href)}"${cls} aria-expanded="false" data-open-form="${esc(focus)}">${label}</a></div>`;
}

function voteForm(postType: PostType, post: { id: number; score: number }, path: string) {
  const arrow = (direction: "up" | "down", label: string, glyph: string) =>
    `<button type="submit" value="${direction}" class="${voteStyles.arrow}" aria-pressed="false" aria-label="${label}" name="direction"><span aria-hidden="true">${glyph}</span></button>`;
  return (
    `<form class="${voteStyles.votes}" action="/api/votes" method="post" data-vote-form="">` +
    `<input type="hidden" name="back" value="${esc(path)}"/><input type="hidden" name="postType" value="${postType}"/><input type="hidden" name="postId" value="${post.id}"/>` +
    arrow("up", "Upvote", "▲") +
    `<output class="${voteStyles.score}" aria-live="polite" aria-atomic="true"><span class="visually-hidden">Score </span>${post.score}</output>` +
    arrow("down", "Downvote", "▼") +
    `</form>`
  );
}

function comment(c: CommentView, thread: ThreadRef) {
  const edited = c.updatedAt.getTime() > c.createdAt.getTime() ? `<span title="Edited ${esc(formatExact(c.updatedAt))}">edited</span>` : "";
  const flag = disclosure(openFormHref("flag", thread, "comment", c.id), `Flag<span class="visually-hidden"> this comment</span>`, "flag-menu", `#flag-comment-${c.id}-reason`, "disclosure-link");
  return (
    `<li id="comment-${c.id}" class="${commentStyles.comment}"><div class="${commentStyles.body}">${c.bodyHtml}</div>` +
    `<div class="${commentStyles.meta}"><a href="/users/${esc(c.author.username)}">${esc(c.author.username)}</a>${time(c.createdAt)}${edited}${flag}</div></li>`
  );
}

/** The comments under a post and "Add a comment" (comment-list.tsx, for a member). */
function commentSection(postType: PostType, postId: number, comments: CommentView[], thread: ThreadRef, focus: string) {
  const list = comments.length > 0 ? `<ol class="${commentStyles.list}">${comments.map((c) => comment(c, thread)).join("")}</ol>` : "";
  const addComment = disclosure(openFormHref("comment", thread, postType, postId), "Add a comment", commentStyles.add ?? "", focus);
  return `<section class="${commentStyles.comments}" aria-label="Comments on this ${postType}">${list}${addComment}</section>`;
}

const flagLink = (postType: PostType, postId: number, thread: ThreadRef) =>
  disclosure(openFormHref("flag", thread, postType, postId), "Flag", "flag-menu", `#flag-${postType}-${postId}-reason`, "disclosure-link");

/**
 * One answer as most members see it: not theirs, not voted on by them, none of its comments
 * theirs, no form open, a thread that is not locked, and the privilege to comment. It is the
 * markup of components/answer-card.tsx with the vote buttons, flag and comment links of a
 * member (vote-buttons.tsx, flag-menu.tsx, comment-list.tsx closed), as plain HTML: a
 * 30-answer thread rendered through React costs members twice the CPU of the framework's
 * floor, this string almost nothing. It is built once per thread read from the database
 * (app/questions/[id]/[[...slug]]/member-posts.ts) and made live in the browser by
 * components/prebuilt-post-controls.tsx; without JavaScript its forms and links work as the
 * React ones do. Post and comment bodies were sanitized when written (lib/markdown).
 */
export function memberAnswerHtml(answer: Answer, comments: CommentView[], { isBest, thread }: { isBest: boolean; thread: ThreadRef }): string {
  const path = `/questions/${thread.questionId}/${thread.slug}`;
  const label = isBest ? "Best answer" : `Answer by ${esc(answer.author.username)}`;
  const badge = isBest ? `<p class="best-badge"><span aria-hidden="true">✅</span> Best Answer</p>` : "";
  return (
    `<article class="${isBest ? "answer best" : "answer"}" id="answer-${answer.id}" aria-label="${label}">${badge}` +
    `<header class="post-meta"><span class="avatar" aria-hidden="true">${esc(answer.author.username.slice(0, 1).toUpperCase())}</span>` +
    `<a href="/users/${esc(answer.author.username)}" class="author">${esc(answer.author.username)}</a>${time(answer.createdAt)}</header>` +
    `<div class="post-row">${voteForm("answer", answer, path)}<div class="post-main"><div class="prose">${answer.bodyHtml}</div>` +
    `<div class="post-actions"><a href="/history/answers/${answer.id}">History</a></div>` +
    flagLink("answer", answer.id, thread) +
    commentSection("answer", answer.id, comments, thread, `#answer-${answer.id} textarea[name=body]`) +
    `</div></div></article>`
  );
}

/**
 * The question as most members see it, after its header (which holds the member's own Follow
 * button and stays in React): the title, votes, body, category and tags, and the comments, as
 * the page writes them (app/questions/[id]/[[...slug]]/page.tsx), for the same members as
 * memberAnswerHtml.
 */
export function memberQuestionBodyHtml(question: Question, comments: CommentView[], thread: ThreadRef): string {
  const path = `/questions/${thread.questionId}/${thread.slug}`;
  const { category } = question;
  const emoji = category.emoji ? `<span aria-hidden="true">${esc(category.emoji)} </span>` : "";
  const tags = question.tags.length > 0
    ? `<ul class="tags" aria-label="Tags">${question.tags.map(({ tag }) => `<li><a class="tag" href="/tags/${esc(encodeURIComponent(tag.name))}">${esc(tag.name)}</a></li>`).join("")}</ul>`
    : "";
  return (
    `<h1 id="question-title">${esc(question.title)}</h1>` +
    `<div class="post-row">${voteForm("question", question, path)}<div class="post-main"><div class="prose">${question.bodyHtml}</div>` +
    `<footer class="question-footer"><a class="category" href="/categories/${esc(category.slug)}">${emoji}${esc(category.name)}</a>${tags}</footer>` +
    `<div class="post-actions"><a href="/history/questions/${question.id}">History</a></div>` +
    flagLink("question", question.id, thread) +
    commentSection("question", question.id, comments, thread, `section[aria-label="Comments on this question"] textarea[name=body]`) +
    `</div></div>`
  );
}

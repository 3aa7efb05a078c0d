import "server-only";
import type { CommentView } from "@/lib/data/comments";
import type { Thread } from "@/lib/data/thread";
import { formatExact } from "@/lib/format";
import { relativeTimeHtml } from "./relative-time";
import { escapeHtml } from "@/lib/html-escape";
import { openFormHref } from "@/lib/open-forms";
import { privileges } from "@/lib/rules";
import { threadActionPath, type ThreadAction } from "@/lib/thread-actions";
import commentStyles from "./comment-list.module.css";
import voteStyles from "./vote-buttons.module.css";

type Answer = Thread["answers"][number];
type Question = Thread["question"];
type ThreadRef = { questionId: number; slug: string };
type PostType = "question" | "answer";

// Every interpolated text and attribute value passes through here.
const esc = escapeHtml;


function disclosure(href: string, label: string, className: string, focus: string, linkClass = "") {
  const cls = linkClass ? ` class="${linkClass}"` : "";
  return `<div class="${className}"><a href="${esc(href)}"${cls} aria-expanded="false" data-open-form="${esc(focus)}">${label}</a></div>`;
}

/** What of the member reading is in one post: their vote, whether they wrote it, their buttons. */
export type MemberPart = {
  myVote: -1 | 0 | 1;
  /** They wrote the post: Edit and Delete, no vote and no Flag. */
  own: boolean;
  /** Answers: the asker (or a moderator) may pick it as best, or clear the mark. */
  mayPick: boolean;
  /** Answers: the open bounty this member offered and may award to it. */
  awardBountyId: number | null;
  /** Their comments under the post (past the edit window): Delete instead of Flag. */
  ownCommentIds: ReadonlySet<number>;
  /** "Add a comment", or what it takes (lib/rules.ts privileges) when they lack it. */
  canComment: boolean;
};

/** Most members' part in most posts: none. */
export const NO_PART: MemberPart = { myVote: 0, own: false, mayPick: false, awardBountyId: null, ownCommentIds: new Set(), canComment: true };

export const hasNoPart = (p: MemberPart) => p.myVote === 0 && !p.own && !p.mayPick && p.awardBountyId === null && p.ownCommentIds.size === 0 && p.canComment;

/** vote-buttons.tsx's form for a member: pressed as they voted, disabled on their own post. */
function voteForm(postType: PostType, post: { id: number; score: number }, path: string, { myVote, own }: MemberPart) {
  const disabled = own ? ` disabled="" title="You cannot vote on your own post."` : "";
  const arrow = (direction: "up" | "down", vote: 1 | -1, label: string, glyph: string) =>
    `<button type="submit" value="${direction}" class="${voteStyles.arrow}" aria-pressed="${myVote === vote}" aria-label="${myVote === vote ? `Remove ${label.toLowerCase()}` : label}" name="direction"${disabled}><span aria-hidden="true">${glyph}</span></button>`;
  return (
    `<form class="${voteStyles.votes}" action="/api/votes" method="post" data-vote-form="">` +
    `<input type="hidden" name="back" value="${esc(path)}"/><input type="hidden" name="postType" value="${postType}"/><input type="hidden" name="postId" value="${post.id}"/>` +
    arrow("up", 1, "Upvote", "▲") +
    `<output class="${voteStyles.score}" aria-live="polite" aria-atomic="true"><span class="visually-hidden">Score </span>${post.score}</output>` +
    arrow("down", -1, "Downvote", "▼") +
    `</form>`
  );
}

type Button = { label: string; pending: string; className?: string; confirm?: string };

/** action-button.tsx as a plain form: lib/thread-actions.ts says where it posts and what it calls. */
function actionButton(action: ThreadAction, fields: Record<string, number>, path: string, { label, pending, className, confirm }: Button) {
  const inputs = Object.entries(fields).map(([name, value]) => `<input type="hidden" name="${name}" value="${value}"/>`).join("");
  const ask = confirm ? ` data-confirm="${esc(confirm)}"` : "";
  const cls = className ? ` class="${className}"` : "";
  return (
    `<form action="${threadActionPath(action)}" method="post" data-thread-action="${action}" data-pending="${esc(pending)}"${ask}>` +
    `<input type="hidden" name="back" value="${esc(path)}"/>${inputs}<button type="submit"${cls}>${esc(label)}</button></form>`
  );
}

function comment(c: CommentView, thread: ThreadRef, mine: boolean) {
  const path = `/questions/${thread.questionId}/${thread.slug}`;
  const edited = c.updatedAt.getTime() > c.createdAt.getTime() ? `<span title="Edited ${esc(formatExact(c.updatedAt))}">edited</span>` : "";
  const control = mine
    ? actionButton("delete-comment", { commentId: c.id }, path, { label: "Delete", pending: "Deleting…", className: "button-quiet", confirm: "Delete this comment?" })
    : disclosure(openFormHref("flag", thread, "comment", c.id), `Flag<span class="visually-hidden"> this comment</span>`, "flag-menu", `#flag-comment-${c.id}-reason`, "disclosure-link");
  return (
    `<li id="comment-${c.id}" class="${commentStyles.comment}"><div class="${commentStyles.body}">${c.bodyHtml}</div>` +
    `<div class="${commentStyles.meta}"><a href="/users/${esc(c.author.username)}">${esc(c.author.username)}</a>${relativeTimeHtml(c.createdAt)}${edited}${control}</div></li>`
  );
}

/** The comments under a post and "Add a comment" (comment-list.tsx, for a member). */
function commentSection(postType: PostType, postId: number, comments: CommentView[], thread: ThreadRef, focus: string, part: MemberPart) {
  const list = comments.length > 0 ? `<ol class="${commentStyles.list}">${comments.map((c) => comment(c, thread, part.ownCommentIds.has(c.id))).join("")}</ol>` : "";
  const addComment = part.canComment
    ? disclosure(openFormHref("comment", thread, postType, postId), "Add a comment", commentStyles.add ?? "", focus)
    : `<p class="hint">You need ${privileges.commentEverywhere} points to comment on other members&#39; posts.</p>`;
  return `<section class="${commentStyles.comments}" aria-label="Comments on this ${postType}">${list}${addComment}</section>`;
}

const flagLink = (postType: PostType, postId: number, thread: ThreadRef) =>
  disclosure(openFormHref("flag", thread, postType, postId), "Flag", "flag-menu", `#flag-${postType}-${postId}-reason`, "disclosure-link");

/** post-controls.tsx's AnswerControls, then the bounty award and Flag, as the page orders them. */
function answerActions(answer: Answer, isBest: boolean, thread: ThreadRef, path: string, part: MemberPart) {
  const pick = !part.mayPick
    ? ""
    : isBest
      ? actionButton("clear-best", { questionId: thread.questionId }, path, { label: "Remove best answer mark", pending: "Removing…", className: "button-quiet" })
      : actionButton("pick-best", { answerId: answer.id }, path, { label: "✓ Pick as best answer", pending: "Picking…" });
  const edit = part.own ? `<a href="/edit/answers/${answer.id}">Edit</a>` : "";
  const remove = part.own ? actionButton("delete-answer", { answerId: answer.id }, path, { label: "Delete", pending: "Deleting…", className: "button-quiet", confirm: "Delete this answer?" }) : "";
  const award =
    part.awardBountyId !== null && !part.own
      ? actionButton("award-bounty", { bountyId: part.awardBountyId, answerId: answer.id }, path, {
          label: "Award bounty",
          pending: "Awarding…",
          className: "button-quiet",
          confirm: "Award your bounty to this answer? This cannot be undone.",
        })
      : "";
  return `<div class="post-actions">${pick}${edit}<a href="/history/answers/${answer.id}">History</a>${remove}</div>${award}${part.own ? "" : flagLink("answer", answer.id, thread)}`;
}

/**
 * One answer as a member sees it, with their part in it (NO_PART: none, as most members). It is
 * the markup of components/answer-card.tsx with a member's vote buttons, controls, flag and
 * comment links (vote-buttons.tsx, post-controls.tsx, flag-menu.tsx, comment-list.tsx closed),
 * as plain HTML: a 30-answer thread rendered through React costs members twice the CPU of the
 * framework's floor, this string almost nothing. The shared version is built once per thread
 * read from the database (app/questions/[id]/[[...slug]]/member-posts.ts, which also says which
 * posts stay in React) and made live in the browser by lib/enhance (the page as a document) or
 * components/prebuilt-post-controls.tsx (the page reached by a client-side navigation);
 * without JavaScript its forms and links work as the React ones do. Post and comment bodies
 * were sanitized when written (lib/markdown).
 */
export function memberAnswerHtml(answer: Answer, comments: CommentView[], { isBest, thread }: { isBest: boolean; thread: ThreadRef }, part: MemberPart = NO_PART): string {
  const path = `/questions/${thread.questionId}/${thread.slug}`;
  const label = isBest ? "Best answer" : `Answer by ${esc(answer.author.username)}`;
  const badge = isBest ? `<p class="best-badge"><span aria-hidden="true">✅</span> Best Answer</p>` : "";
  return (
    `<article class="${isBest ? "answer best" : "answer"}" id="answer-${answer.id}" aria-label="${label}">${badge}` +
    `<header class="post-meta"><span class="avatar" aria-hidden="true">${esc(answer.author.username.slice(0, 1).toUpperCase())}</span>` +
    `<a href="/users/${esc(answer.author.username)}" class="author">${esc(answer.author.username)}</a>${relativeTimeHtml(answer.createdAt)}</header>` +
    `<div class="post-row">${voteForm("answer", answer, path, part)}<div class="post-main"><div class="prose">${answer.bodyHtml}</div>` +
    answerActions(answer, isBest, thread, path, part) +
    commentSection("answer", answer.id, comments, thread, `#answer-${answer.id} textarea[name=body]`, part) +
    `</div></div></article>`
  );
}

/**
 * The question as a member sees it, after its header (with the member's own Follow button,
 * written by the page through React or by member-thread-markup.ts): the title, votes, body, category and tags, and the comments, as
 * the page writes them (app/questions/[id]/[[...slug]]/page.tsx), as memberAnswerHtml does.
 */
export function memberQuestionBodyHtml(question: Question, comments: CommentView[], thread: ThreadRef, part: MemberPart = NO_PART): string {
  const path = `/questions/${thread.questionId}/${thread.slug}`;
  const { category } = question;
  const emoji = category.emoji ? `<span aria-hidden="true">${esc(category.emoji)} </span>` : "";
  const tags = question.tags.length > 0
    ? `<ul class="tags" aria-label="Tags">${question.tags.map(({ tag }) => `<li><a class="tag" href="/tags/${esc(encodeURIComponent(tag.name))}">${esc(tag.name)}</a></li>`).join("")}</ul>`
    : "";
  return (
    `<h1 id="question-title">${esc(question.title)}</h1>` +
    `<div class="post-row">${voteForm("question", question, path, part)}<div class="post-main"><div class="prose">${question.bodyHtml}</div>` +
    `<footer class="question-footer"><a class="category" href="/categories/${esc(category.slug)}">${emoji}${esc(category.name)}</a>${tags}</footer>` +
    `<div class="post-actions">${part.own ? `<a href="/edit/questions/${question.id}">Edit</a>` : ""}<a href="/history/questions/${question.id}">History</a></div>` +
    (part.own ? "" : flagLink("question", question.id, thread)) +
    commentSection("question", question.id, comments, thread, `section[aria-label="Comments on this question"] textarea[name=body]`, part) +
    `</div></div>`
  );
}

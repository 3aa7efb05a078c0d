import "server-only";
import type { Thread } from "@/lib/data/thread";
import type { AnswerOrder } from "@/lib/data/thread";
import { plural } from "@/lib/format";
import { escapeHtml as esc } from "@/lib/html-escape";
import { limits, rules } from "@/lib/rules";
import { markdownEditorHtml } from "./markdown-editor-markup";
import { relativeTimeHtml } from "./relative-time";

type Question = Thread["question"];

/** The id of the answer form's field, and of the element that shows why a post was refused. */
export const ANSWER_FIELD_ID = "answer-body";
export const ANSWER_ERROR_ID = "answer-body-error";

/**
 * The parts of a member's thread page around the posts, as the page writes them through React
 * (app/questions/[id]/[[...slug]]/page.tsx), for the page written whole as a string
 * (member-posts.ts says when). The two forms post to route handlers instead of server actions:
 * /api/follow and /api/questions/:id/answers, which go back to the thread, and which the
 * page's script calls in place (lib/enhance/answer-form.ts).
 */

/** The question's header: author, time, views, and the member's Follow button (follow-button.tsx). */
export function questionHeaderHtml(question: Question, following: boolean, path: string): string {
  const name = esc(question.author.username);
  const follow =
    `<form action="/api/follow" method="post"><input type="hidden" name="back" value="${esc(path)}"/><input type="hidden" name="target" value="question"/>` +
    `<input type="hidden" name="id" value="${question.id}"/><input type="hidden" name="follow" value="${following ? "0" : "1"}"/>` +
    `<button type="submit" class="button-quiet" aria-pressed="${following}" title="Hear about new posts here">${following ? "Following" : "Follow"}</button></form>`;
  return (
    `<header class="post-meta"><span class="avatar" aria-hidden="true">${esc(question.author.username.slice(0, 1).toUpperCase())}</span>` +
    `<a href="/users/${name}" class="author">${name}</a>${relativeTimeHtml(question.createdAt)}<span aria-hidden="true">•</span>` +
    `<span>${esc(plural(question.viewCount, "view"))}</span><span class="follow-slot">${follow}</span></header>`
  );
}

/** "30 Answers" and, with more than one, the links that order them. */
export function answersHeadingHtml(count: number, path: string, order: AnswerOrder): string {
  const current = (o: AnswerOrder) => (order === o ? ` aria-current="true"` : "");
  const nav =
    count > 1
      ? `<nav aria-label="Order answers" class="answer-order"><a${current("votes")} href="${esc(path)}">Top</a><a${current("newest")} href="${esc(path)}?answers=newest">Newest</a></nav>`
      : "";
  return `<div class="answers-heading"><h2 id="answers-heading">${esc(plural(count, "Answer"))}</h2>${nav}</div>`;
}

/** "Answer this question" and the answer form (answer-form.tsx), empty. */
export function answerFormSectionHtml(questionId: number, path: string): string {
  return (
    `<section class="answer-form-section" aria-labelledby="your-answer-heading"><h2 id="your-answer-heading">Answer this question</h2>` +
    `<p class="muted">Earn ${rules.answerPoints} points for answering; +${rules.bestAnswerPoints} if your answer is selected as the best.</p>` +
    `<form class="stack-form" noValidate="" action="/api/questions/${questionId}/answers" method="post" data-answer-form="">` +
    `<input type="hidden" name="back" value="${esc(path)}"/><p class="form-message" aria-live="polite" role="status"></p>` +
    markdownEditorHtml({ id: ANSWER_FIELD_ID, name: "body", label: "Your answer", minLength: limits.answerMin, maxLength: limits.bodyMax, rows: 10, errorId: ANSWER_ERROR_ID, required: true }) +
    `<button type="submit" data-pending="Posting…">Post your answer</button></form></section>`
  );
}

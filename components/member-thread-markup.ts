import "server-only";
import { closeReasons } from "@/lib/commands/moderate-thread";
import { formatTimeLeft, mayOfferBounty } from "@/lib/bounty-display";
import type { OpenBounty } from "@/lib/data/bounties";
import type { AnswerOrder, Thread } from "@/lib/data/thread";
import { formatExact, plural } from "@/lib/format";
import { escapeHtml as esc } from "@/lib/html-escape";
import { bountyRules, limits, rules } from "@/lib/rules";
import { threadActionPath } from "@/lib/thread-actions";
import styles from "./bounty-panel.module.css";
import { markdownEditorHtml } from "./markdown-editor-markup";
import { relativeTimeHtml } from "./relative-time";

type Question = Thread["question"];

// The answer form's field, and the element that shows why a post was refused (answer-form.tsx's
// errorId; lib/enhance/answer-form.ts finds it through the field's aria-describedby).
const ANSWER_FIELD_ID = "answer-body";
const ANSWER_ERROR_ID = "answer-body-error";

/**
 * The parts of a member's thread page around the posts, as the page writes them through React
 * (app/questions/[id]/[[...slug]]/page.tsx), for the page written whole as a string
 * (member-posts.ts says when). The forms post to route handlers instead of server actions:
 * /api/follow, /api/thread-actions/offer-bounty and /api/questions/:id/answers, which go back
 * to the thread; the page's script sends the answer in place (lib/enhance/answer-form.ts).
 */

/** thread-status.tsx for a closed thread (a hidden or locked one renders through React). */
export function closedStatusHtml(question: Question): string {
  if (!question.closedAt) return "";
  const reason = question.closeReason as keyof typeof closeReasons | null;
  const dup = question.duplicateOf;
  const see = dup ? ` — see <a href="/questions/${dup.id}/${esc(dup.slug)}">${esc(dup.title)}</a>` : "";
  return `<p class="status-banner" role="note"><strong>Closed:</strong> ${esc(reason ? closeReasons[reason] : "closed by a moderator")}${see}. It takes no new answers.</p>`;
}

/** bounty-panel.tsx for a member: the open bounty, or the form to offer one, or nothing. */
export function bountyPanelHtml(bounty: OpenBounty | null, viewer: { id: number; points: number }, question: Question, path: string, now = new Date()): string {
  if (bounty) {
    const offerer = bounty.offerer.username;
    const hint =
      viewer.id === bounty.offererId
        ? "Award it with “Award bounty” under the answer you choose. If you don't, it goes to the best-scored answer posted since the bounty started."
        : "Unless the offerer awards it first, it goes to the best-scored answer posted since the bounty started.";
    return (
      `<aside class="${styles.panel}" aria-labelledby="bounty-heading"><h2 id="bounty-heading">Bounty <span class="${styles.amount}">+${bounty.amount}</span></h2>` +
      `<p><a href="/users/${esc(encodeURIComponent(offerer))}">${esc(offerer)}</a> offered ${bounty.amount} points for a good answer. ` +
      `<time dateTime="${bounty.expiresAt.toISOString()}" title="${esc(formatExact(bounty.expiresAt))}">${esc(formatTimeLeft(bounty.expiresAt, now))}</time>.</p>` +
      `<p class="hint">${esc(hint)}</p></aside>`
    );
  }
  if (!mayOfferBounty(viewer, question, now)) return "";
  const max = Math.min(bountyRules.max, viewer.points);
  return (
    `<aside class="${styles.panel}" aria-labelledby="offer-bounty-heading"><h2 id="offer-bounty-heading">Offer a bounty</h2>` +
    `<p class="hint">Draw more answers with ${bountyRules.min}–${bountyRules.max} of your ${viewer.points} points. They leave your total now and go to the answer you award within ${bountyRules.durationMs / 86_400_000} days.</p>` +
    `<form class="${styles.offer}" noValidate="" action="${threadActionPath("offer-bounty")}" method="post" data-thread-action="offer-bounty"><input type="hidden" name="back" value="${esc(path)}"/>` +
    `<input type="hidden" name="questionId" value="${question.id}"/><label for="bounty-amount-${question.id}">Bounty (points)</label>` +
    `<input id="bounty-amount-${question.id}" name="amount" type="number" inputMode="numeric" min="${bountyRules.min}" max="${max}" step="1" required="" value="${bountyRules.min}"/>` +
    `<button type="submit" data-pending="Offering…">Offer bounty</button><p class="form-message" aria-live="polite" role="status"></p></form></aside>`
  );
}

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

/** "Answer this question" and the answer form (answer-form.tsx), empty, or why there is none. */
export function answerFormSectionHtml(question: Question, path: string): string {
  const heading = `<section class="answer-form-section" aria-labelledby="your-answer-heading"><h2 id="your-answer-heading">Answer this question</h2>`;
  if (question.closedAt || question.lockedAt) return `${heading}<p class="muted">This thread takes no new answers.</p></section>`;
  return (
    heading +
    `<p class="muted">Earn ${rules.answerPoints} points for answering; +${rules.bestAnswerPoints} if your answer is selected as the best.</p>` +
    `<form class="stack-form" noValidate="" action="/api/questions/${question.id}/answers" method="post" data-answer-form="">` +
    `<input type="hidden" name="back" value="${esc(path)}"/><p class="form-message" aria-live="polite" role="status"></p>` +
    markdownEditorHtml({ id: ANSWER_FIELD_ID, name: "body", label: "Your answer", minLength: limits.answerMin, maxLength: limits.bodyMax, rows: 10, errorId: ANSWER_ERROR_ID, required: true }) +
    `<button type="submit" data-pending="Posting…">Post your answer</button></form></section>`
  );
}

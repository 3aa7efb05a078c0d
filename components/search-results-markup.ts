import "server-only";
import type { SearchHit } from "@/lib/data/search";
import { plural } from "@/lib/format";
import { escapeHtml as esc } from "@/lib/html-escape";
import { questionPath } from "./question-list";
import { relativeTimeHtml } from "./relative-time";
import styles from "./search-results.module.css";

/*
 * One page of search results as one string, built outside React: twenty results were two
 * thirds of the page's bytes twice over (the HTML and React's payload repeating it) and most of
 * its render time. Every interpolated text and attribute passes through esc(); the *Html fields
 * come from lib/search-highlight.ts (the author's text escaped, only <mark> and </mark> added
 * around words), which is why they go in as they are.
 */


function snippet(hit: SearchHit): string {
  // A question found through an answer shows where the words are: in that answer.
  if (hit.answerSnippetHtml !== null && !hit.snippetHtml.includes("<mark>")) {
    return `<p class="${styles.snippet}"><span class="${styles.source}">From an answer: </span><span>${hit.answerSnippetHtml}</span></p>`;
  }
  return `<p class="${styles.snippet}">${hit.snippetHtml}</p>`;
}

function result(hit: SearchHit): string {
  const best = hit.bestAnswerId !== null;
  const { category, author } = hit;
  return (
    `<li class="question-summary"><div class="stats" aria-label="Question stats">` +
    `<span class="stat">${esc(plural(hit.score, "vote"))}</span>` +
    `<span class="${best ? "stat answered" : "stat"}"${best ? ' title="Has a best answer"' : ""}>${best ? '<span aria-hidden="true">✓ </span>' : ""}${esc(plural(hit.answerCount, "answer"))}</span>` +
    `</div><div class="summary-main">` +
    `<h3><a href="${esc(questionPath(hit))}"><span>${hit.titleHtml}</span></a></h3>` +
    snippet(hit) +
    `<div class="summary-meta"><a href="/categories/${esc(encodeURIComponent(category.slug))}" class="category">` +
    `${category.emoji ? `<span aria-hidden="true">${esc(category.emoji)} </span>` : ""}${esc(category.name)}</a>` +
    `<span class="byline"><a href="/users/${esc(encodeURIComponent(author.username))}">${esc(author.username)}</a> asked ${relativeTimeHtml(hit.createdAt)}</span>` +
    `</div></div></li>`
  );
}

/** The results list (components/search-results.tsx puts it on the page). */
export function searchResultsHtml(hits: readonly SearchHit[]): string {
  return `<ol class="question-list ${styles.results}">${hits.map(result).join("")}</ol>`;
}

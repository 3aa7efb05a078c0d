import assert from "node:assert/strict";
import { test } from "node:test";
import { memberAnswerHtml, NO_PART, type MemberPart } from "../components/member-post-markup";
import type { CommentView } from "../lib/data/comments";
import { privileges } from "../lib/rules";

// The prebuilt posts members get (components/member-post-markup.ts) carry each member's own part:
// what their vote, their posts and comments, and the asker's pick add or take away.
type Answer = Parameters<typeof memberAnswerHtml>[0];
const when = new Date("2026-01-02T03:04:05Z");
const answer = { id: 31, authorId: 7, score: 4, bodyHtml: "<p>Body</p>", createdAt: when, hiddenAt: null, author: { username: "<b>bob</b>" } } as unknown as Answer;
const comment = (id: number, authorId: number): CommentView => ({ id, authorId, bodyMd: "c", bodyHtml: `<p>comment ${id}</p>`, createdAt: when, updatedAt: when, hiddenAt: null, author: { username: `u${authorId}` } });
const comments = [comment(51, 9), comment(52, 8)];
const thread = { questionId: 12, slug: "why-tcp" };
const html = (part: Partial<MemberPart>, isBest = false) => memberAnswerHtml(answer, comments, { isBest, thread }, { ...NO_PART, ...part });
const commentItem = (markup: string, id: number) => markup.match(new RegExp(`<li id="comment-${id}"[^]*?</li>`))?.[0] ?? "";
const count = (markup: string, re: RegExp) => markup.match(new RegExp(re, "g"))?.length ?? 0;

test("no part: vote buttons unpressed, Flag on the answer and each comment, no buttons of others", () => {
  const markup = html({});
  assert.equal(count(markup, /aria-pressed="true"/), 0);
  assert.equal(count(markup, /data-open-form="#flag-/), 3);
  assert.equal(count(markup, /data-thread-action=/), 0);
  assert.match(markup, />Add a comment</);
  assert.doesNotMatch(markup, /disabled=""/);
  // Names are escaped, never markup.
  assert.match(markup, /&lt;b&gt;bob&lt;\/b&gt;/);
  assert.doesNotMatch(markup, /<b>bob/);
});

test("the member's vote is pressed and labelled to remove it", () => {
  const up = html({ myVote: 1 });
  assert.match(up, /value="up"[^>]*aria-pressed="true" aria-label="Remove upvote"/);
  assert.match(up, /value="down"[^>]*aria-pressed="false" aria-label="Downvote"/);
  const down = html({ myVote: -1 });
  assert.match(down, /value="down"[^>]*aria-pressed="true" aria-label="Remove downvote"/);
});

test("their own comment has Delete (asking first) and no Flag; the others keep Flag", () => {
  const markup = html({ ownCommentIds: new Set([51]) });
  const mine = commentItem(markup, 51);
  assert.match(mine, /<form action="\/api\/thread-actions\/delete-comment" method="post" data-thread-action="delete-comment" data-pending="Deleting…" data-confirm="Delete this comment\?">/);
  assert.match(mine, /name="commentId" value="51"/);
  assert.match(mine, /name="back" value="\/questions\/12\/why-tcp"/);
  assert.doesNotMatch(mine, /Flag/);
  assert.match(commentItem(markup, 52), /data-open-form="#flag-comment-52-reason"/);
});

test("their own answer: Edit and Delete, vote buttons disabled, no Flag on it", () => {
  const markup = html({ own: true });
  assert.equal(count(markup, /disabled="" title="You cannot vote on your own post\."/), 2);
  assert.match(markup, /<a href="\/edit\/answers\/31">Edit<\/a><a href="\/history\/answers\/31">History<\/a><form action="\/api\/thread-actions\/delete-answer"/);
  assert.match(markup, /name="answerId" value="31"/);
  assert.doesNotMatch(markup, /#flag-answer-31/);
});

test("the asker picks a best answer, or clears the mark on the one picked", () => {
  assert.match(html({ mayPick: true }), /data-thread-action="pick-best"[^]*name="answerId" value="31"[^]*>✓ Pick as best answer<\/button>/);
  const best = html({ mayPick: true }, true);
  assert.match(best, /data-thread-action="clear-best"[^]*name="questionId" value="12"[^]*>Remove best answer mark<\/button>/);
  assert.match(best, /aria-label="Best answer"/);
  assert.doesNotMatch(html({ mayPick: false }, true), /data-thread-action/);
});

test("a bounty's offerer may award it, except to their own answer", () => {
  assert.match(html({ awardBountyId: 5 }), /data-thread-action="award-bounty"[^]*name="bountyId" value="5"[^]*name="answerId" value="31"/);
  assert.doesNotMatch(html({ awardBountyId: 5, own: true }), /award-bounty/);
});

test("a member without the points to comment here is told what it takes", () => {
  const markup = html({ canComment: false });
  assert.doesNotMatch(markup, />Add a comment</);
  assert.match(markup, new RegExp(`You need ${privileges.commentEverywhere} points to comment`));
});

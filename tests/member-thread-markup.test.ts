import assert from "node:assert/strict";
import { test } from "node:test";
import { answerFormSectionHtml, answersHeadingHtml, bountyPanelHtml, closedStatusHtml, questionHeaderHtml } from "../components/member-thread-markup";
import { bountyRules, rules } from "../lib/rules";

// The parts of a member's thread page written whole (components/member-thread-markup.ts): the
// forms post where a page without React can, and what the page shows follows the thread.
type Question = Parameters<typeof closedStatusHtml>[0];
type Bounty = NonNullable<Parameters<typeof bountyPanelHtml>[0]>;
const now = new Date("2026-03-10T12:00:00Z");
const path = "/questions/12/why-tcp";
const question = {
  id: 12,
  slug: "why-tcp",
  createdAt: new Date(now.getTime() - 3 * 24 * 3600_000),
  viewCount: 1234,
  bestAnswerId: null,
  closedAt: null,
  closeReason: null,
  duplicateOf: null,
  lockedAt: null,
  author: { username: "<i>ann</i>" },
} as unknown as Question;
const reader = { id: 9, points: 75 };

test("the question's header: the author escaped, and Follow posting the state it asks for", () => {
  const unfollowed = questionHeaderHtml(question, false, path);
  assert.match(unfollowed, /&lt;i&gt;ann&lt;\/i&gt;/);
  assert.doesNotMatch(unfollowed, /<i>ann/);
  assert.match(unfollowed, /<form action="\/api\/follow" method="post"><input type="hidden" name="back" value="\/questions\/12\/why-tcp"\/>/);
  assert.match(unfollowed, /name="follow" value="1"\/><button [^>]*aria-pressed="false"[^>]*>Follow</);
  assert.match(questionHeaderHtml(question, true, path), /name="follow" value="0"\/><button [^>]*aria-pressed="true"[^>]*>Following</);
  assert.match(unfollowed, /1,234 views/);
});

test("the order links name the current order, and are left out for a single answer", () => {
  assert.match(answersHeadingHtml(30, path, "newest"), /<a href="\/questions\/12\/why-tcp">Top<\/a><a aria-current="true" href="\/questions\/12\/why-tcp\?answers=newest">Newest<\/a>/);
  assert.equal(answersHeadingHtml(1, path, "votes"), `<div class="answers-heading"><h2 id="answers-heading">1 Answer</h2></div>`);
});

test("the answer form posts to the answers route, with the points rule of the day; a closed thread has none", () => {
  const open = answerFormSectionHtml(question, path);
  assert.match(open, /<form [^>]*action="\/api\/questions\/12\/answers" method="post" data-answer-form="">/);
  assert.match(open, new RegExp(`Earn ${rules.answerPoints} points for answering; \\+${rules.bestAnswerPoints}`));
  assert.match(open, /<textarea id="answer-body" name="body"[^>]*aria-describedby="answer-body-hint answer-body-error"/);
  const closed = answerFormSectionHtml({ ...question, closedAt: now } as Question, path);
  assert.match(closed, /This thread takes no new answers\./);
  assert.doesNotMatch(closed, /<form/);
});

test("a closed thread says why, linking the question it duplicates, its title escaped", () => {
  assert.equal(closedStatusHtml(question), "");
  const dup = { ...question, closedAt: now, closeReason: "duplicate", duplicateOf: { id: 7, slug: "tcp-vs-udp", title: "TCP <vs> UDP" } } as unknown as Question;
  assert.equal(
    closedStatusHtml(dup),
    `<p class="status-banner" role="note"><strong>Closed:</strong> Duplicate of another question — see <a href="/questions/7/tcp-vs-udp">TCP &lt;vs&gt; UDP</a>. It takes no new answers.</p>`,
  );
});

test("the bounty panel: the offer form for an eligible member, capped by their points; the open bounty; else nothing", () => {
  const offer = bountyPanelHtml(null, reader, question, path, now);
  assert.match(offer, /<form [^>]*action="\/api\/thread-actions\/offer-bounty" method="post" data-thread-action="offer-bounty">/);
  assert.match(offer, new RegExp(`min="${bountyRules.min}" max="75"`));
  assert.equal(bountyPanelHtml(null, { id: 9, points: bountyRules.min - 1 }, question, path, now), "");
  assert.equal(bountyPanelHtml(null, reader, { ...question, bestAnswerId: 3 } as Question, path, now), "");
  assert.equal(bountyPanelHtml(null, reader, { ...question, createdAt: now } as Question, path, now), "");
  const bounty = { id: 4, amount: 50, offererId: 9, expiresAt: new Date(now.getTime() + 2 * 3600_000), offerer: { username: "grace" } } as unknown as Bounty;
  const mine = bountyPanelHtml(bounty, reader, question, path, now);
  assert.match(mine, /Bounty <span [^>]*>\+50<\/span>/);
  assert.match(mine, /<time [^>]*>2h 0m left<\/time>/);
  assert.match(mine, /Award it with “Award bounty”/);
  assert.doesNotMatch(bountyPanelHtml(bounty, { id: 3, points: 500 }, question, path, now), /Award it with/);
});

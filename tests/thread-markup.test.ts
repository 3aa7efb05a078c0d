/**
 * The thread page, rendered by its one renderer (server/thread-page.ts, components/html/thread)
 * for every state a thread can be in and every kind of reader, parsed and checked: each reader
 * sees exactly the controls lib/permissions.ts gives them, every state shows its banner and
 * takes away what it stops, and text written by members (titles, names, tags, comments, a
 * comment's source in its edit form) comes out as text, never as markup.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseHTML } from "linkedom";
import type { PublicThread } from "../components/html/thread/model";
import type { SessionMember } from "../lib/auth/session-member";
import type { CommentView } from "../lib/data/comments";
import type { MyThreadState } from "../lib/data/votes";
import type { Notice } from "../lib/notices";
import type { OpenForms } from "../lib/open-forms";
import { siteOrigin } from "../lib/web/site-url";
import { threadPageHtml } from "../server/thread-page";

const HOSTILE = `<script>alert("x")</script> & 'q' "javascript:alert(1)"`;
const assets = { script: "/_forum/thread-page.test.js", liveScript: "/_forum/live-thread.test.js", stylesheet: "/_forum/forum.test.css" };
const day = 86_400_000;
const longAgo = new Date(Date.now() - 10 * day);

const ids = { asker: 1, answerer: 2, other: 3, member: 10, voter: 11, newbie: 12, offerer: 13, moderator: 20, admin: 21 };

function reader(id: number, role: string, points: number, username = `user${id}`): SessionMember {
  return { id, username, role: role as SessionMember["role"], points, sessionVersion: 0, suspendedUntil: null, suspensionReason: null, unread: 0, drafts: 0 };
}

const readers: Record<string, SessionMember | null> = {
  "signed out": null,
  member: reader(ids.member, "MEMBER", 5),
  voter: reader(ids.voter, "MEMBER", 50),
  newbie: reader(ids.newbie, "MEMBER", 0),
  asker: reader(ids.asker, "MEMBER", 30, `asker${HOSTILE}`),
  answerer: reader(ids.answerer, "MEMBER", 2),
  offerer: reader(ids.offerer, "MEMBER", 200),
  moderator: reader(ids.moderator, "MODERATOR", 0),
  admin: reader(ids.admin, "ADMIN", 0),
};

const comment = (id: number, authorId: number, createdAt: Date, hiddenAt: Date | null = null): CommentView => ({
  id,
  authorId,
  bodyMd: `</textarea><b>source ${id}</b> ${HOSTILE}`,
  bodyHtml: `<p>comment ${id}</p>`,
  createdAt,
  updatedAt: createdAt,
  hiddenAt,
  author: { username: `c${authorId}${HOSTILE}` },
});

type State = {
  question?: Partial<PublicThread["thread"]["question"]>;
  bounty?: boolean;
  best?: boolean;
  freshComment?: boolean;
  hiddenComment?: boolean;
  /** A bounty of 50 awarded to answer 71. */
  awardedBounty?: boolean;
  /** Answer 72 deleted (as moderators see it). */
  deletedAnswer?: boolean;
};

function thread(state: State = {}): PublicThread {
  const question = {
    id: 7,
    title: `A title ${HOSTILE}`,
    slug: "a-title",
    bodyHtml: "<p>The question.</p>",
    excerpt: `An excerpt ${HOSTILE}`,
    createdAt: longAgo,
    updatedAt: longAgo,
    viewCount: 3,
    score: 1,
    bestAnswerId: state.best ? 71 : null,
    lockedAt: null,
    closedAt: null,
    closeReason: null,
    hiddenAt: null,
    deletedAt: null,
    authorId: ids.asker,
    duplicateOf: null,
    author: { username: `asker${HOSTILE}` },
    category: { id: 1, slug: "net", name: `Networks ${HOSTILE}`, emoji: "🌐" },
    tags: [{ tag: { name: `tcp${HOSTILE}` } }],
    ...state.question,
  };
  const answer = (id: number, authorId: number, deletedAt: Date | null = null) => ({ id, bodyHtml: `<p>answer ${id}</p>`, createdAt: longAgo, updatedAt: longAgo, score: 0, authorId, hiddenAt: null, deletedAt, author: { username: `a${authorId}${HOSTILE}` } });
  const marks = new Map<number, MyThreadState>([[ids.voter, { votes: { question: 1, answers: new Map([[72, -1]]) }, following: true }]]);
  return {
    thread: {
      question,
      answers: [answer(71, ids.answerer), answer(72, ids.other, state.deletedAnswer ? longAgo : null)],
      awardedBounties: state.awardedBounty ? [{ id: 4, amount: 50, createdAt: longAgo, expiresAt: longAgo, closedAt: longAgo, awardedAnswerId: 71, offererId: ids.offerer, offerer: { username: `offerer${HOSTILE}` } }] : [],
      bounty: state.bounty ? { id: 5, amount: 50, createdAt: longAgo, expiresAt: new Date(Date.now() + 3 * day), offererId: ids.offerer, offerer: { username: `offerer${HOSTILE}` } } : null,
    },
    comments: {
      question: [comment(101, ids.answerer, longAgo), ...(state.freshComment ? [comment(102, ids.member, new Date())] : [])],
      answers: { 71: [comment(103, ids.asker, longAgo), ...(state.hiddenComment ? [comment(104, ids.other, longAgo, new Date())] : [])] },
    },
    marks,
  };
}

const states: Record<string, State> = {
  open: {},
  "with a best answer": { best: true },
  closed: { question: { closedAt: longAgo, closeReason: "off-topic" } },
  "closed as a duplicate": { question: { closedAt: longAgo, closeReason: "duplicate", duplicateOf: { id: 3, slug: "the-original", title: `Original ${HOSTILE}` } } },
  locked: { question: { lockedAt: longAgo } },
  "hidden (as moderators see it)": { question: { hiddenAt: longAgo }, hiddenComment: true },
  "with an open bounty": { bounty: true },
  "with a comment in its edit window": { freshComment: true },
};

function render(state: State, who: SessionMember | null, opened: OpenForms = {}, notice: Notice | null = null) {
  const html = threadPageHtml({ shared: thread(state), reader: who, order: "votes", opened, notice, assets });
  return { html, doc: parseHTML(html).document };
}

type Doc = ReturnType<typeof render>["doc"];
const all = (doc: Doc | Element, selector: string) => [...doc.querySelectorAll(selector)] as Element[];
const texts = (doc: Doc | Element, selector: string) => all(doc, selector).map((e) => e.textContent?.trim() ?? "");
const answerEl = (doc: Doc, id: number) => doc.querySelector(`#answer-${id}`)!;
const questionEl = (doc: Doc) => doc.querySelector("article.question")!;
const buttons = (el: Doc | Element) => texts(el, "button");
const links = (el: Doc | Element) => texts(el, "a");

/** What every page must be, whoever reads it and whatever state the thread is in. */
function checkStructure(html: string, doc: Doc, who: SessionMember | null, state: State) {
  assert.equal(all(doc, "h1").length, 1);
  assert.equal(doc.querySelector("h1")!.textContent, `A title ${HOSTILE}`);
  assert.equal(doc.querySelector("title")!.textContent, `A title ${HOSTILE} · Packets & Pointers`);
  assert.equal(all(doc, "main#main").length, 1);
  assert.equal(all(doc, "article.question").length, 1);
  assert.equal(all(doc, "article.answer").length, 2);
  // Written text is text: nothing but the page's own script (members' or the live one), no handler attributes, no script links.
  assert.deepEqual(all(doc, "script:not([type='application/ld+json'])").map((s) => s.getAttribute("src")), who ? [assets.script] : [assets.liveScript]);
  assert.equal(all(doc, "script[type='application/ld+json']").length, 1, "one JSON-LD data block (tests/web-documents.test.ts checks it)");
  for (const el of all(doc, "*")) {
    for (const attr of [...el.attributes]) {
      assert.ok(!attr.name.startsWith("on"), `no handler attributes (${attr.name})`);
      if (attr.name === "href" || attr.name === "action") assert.ok(/^[/#]/.test(attr.value) || attr.value.startsWith(`${siteOrigin()}/`), `${attr.name}="${attr.value}" stays on the site`);
    }
  }
  assert.ok(!html.includes(`<script>alert`), "no hostile text as markup");
  assert.ok(!html.includes(`<b>source`), "a comment's source is text in its form");
  for (const name of texts(doc, "a.author")) assert.match(name, /<script>alert\("x"\)<\/script>/);
  assert.deepEqual(texts(doc, ".tags .tag"), [`tcp${HOSTILE}`]);
  // The header says who reads.
  assert.equal(links(doc.querySelector(".site-header")!).some((t) => t === "Log in"), who === null);
  if (state.question?.closedAt) assert.match(doc.querySelector(".status-banner[role=note]")!.textContent ?? "", /^Closed:/);
}

describe("every reader, every state: one render with the reader's part", () => {
  for (const [stateName, state] of Object.entries(states)) {
    for (const [whoName, who] of Object.entries(readers)) {
      if (state.question?.hiddenAt && !(who && (who.role === "MODERATOR" || who.role === "ADMIN"))) continue; // others never get it
      test(`${stateName}, ${whoName}`, () => {
        const { html, doc } = render(state, who);
        checkStructure(html, doc, who, state);
        const locked = !!state.question?.lockedAt;
        const closed = !!state.question?.closedAt;
        const moderator = who !== null && (who.role === "MODERATOR" || who.role === "ADMIN");

        if (!who) {
          assert.equal(all(doc, "form[data-vote-form]").length, 0);
          assert.match(doc.querySelector(".votes a")!.getAttribute("href")!, /^\/login\?next=%2Fquestions%2F7%2Fa-title$/);
          assert.equal(all(doc, "a[data-open-form]").length, 0, "no Flag or Add a comment");
          assert.equal(all(doc, "form[data-thread-form]").length, 0);
          assert.ok(doc.querySelector("aside.join"));
          assert.equal(all(doc, "form[data-answer-form]").length, 0);
          assert.deepEqual(links(doc.querySelector(".follow-slot")!), ["Follow"]);
          return;
        }

        assert.equal(all(doc, "form[data-vote-form]").length, 3);
        assert.equal(!!doc.querySelector("section.mod-panel"), moderator);
        if (moderator) assert.ok(buttons(doc.querySelector("section.mod-panel")!).includes(locked ? "Unlock thread" : "Lock thread"));
        assert.equal(all(doc, "form[data-answer-form]").length, locked || closed ? 0 : 1);
        if (locked || closed) assert.match(doc.querySelector(".answer-form-section")!.textContent ?? "", /takes no new answers/);
        assert.ok(doc.querySelector("form[data-follow-form]"));

        // Votes: off on their own posts and in a locked thread, with the reason as the title.
        const questionVote = questionEl(doc).querySelector(".votes button")!;
        const ownQuestion = who.id === ids.asker;
        // ...and for lack of points: a member with none votes neither way (lib/rules.ts privileges).
        assert.equal(questionVote.hasAttribute("disabled"), ownQuestion || locked || (!moderator && who.points < 1));
        if (ownQuestion) assert.match(questionVote.getAttribute("title")!, /own post/);
        else if (locked) assert.match(questionVote.getAttribute("title")!, /locked/);
        if (whoName === "voter") {
          assert.equal(questionEl(doc).querySelector("button[value=up]")!.getAttribute("aria-pressed"), "true");
          assert.equal(answerEl(doc, 72).querySelector("button[value=down]")!.getAttribute("aria-pressed"), "true");
          assert.equal(answerEl(doc, 71).querySelector("button[value=up]")!.getAttribute("aria-pressed"), "false");
        }

        // Pick: the asker and moderators, on every answer (the best one's mark to remove).
        const mayPick = ownQuestion || moderator;
        // Members from 100 points edit others' posts too (lib/rules.ts privileges).
        const editsAny = moderator || who.points >= 100;
        for (const id of [71, 72]) {
          const actions = answerEl(doc, id).querySelector(".post-actions")!;
          const isBest = state.best && id === 71;
          assert.equal(buttons(actions).includes("✓ Pick as best answer"), mayPick && !isBest, `pick on ${id}`);
          assert.equal(buttons(actions).includes("Remove best answer mark"), mayPick && !!isBest);
          const author = id === 71 ? ids.answerer : ids.other;
          const mine: boolean = who.id === author;
          assert.equal(buttons(actions).includes("Delete"), mine || moderator, `delete on ${id}`);
          assert.equal(links(actions).includes("Edit"), mine || editsAny, `edit on ${id}`);
          assert.equal(!!answerEl(doc, id).querySelector(".post-main > .flag-menu"), !mine, `flag on ${id}`);
          assert.equal(!!answerEl(doc, id).querySelector("form[data-thread-form=award-bounty]"), !!state.bounty && who.id === ids.offerer && !mine);
        }
        assert.equal(links(questionEl(doc).querySelector(".post-actions")!).includes("Edit"), ownQuestion || editsAny);
        assert.equal(!!questionEl(doc).querySelector(".post-main > .flag-menu"), !ownQuestion);

        // Comments: Add where the reader may (their own thread's posts, or with the points), not when locked.
        const addComment = (el: Element) => links(el).includes("Add a comment");
        const onOwnThread = ownQuestion;
        const mayCommentEverywhere = moderator || who.points >= 2;
        assert.equal(addComment(questionEl(doc)), !locked && (onOwnThread || mayCommentEverywhere));
        assert.equal(addComment(answerEl(doc, 72)), !locked && (onOwnThread || mayCommentEverywhere));
        if (locked) assert.match(questionEl(doc).querySelector(".comments-locked")!.textContent ?? "", /locked/);
        if (!locked && !onOwnThread && !mayCommentEverywhere) assert.match(questionEl(doc).querySelector(".comments .hint")!.textContent ?? "", /You need 2 points/);
        // A comment: Delete for its author (open thread) and moderators; Flag for everyone else.
        const c101 = doc.querySelector("#comment-101")!;
        assert.equal(buttons(c101).includes("Delete"), (who.id === ids.answerer && !locked) || moderator);
        assert.equal(texts(c101, "a").some((t) => t.startsWith("Flag")), who.id !== ids.answerer);
        if (state.freshComment) {
          const fresh = doc.querySelector("#comment-102")!;
          assert.equal(!!fresh.querySelector("details textarea"), who.id === ids.member && !locked);
          // Its source, escaped inside the field (checked as text in a browser by e2e/hostile-thread.spec.ts).
          if (who.id === ids.member) assert.match(fresh.querySelector("textarea")!.innerHTML, /^\n&lt;\/textarea&gt;&lt;b&gt;source 102/);
        }
        if (state.hiddenComment) assert.match(doc.querySelector("#comment-104")!.textContent ?? "", /Hidden after spam flags/);
        if (state.question?.hiddenAt) assert.match(doc.querySelector(".status-banner")!.textContent ?? "", /Hidden after spam flags/);

        // Bounty: the open one for all; the offer for members with the points on an old open question.
        if (state.bounty) assert.match(doc.querySelector("aside.bounty-panel")!.textContent ?? "", /offered 50 points/);
        const mayOffer = !state.bounty && !state.best && !locked && !closed && who.points >= 20;
        assert.equal(!!doc.querySelector("form[data-thread-form=offer-bounty]"), mayOffer);
        if (state.question?.duplicateOf) assert.equal(doc.querySelector(".status-banner a")!.getAttribute("href"), "/questions/3/the-original");
      });
    }
  }
});

describe("forms the address opens, and a notice after a plain post", () => {
  test("?flag= opens that post's flag form; ?comment= its comment form", () => {
    const { doc } = render({}, readers.member!, { flag: "answer-72", comment: "question-7" });
    assert.ok(answerEl(doc, 72).querySelector("select#flag-answer-72-reason"));
    assert.equal(answerEl(doc, 72).querySelector("a[data-open-form]")!.getAttribute("aria-expanded"), "true");
    assert.ok(questionEl(doc).querySelector("form[data-thread-form=add-comment] textarea"));
    assert.equal(all(doc, "select[name=reason]").length, 1, "only the opened flag form");
  });

  test("a flag's thanks shows in its own form, open, and nowhere else", () => {
    const { doc } = render({}, readers.member!, {}, { form: "flag:comment-103", message: "Thanks: a moderator will look at it." });
    const c103 = doc.querySelector("#comment-103")!;
    assert.equal(c103.querySelector("[role=status]")!.textContent, "Thanks: a moderator will look at it.");
    assert.equal(texts(doc, "[role=status]").filter((t) => t.startsWith("Thanks")).length, 1);
  });

  test("newest first: the forms come back to the same order", () => {
    const html = threadPageHtml({ shared: thread(), reader: readers.member!, order: "newest", opened: {}, notice: null, assets });
    const doc = parseHTML(html).document;
    for (const back of all(doc, "input[name=back]")) assert.equal(back.getAttribute("value"), "/questions/7/a-title?answers=newest");
  });
});

describe("the kept renders", () => {
  test("two members with no part in a post get the same bytes for it; a part changes only that post", () => {
    const shared = thread();
    const page = (who: SessionMember) => threadPageHtml({ shared, reader: who, order: "votes", opened: {}, notice: null, assets });
    const a = parseHTML(page(reader(50, "MEMBER", 5))).document;
    const b = parseHTML(page(reader(51, "MEMBER", 5))).document;
    assert.equal(answerEl(a, 71).outerHTML, answerEl(b, 71).outerHTML);
    const v = parseHTML(page(readers.voter!)).document;
    assert.equal(answerEl(v, 71).outerHTML, answerEl(parseHTML(page(reader(52, "MEMBER", 50))).document, 71).outerHTML);
    assert.notEqual(answerEl(v, 72).outerHTML, answerEl(a, 72).outerHTML);
  });
});

describe("moderation in place: deleted posts, suspended readers, votes out of reach", () => {
  const deletedQuestion: State = { question: { deletedAt: longAgo } };

  test("a moderator sees a deleted question in place, marked, with Undelete instead of Delete, and nothing to write", () => {
    const { doc } = render(deletedQuestion, readers.moderator!);
    assert.match(doc.querySelector(".status-banner.deleted-note")!.textContent ?? "", /Deleted.*only moderators see this question/);
    const panel = buttons(doc.querySelector("section.mod-panel")!);
    assert.ok(panel.includes("Undelete question"));
    assert.ok(!panel.includes("Delete question"));
    assert.equal(all(doc, "form[data-answer-form]").length, 0);
    assert.equal(all(doc, "form[data-thread-form=add-comment]").length + texts(doc, "a").filter((t) => t === "Add a comment").length, 0);
    for (const b of all(doc, ".votes button")) assert.ok(b.hasAttribute("disabled"));
    assert.ok(!buttons(doc).includes("✓ Pick as best answer"));
  });

  test("a deleted answer: moderators see it marked, with Undelete and no other control; it is not counted", () => {
    const { doc } = render({ deletedAnswer: true }, readers.moderator!);
    const answer = answerEl(doc, 72);
    assert.ok(answer.classList.contains("deleted"));
    assert.match(answer.getAttribute("aria-label")!, /^Deleted answer by/);
    assert.match(answer.querySelector(".deleted-note")!.textContent ?? "", /only moderators see this answer/);
    assert.deepEqual(buttons(answer.querySelector(".post-actions")!), ["Undelete"]);
    assert.equal(answer.querySelector("form[data-thread-form=undelete-answer] input[name=answerId]")!.getAttribute("value"), "72");
    assert.equal(doc.querySelector("#answers-heading")!.textContent, "1 Answer");
    // The live answer beside it keeps its controls.
    assert.ok(buttons(answerEl(doc, 71).querySelector(".post-actions")!).includes("Delete"));
    assert.ok(!buttons(answerEl(doc, 71)).includes("Undelete"));
  });

  test("a suspended member gets the banner with reason and end date, and no write forms", () => {
    const until = new Date(Date.UTC(2099, 2, 15, 12, 0));
    const who = { ...reader(30, "MEMBER", 500), suspendedUntil: until, suspensionReason: `Spam links ${HOSTILE}` };
    const { html, doc } = render({ freshComment: true }, who);
    const banner = doc.querySelector(".suspension-banner")!;
    assert.match(banner.textContent ?? "", /suspended until Mar 15, 2099, 12:00 PM UTC/);
    assert.match(banner.textContent ?? "", /Reason: Spam links <script>/);
    assert.ok(!html.includes("Spam links <script>"), "the reason is text");
    assert.equal(all(doc, "form[data-answer-form]").length, 0);
    assert.match(doc.querySelector(".answer-form-section")!.textContent ?? "", /suspended/);
    assert.equal(texts(doc, "a").filter((t) => t === "Add a comment" || t.startsWith("Flag")).length, 0);
    assert.equal(all(doc, "form[data-thread-form=offer-bounty]").length, 0);
    for (const b of all(doc, ".votes button")) assert.equal(b.getAttribute("title"), "Your account is suspended.");
    assert.ok(!links(doc).includes("Edit"));
    // Readers in good standing see no banner.
    assert.equal(render({}, readers.voter!).doc.querySelector(".suspension-banner"), null);
  });

  test("vote arrows a member's points do not reach are off, with what it takes", () => {
    const up = (who: SessionMember) => answerEl(render({}, who).doc, 72).querySelector("button[value=up]")!;
    const down = (who: SessionMember) => answerEl(render({}, who).doc, 72).querySelector("button[value=down]")!;
    assert.equal(up(readers.newbie!).getAttribute("title"), "You need 1 point to vote up.");
    assert.ok(up(readers.newbie!).hasAttribute("disabled"));
    assert.ok(!up(readers.member!).hasAttribute("disabled"), "5 points vote up");
    assert.equal(down(readers.member!).getAttribute("title"), "You need 10 points to vote down.");
    assert.ok(!down(readers.voter!).hasAttribute("disabled"), "50 points vote down");
  });
});

/**
 * The study pages' HTML (components/html/study), parsed and checked: the sheet labels the answer
 * it studies, lists the other answers' tables, and writes members' text (title, names, tags,
 * table cells) as text; the quiz is a form with one group of choices per statement, marked when
 * the server has answers; the thread page links to all three.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseHTML } from "linkedom";
import { StudyQuizPage } from "../components/html/study/study-quiz-page";
import { StudySheetPage } from "../components/html/study/study-sheet-page";
import type { PublicThread } from "../lib/data/thread-cache";
import { renderMarkdown } from "../lib/markdown/pipeline";
import { gradeQuiz } from "../lib/study/quiz";
import { studySheetFor } from "../lib/study/sheet";
import { threadPageHtml } from "../server/thread-page";
import { flagshipThread } from "../prisma/seed/flagship";

const HOSTILE = `<script>alert("x")</script> & "q"`;
const assets = { script: "/_forum/thread-page.test.js", stylesheet: "/_forum/forum.test.css", quizScript: "/_forum/study-quiz.test.js" };
const at = new Date("2026-03-15T12:00:00Z");

function thread({ best }: { best: boolean }): PublicThread {
  const answer = (id: number, score: number, bodyHtml: string, username: string) => ({ id, score, bodyHtml, createdAt: at, updatedAt: at, authorId: id, hiddenAt: null, author: { username } });
  return {
    thread: {
      question: {
        id: 7,
        slug: "client-server",
        title: `Client-Server ${HOSTILE}`,
        bodyHtml: "<p>Question body</p>",
        excerpt: "Question body",
        createdAt: at,
        updatedAt: at,
        viewCount: 3,
        score: 1,
        bestAnswerId: best ? 12 : null,
        lockedAt: null,
        closedAt: null,
        closeReason: null,
        hiddenAt: null,
        authorId: 1,
        duplicateOf: null,
        author: { username: `asker${HOSTILE}` },
        category: { id: 1, slug: "cs", name: "Computer Science", emoji: "💻" },
        tags: [{ tag: { name: "networking" } }],
      },
      answers: [
        answer(11, 9, `<table><thead><tr><th>Feature</th><th>Hub</th><th>Switch</th></tr></thead><tbody><tr><td>Ports</td><td>${"&lt;b&gt;all&lt;/b&gt;"}</td><td>one</td></tr><tr><td>Collisions</td><td>shared</td><td>per port</td></tr></tbody></table>`, "hubfan"),
        answer(12, 2, renderMarkdown(flagshipThread.answer.bodyMd), "zachary"),
      ],
      bounty: null,
    },
    comments: { question: [], answers: {} },
    marks: { votes: new Map(), follows: new Set() },
  } as unknown as PublicThread;
}

const parse = (html: string) => parseHTML(html).document;

test("the sheet studies the best answer, labelled, and lists the other answer's table as text", () => {
  const sheet = studySheetFor(thread({ best: true }));
  const doc = parse(String(StudySheetPage({ sheet, assets, reader: null, here: "/study/7" })));
  assert.equal(doc.querySelector("h1")?.textContent, `Client-Server ${HOSTILE}`);
  assert.equal(doc.querySelectorAll("script").length, 0, "no script on the sheet, and none from the title");
  assert.match(doc.querySelector("#study-answer")?.textContent ?? "", /Best answer/);
  assert.match(doc.querySelector(".study-answer-note")?.textContent ?? "", /Picked as the best answer · by zachary/);
  const extra = doc.querySelector(".study-table");
  assert.equal(extra?.querySelector("figcaption")?.textContent, "From the answer by hubfan");
  assert.equal(extra?.querySelector("tbody td")?.textContent, "<b>all</b>");
  assert.equal(extra?.querySelector("b"), null);
  assert.equal(doc.querySelectorAll(".study-sheet .prose table").length, 2, "the studied answer's table and the other one");
  assert.ok(doc.querySelector('a[href="/study/7.pdf"]') && doc.querySelector('a[href="/study/7.pdf?paper=letter"]') && doc.querySelector('a[href="/study/7/quiz"]'));
});

test("with no pick, the top-scored answer is studied and said to be", () => {
  const sheet = studySheetFor(thread({ best: false }));
  const doc = parse(String(StudySheetPage({ sheet, assets, reader: null, here: "/study/7" })));
  assert.equal(doc.querySelector("#study-answer")?.textContent, "Top-voted answer");
  assert.match(doc.querySelector(".study-answer-note")?.textContent ?? "", /No best answer has been picked yet.*by hubfan/);
});

test("the quiz is a GET form, one group per statement, marked when the server has the answers", () => {
  const sheet = studySheetFor(thread({ best: true }));
  assert.equal(sheet.quiz.questions.length, 18, "4 from the hub table, 14 from the flagship's");
  const blank = parse(String(StudyQuizPage({ sheet, score: null, assets, reader: null, here: "/study/7/quiz" })));
  const form = blank.querySelector("form[data-quiz]");
  assert.equal(form?.getAttribute("method"), "get");
  assert.equal(form?.getAttribute("action"), "/study/7/quiz");
  assert.equal(blank.querySelectorAll("fieldset.quiz-question").length, 18);
  assert.equal(blank.querySelectorAll("input[type=radio]:checked").length, 0);
  assert.equal(blank.querySelector("script")?.getAttribute("src"), assets.quizScript);
  const ports = sheet.quiz.questions.find((q) => q.statement === "<b>all</b>");
  assert.ok(ports, "a cell's text, never its markup");

  const q0 = sheet.quiz.questions[0]!;
  const score = gradeQuiz(sheet.quiz, new URLSearchParams({ check: "1", [q0.id]: String(q0.answer) }));
  const marked = parse(String(StudyQuizPage({ sheet, score, assets, reader: null, here: "/study/7/quiz" })));
  assert.equal(marked.querySelector("[role=status]")?.textContent, "You got 1 of 18 right (17 not answered).");
  assert.equal(marked.querySelector("fieldset.quiz-question")?.getAttribute("data-state"), "right");
  assert.equal(marked.querySelectorAll("input[type=radio]:checked").length, 1);
});

test("every thread page has the Study this thread panel with the sheet, the PDF and the quiz", () => {
  const shared = thread({ best: true });
  const html = threadPageHtml({ shared, reader: null, order: "votes", opened: {}, notice: null, assets });
  const panel = parse(html).querySelector("aside.study-panel");
  assert.equal(panel?.querySelector("h2")?.textContent, "📚 Study this thread");
  assert.deepEqual(
    [...(panel?.querySelectorAll("a") ?? [])].map((a) => a.getAttribute("href")),
    ["/study/7", "/study/7.pdf", "/study/7.pdf?paper=letter", "/study/7/quiz"],
  );
});

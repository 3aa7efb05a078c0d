import assert from "node:assert/strict";
import { test } from "node:test";
import { renderMarkdown } from "../lib/markdown/pipeline";
import { buildQuiz, gradeQuiz } from "../lib/study/quiz";
import { chooseAnswer, type StudyAnswer, type StudyQuestion } from "../lib/study/sheet";
import { isComparisonTable, tablesOfPost, tablesOfThread } from "../lib/study/tables";
import { flagshipThread } from "../prisma/seed/flagship";

const flagshipHtml = renderMarkdown(flagshipThread.answer.bodyMd);
const source = { kind: "answer", answerId: 1, author: "zacharyallen1989" } as const;

test("the flagship answer's comparison table is read as text: its header, 7 features and 2 models", () => {
  const [table, ...more] = tablesOfPost(flagshipHtml, source);
  assert.equal(more.length, 0);
  assert.deepEqual(table?.headers, ["Feature", "Client-Server Model", "Peer-to-Peer (P2P) Model"]);
  assert.equal(table?.rows.length, 7);
  assert.deepEqual(
    table?.rows.map((r) => r[0]),
    ["⚙️ Architecture", "🛡️ Security", "📈 Scalability", "🚦 Performance", "💰 Cost", "🛠️ Complexity", "🌍 Typical Use Cases"],
  );
  assert.deepEqual(table?.rows[0], ["⚙️ Architecture", "Centralized, with dedicated servers and clients.", "Decentralized, all nodes are peers with equal roles."]);
  assert.ok(table && isComparisonTable(table));
});

test("the flagship quiz asks which model each of the 14 statements belongs to, the same every time", () => {
  const tables = tablesOfPost(flagshipHtml, source);
  const quiz = buildQuiz(tables);
  assert.equal(quiz.questions.length, 14);
  assert.deepEqual(buildQuiz(tablesOfPost(flagshipHtml, source)), quiz, "deterministic");
  assert.equal(new Set(quiz.questions.map((q) => q.id)).size, 14, "ids are unique");
  for (const q of quiz.questions) assert.deepEqual(q.choices, ["Client-Server Model", "Peer-to-Peer (P2P) Model"]);
  const central = quiz.questions.find((q) => q.statement === "Centralized, with dedicated servers and clients.");
  assert.equal(central?.feature, "⚙️ Architecture");
  assert.equal(central?.answer, 0, "Client-Server");
  const bittorrent = quiz.questions.find((q) => q.statement.startsWith("File sharing (BitTorrent)"));
  assert.equal(bittorrent?.answer, 1, "P2P");
  // Every cell is asked once, with its own column as the answer.
  assert.equal(quiz.questions.filter((q) => q.answer === 0).length, 7);
  // Shuffled by id, not column after column.
  const answers = quiz.questions.map((q) => q.answer).join("");
  assert.notEqual(answers, "01".repeat(7));
  assert.notEqual(answers, "0".repeat(7) + "1".repeat(7));
});

test("answers are marked: right, wrong, unanswered, and values no form offers", () => {
  const quiz = buildQuiz(tablesOfPost(flagshipHtml, source));
  const [a, b, c, d] = quiz.questions;
  const form = new URLSearchParams({ check: "1", [a!.id]: String(a!.answer), [b!.id]: String(1 - b!.answer), [c!.id]: "7", [d!.id]: "x" });
  const score = gradeQuiz(quiz, form);
  assert.equal(score.total, 14);
  assert.equal(score.answered, 2);
  assert.equal(score.correct, 1);
  assert.deepEqual(
    score.results.slice(0, 4).map((r) => [r.chosen, r.correct]),
    [
      [a!.answer, true],
      [1 - b!.answer, false],
      [null, false],
      [null, false],
    ],
  );
});

test("only comparison tables make questions; a shared description is not asked", () => {
  const html = renderMarkdown(
    [
      "| Port | Service |",
      "| --- | --- |",
      "| 22 | SSH |",
      "| 80 | HTTP |",
      "",
      "| Feature | TCP | UDP |",
      "| --- | --- | --- |",
      "| Ordering | Delivers in order | No ordering |",
      "| Checksums | Yes | Yes |",
      "| Setup | <script>alert(1)</script> handshake | None |",
    ].join("\n"),
  );
  const tables = tablesOfPost(html, { kind: "question" });
  assert.equal(tables.length, 2);
  assert.equal(isComparisonTable(tables[0]!), false, "two columns compare nothing");
  const quiz = buildQuiz(tables);
  // The raw HTML never reached the stored post: what is read back is its text.
  assert.deepEqual(quiz.questions.map((q) => q.statement).sort(), ["Delivers in order", "No ordering", "None", "alert(1) handshake"].sort());
  assert.ok(quiz.questions.every((q) => q.statement !== "Yes"));
});

test("a thread without tables has no quiz; the question's tables count too", () => {
  const answers = [{ id: 2, bodyHtml: "<p>No table here.</p>", author: { username: "x" } }];
  assert.equal(buildQuiz(tablesOfThread({ question: { bodyHtml: "<p>Hi</p>" }, answers })).questions.length, 0);
  assert.equal(buildQuiz(tablesOfThread({ question: { bodyHtml: flagshipHtml }, answers })).questions.length, 14);
});

test("the sheet studies the best answer, or else the top-scored one, labelled so", () => {
  const at = new Date("2026-03-15T12:00:00Z");
  const answer = (id: number, score: number) => ({ id, score, createdAt: at }) as StudyAnswer;
  const answers = [answer(1, 2), answer(2, 5), answer(3, 5)];
  assert.deepEqual(chooseAnswer({ bestAnswerId: 1 } as StudyQuestion, answers), { answer: answers[0], why: "best" });
  assert.deepEqual(chooseAnswer({ bestAnswerId: null } as StudyQuestion, answers), { answer: answers[1], why: "top" });
  assert.equal(chooseAnswer({ bestAnswerId: null } as StudyQuestion, []), null);
});

/**
 * The study sheet of a thread written like the flagship (its question and answer, picked as
 * best), read back through the thread's shared data as the server reads it, on either database:
 * the PDF is a real PDF of the expected pages, titled with the question, and kept per version.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PDFDocument } from "pdf-lib";
import { createQuestion } from "../lib/commands/create-question";
import { selectBestAnswer } from "../lib/commands/select-best-answer";
import { loadPublicThread } from "../lib/data/thread-cache";
import { lastPdfMs, stopStudyPdfWorker, studyPdf } from "../server/study-pdf";
import { renderStudyPdf } from "../lib/study/pdf/study-pdf";
import { MAX_QUESTIONS } from "../lib/study/quiz";
import { studySheetFor } from "../lib/study/sheet";
import { flagshipThread } from "../prisma/seed/flagship";
import { startMarkdownWorkers } from "../server/markdown-workers";
import { closeTestDatabase, openTestDatabase } from "./helpers/db";
import { answerAs, member, someCategoryId } from "./helpers/fixtures";

before(async () => {
  // These tests write long posts; on a loaded machine the first render in a cold worker can
  // pass the 1 s Markdown deadline, which is not what they test.
  startMarkdownWorkers({ deadlineMs: 15_000 });
  await openTestDatabase();
});
after(async () => {
  await stopStudyPdfWorker();
  await closeTestDatabase();
});

/** Page objects in the file itself (not pdf-lib's reading of them). */
const pageObjects = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

async function flagshipLikeThread() {
  const asker = await member();
  const q = await createQuestion(asker, { title: flagshipThread.question.title, body: flagshipThread.question.bodyMd, categoryId: await someCategoryId(), tags: "networking architecture" });
  const a = await answerAs(await member(), q.id, flagshipThread.answer.bodyMd);
  return { asker, q, a };
}

test("the flagship's study sheet PDF: %PDF, three A4 pages (the last the self-check), its title, and the emoji font embedded", async () => {
  const { asker, a, q } = await flagshipLikeThread();
  await selectBestAnswer(asker, a.id);
  const shared = await loadPublicThread(q.id, "votes");
  assert.ok(shared);
  const sheet = studySheetFor(shared);
  assert.equal(sheet.chosen?.why, "best");
  assert.equal(sheet.quiz.questions.length, 14);

  const started = performance.now();
  const pdf = await renderStudyPdf(sheet, { paper: "a4", origin: "http://forum.test" });
  const ms = performance.now() - started;
  assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  assert.equal(doc.getPageCount(), 3);
  assert.equal(pageObjects(pdf), 3);
  assert.equal(doc.getTitle(), flagshipThread.question.title);
  const [width, height] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
  assert.deepEqual([Math.round(width), Math.round(height)], [595, 842], "A4");
  const text = pdf.toString("latin1");
  assert.match(text, /\/BaseFont \/[A-Z]{6}\+NotoEmoji/, "the emoji are drawn in Noto Emoji");
  assert.match(text, /\/BaseFont \/[A-Z]{6}\+NotoSans-Bold/);
  console.log(`# flagship PDF: ${pdf.length} bytes, ${ms.toFixed(0)} ms (first in this process)`);

  const letter = await PDFDocument.load(await renderStudyPdf(sheet, { paper: "letter", origin: "http://forum.test" }));
  assert.deepEqual([letter.getPage(0).getWidth(), letter.getPage(0).getHeight()], [612, 792], "Letter");
});

test("a varied post: code, quotes, nested lists, links, symbols and a 45-row table over pages", async () => {
  const body = [
    "## Ports → services ✓",
    "",
    "Read [RFC 793](https://www.rfc-editor.org/rfc/rfc793); `netstat -tlnp` shows ≤ 65535 ports. Ελληνικά, кириллица.",
    "",
    "> A quote.",
    "",
    "1. First\n   - nested *one*\n2. Second ~~gone~~",
    "",
    "```sh\n$ curl -v https://example.org/a/very/long/path/that/goes/on/and/on/and/on/and/on/and/on/and/on/and/on\n```",
    "",
    "| Feature | TCP | UDP |",
    "| --- | --- | --- |",
    ...Array.from({ length: 45 }, (_, i) => `| Row ${i + 1} | Reliable stream ${i} | Datagram ${i} |`),
  ].join("\n");
  const asker = await member();
  const q = await createQuestion(asker, { title: "How do ports map to services, and how do TCP and UDP differ?", body: "A table of ports and protocols would help me 👋", categoryId: await someCategoryId(), tags: "tcp udp" });
  await answerAs(await member(), q.id, body);
  const sheet = studySheetFor((await loadPublicThread(q.id, "votes"))!);
  assert.equal(sheet.quiz.questions.length, MAX_QUESTIONS, "90 statements, the quiz keeps the first 40");
  const pdf = await renderStudyPdf(sheet, { paper: "letter", origin: "http://forum.test" });
  const doc = await PDFDocument.load(pdf);
  assert.equal(doc.getPageCount(), 6, "3 of the sheet, 3 of self-check (40 statements)");
  assert.equal(pageObjects(pdf), 6);
  const fonts = [...pdf.toString("latin1").matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]);
  for (const font of ["NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSansMono-Regular", "NotoSansMath-Regular", "NotoEmoji-Regular"]) assert.ok(fonts.includes(font), font);
});

test("an unpicked thread studies its top answer; a thread with no answer still makes one page", async () => {
  const { q } = await flagshipLikeThread();
  const sheet = studySheetFor((await loadPublicThread(q.id, "votes"))!);
  assert.equal(sheet.chosen?.why, "top");

  const lone = await createQuestion(await member(), { title: "What does a NAT table hold?", body: "Which entries does a NAT table keep, and for how long does it keep them?", categoryId: await someCategoryId(), tags: "nat" });
  const empty = studySheetFor((await loadPublicThread(lone.id, "votes"))!);
  assert.equal(empty.chosen, null);
  const pdf = await renderStudyPdf(empty, { paper: "a4", origin: "http://forum.test" });
  assert.equal((await PDFDocument.load(pdf)).getPageCount(), 1);
});

test("PDFs are kept per version: the same sheet is made once, an answer added makes a new one", async () => {
  const { q } = await flagshipLikeThread();
  const first = studySheetFor((await loadPublicThread(q.id, "votes"))!);
  const pdf = await studyPdf(first, "a4", "http://forum.test");
  assert.equal(await studyPdf(first, "a4", "http://forum.test"), pdf, "kept");
  assert.notEqual(await studyPdf(first, "letter", "http://forum.test"), pdf, "per paper");

  await answerAs(await member(), q.id, "| Feature | Hub | Switch |\n| --- | --- | --- |\n| Forwarding | To every port | To the right port |\n| Collisions | One domain | A domain per port |");
  const second = studySheetFor((await loadPublicThread(q.id, "votes"))!);
  assert.notEqual(second.version, first.version);
  assert.equal(second.otherTables.length, 1, "the other answer's table is listed");
  assert.equal(second.quiz.questions.length, 18, "and quizzed on");
  const started = performance.now();
  assert.notEqual(await studyPdf(second, "a4", "http://forum.test"), pdf);
  console.log(`# a PDF in the worker: ${lastPdfMs()?.toFixed(0)} ms there, ${(performance.now() - started).toFixed(0)} ms to the caller`);
  assert.equal((await PDFDocument.load(await studyPdf(second, "a4", "http://forum.test"))).getTitle(), flagshipThread.question.title);
});

/**
 * A thread's study sheet as a PDF, made by the forum itself with PDFKit (no browser): the
 * question, the answer to study, the thread's other tables and the quiz on paper, in Noto Sans with the emoji in
 * Noto Emoji, on A4 or Letter, numbered "page N of M". One PDF is kept per sheet version,
 * paper and address (pdf-cache.ts).
 */
import { SITE_NAME } from "@/components/html/document";
import { formatDate, plural } from "../../format";
import { questionPath } from "../../paths";
import type { StudySheet } from "../sheet";
import type { StudyTable } from "../tables";
import { postTree } from "../post-tree";
import { blocksOf, type Span } from "./blocks";
import { drawBlocks, drawTable, SIZES } from "./layout";
import { COLORS, lineHeightFor, PdfWriter } from "./writer";

export type Paper = "a4" | "letter";

const MARGINS = { top: 54, bottom: 58, left: 50, right: 50 };

const plain = (text: string, extra: Omit<Span, "text"> = {}): Span[] => [{ text, ...extra }];

function sectionHeading(w: PdfWriter, text: string, note?: string): void {
  w.gap(10);
  w.ensure(lineHeightFor(13) + 3 * lineHeightFor(SIZES.body));
  w.rule(COLORS.text);
  w.text(plain(text), { size: 13, style: "bold" });
  if (note) w.text(plain(note), { size: SIZES.small, color: COLORS.muted });
  w.gap(4);
}

function tableCaption(table: StudyTable): string {
  return table.source.kind === "question" ? "From the question" : `From the answer by ${table.source.author}`;
}

/** The quiz on paper, on a page of its own: a box per choice, the answers in small print. */
function drawSelfCheck(w: PdfWriter, sheet: StudySheet): void {
  w.doc.addPage();
  w.y = w.doc.page.margins.top;
  w.text(plain("Self-check"), { size: 13, style: "bold" });
  w.text(plain("Which one does each statement describe? From the thread's comparison tables; the quiz online marks your answers."), { size: SIZES.small, color: COLORS.muted });
  w.gap(6);
  sheet.quiz.questions.forEach((q, i) => {
    w.ensure(3 * lineHeightFor(SIZES.body));
    const number = `${i + 1}.`;
    const top = w.y;
    w.text([{ text: `${q.feature}: `, bold: true }, { text: q.statement }], { size: SIZES.body, indent: 18 });
    const [label] = w.wrap(plain(number), { size: SIZES.body, width: 18, color: COLORS.muted });
    if (label) w.drawLine(label, w.left + 14 - label.width, top, SIZES.body);
    w.text(plain(q.choices.map((c) => `☐ ${c}`).join("\u2003 ")), { size: SIZES.small + 0.5, color: COLORS.muted, indent: 18 });
    w.gap(4);
  });
  w.gap(8);
  w.text([{ text: "Answers: ", bold: true }, { text: sheet.quiz.questions.map((q, i) => `${i + 1}. ${q.choices[q.answer]}`).join(" · ") }], { size: SIZES.small, color: COLORS.muted });
}

/** The sheet as PDF bytes. `origin` ("https://forum.example") prints the thread's address. */
export async function renderStudyPdf(sheet: StudySheet, { paper, origin }: { paper: Paper; origin: string }): Promise<Buffer> {
  const { question, chosen } = sheet;
  const w = new PdfWriter({
    size: paper === "letter" ? "LETTER" : "A4",
    margins: MARGINS,
    lang: "en",
    displayTitle: true,
    info: { Title: question.title, Author: question.author.username, Subject: `Study sheet · ${SITE_NAME}`, Creator: SITE_NAME, Producer: SITE_NAME },
  });

  w.text(plain(`${SITE_NAME} · Study sheet`), { size: SIZES.small, color: COLORS.muted });
  w.gap(2);
  w.text(plain(question.title), { size: 19, style: "bold" });
  const meta = [`Asked by ${question.author.username} on ${formatDate(question.createdAt)}`, `${question.category.emoji ? `${question.category.emoji} ` : ""}${question.category.name}`, plural(sheet.answerCount, "answer")];
  w.text(plain(meta.join("  ·  ")), { size: SIZES.small + 0.5, color: COLORS.muted });
  if (question.tags.length > 0) w.text(plain(`Tags: ${question.tags.map((t) => t.tag.name).join(", ")}`), { size: SIZES.small + 0.5, color: COLORS.muted });
  const address = `${origin}${questionPath(question)}`;
  w.text([{ text: address, href: address }], { size: SIZES.small + 0.5 });

  sectionHeading(w, "Question");
  drawBlocks(w, blocksOf(postTree(question.bodyHtml).children));

  if (chosen) {
    const { answer, why } = chosen;
    sectionHeading(
      w,
      why === "best" ? "✅ Best answer" : "Top-voted answer",
      `${why === "best" ? "Picked as best" : "No best answer picked yet: the highest-scored answer"} · by ${answer.author.username} on ${formatDate(answer.createdAt)} · score ${answer.score}`,
    );
    drawBlocks(w, blocksOf(postTree(answer.bodyHtml).children));
  } else {
    sectionHeading(w, "Answers");
    w.text(plain("No answers yet."), { size: SIZES.body, color: COLORS.muted });
  }

  if (sheet.otherTables.length > 0) {
    sectionHeading(w, "More tables from this thread");
    for (const table of sheet.otherTables) {
      w.text(plain(tableCaption(table)), { size: SIZES.small, color: COLORS.muted });
      drawTable(w, table.headers.map((h) => plain(h, { bold: true })), table.rows.map((r) => r.map((c) => plain(c))));
    }
  }

  if (sheet.quiz.questions.length > 0) drawSelfCheck(w, sheet);

  const pages = w.doc.bufferedPageRange();
  for (let i = pages.start; i < pages.start + pages.count; i++) {
    w.doc.switchToPage(i);
    const footer = `${question.title} · page ${i + 1} of ${pages.count}`;
    const [line] = w.wrap(plain(footer), { size: SIZES.small, width: w.width, color: COLORS.muted });
    // Below the bottom margin: draw without the flow's page breaks.
    if (line) w.drawLine(line, w.left + (w.width - line.width) / 2, w.doc.page.height - MARGINS.bottom + 18, SIZES.small);
  }
  return w.finish();
}

/** @jsxImportSource hono/jsx */
/**
 * A thread's study sheet (the print view): the question, the answer to study (the best, or
 * the top-scored labelled so), the tables of the other answers and the quiz on paper, laid out for A4 and Letter
 * by the print rules in components/html/styles/study.css (no site chrome, links followed by
 * their address, tables kept whole where they fit). Post bodies were sanitized when written.
 */
import { raw } from "hono/html";
import type { ForumAssets } from "@/lib/assets";
import { formatDate, plural } from "@/lib/format";
import { questionPath, userPath } from "@/lib/paths";
import type { StudySheet } from "@/lib/study/sheet";
import { Document } from "../document";
import type { HeaderMember } from "../site-chrome";
import { studyPdfPath, studyQuizPath } from "./study-paths";
import { SelfCheck } from "./self-check";
import { StudyTableView } from "./study-table";

type Props = { sheet: StudySheet; assets: ForumAssets; reader: HeaderMember | null; here: string };

function SheetTools({ sheet }: { sheet: StudySheet }) {
  const { question } = sheet;
  return (
    <nav class="study-tools" aria-label="Study sheet">
      <a href={questionPath(question)}>← Back to the thread</a>
      <a href={studyPdfPath(question.id)} download="">
        Download PDF (A4)
      </a>
      <a href={studyPdfPath(question.id, "letter")} download="">
        PDF (Letter)
      </a>
      <a href={studyQuizPath(question.id)}>Quiz yourself{sheet.quiz.questions.length > 0 ? ` (${plural(sheet.quiz.questions.length, "question")})` : ""}</a>
      <span class="muted">Print it from your browser (Ctrl+P or ⌘P): it is laid out for paper.</span>
    </nav>
  );
}

export function StudySheetPage({ sheet, assets, reader, here }: Props) {
  const { question, chosen } = sheet;
  return (
    <Document title={`Study sheet: ${question.title}`} description={question.excerpt || undefined} assets={assets} member={reader} here={here} withScript={false}>
      <SheetTools sheet={sheet} />
      <article class="study-sheet" aria-labelledby="study-title">
        <header class="study-head">
          <p class="study-kicker">Study sheet</p>
          <h1 id="study-title">{question.title}</h1>
          <p class="study-meta">
            Asked by <a href={userPath(question.author.username)}>{question.author.username}</a> on {formatDate(question.createdAt)} ·{" "}
            {question.category.emoji && <span aria-hidden="true">{question.category.emoji} </span>}
            {question.category.name} · {plural(sheet.answerCount, "answer")}
            {question.tags.length > 0 && <> · Tags: {question.tags.map((t) => t.tag.name).join(", ")}</>}
          </p>
          <p class="study-source">
            From the thread <a href={questionPath(question)}>{questionPath(question)}</a>
          </p>
        </header>

        <section class="study-section" aria-labelledby="study-question">
          <h2 id="study-question">Question</h2>
          <div class="prose">{raw(question.bodyHtml)}</div>
        </section>

        <section class="study-section" aria-labelledby="study-answer">
          {chosen ? (
            <>
              <h2 id="study-answer">{chosen.why === "best" ? "✅ Best answer" : "Top-voted answer"}</h2>
              <p class="study-answer-note">
                {chosen.why === "best" ? "Picked as the best answer" : "No best answer has been picked yet: this is the highest-scored answer"} · by{" "}
                <a href={userPath(chosen.answer.author.username)}>{chosen.answer.author.username}</a> on {formatDate(chosen.answer.createdAt)} · score {chosen.answer.score}
              </p>
              <div class="prose">{raw(chosen.answer.bodyHtml)}</div>
            </>
          ) : (
            <>
              <h2 id="study-answer">Answers</h2>
              <p class="muted">No answers yet.</p>
            </>
          )}
        </section>

        {sheet.otherTables.length > 0 && (
          <section class="study-section" aria-labelledby="study-tables">
            <h2 id="study-tables">More tables from this thread</h2>
            {sheet.otherTables.map((table) => (
              <figure class="study-table prose">
                <figcaption>{table.source.kind === "question" ? "From the question" : `From the answer by ${table.source.author}`}</figcaption>
                <StudyTableView table={table} />
              </figure>
            ))}
          </section>
        )}

        <SelfCheck quiz={sheet.quiz} questionId={question.id} />
      </article>
    </Document>
  );
}

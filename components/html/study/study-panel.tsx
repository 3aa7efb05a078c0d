/** @jsxImportSource hono/jsx */
/**
 * "Study this thread", on every thread: the forum's own answer to the panel the flagship's
 * source page advertised (notes, quizzes and printable PDFs). Everything it leads to is made
 * from the thread itself, with no AI service: the print view, its PDF and the quiz.
 */
import { studyPdfPath, studyQuizPath, studySheetPath } from "./study-paths";

export function StudyPanel({ questionId }: { questionId: number }) {
  return (
    <aside class="study-panel" aria-labelledby="study-panel-heading">
      <h2 id="study-panel-heading">
        <span aria-hidden="true">📚 </span>Study this thread
      </h2>
      <p class="hint">Turn this thread into study notes: a printable sheet of the question, its best answer and key tables, and a quiz made from its comparison tables.</p>
      <ul class="study-links">
        <li>
          <a href={studySheetPath(questionId)}>Study sheet</a>
        </li>
        <li>
          <a href={studyPdfPath(questionId)} download="">
            PDF
          </a>{" "}
          <span class="muted">
            (A4, or{" "}
            <a href={studyPdfPath(questionId, "letter")} download="">
              Letter
            </a>
            )
          </span>
        </li>
        <li>
          <a href={studyQuizPath(questionId)}>Quiz yourself</a>
        </li>
      </ul>
    </aside>
  );
}

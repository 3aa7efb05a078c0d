/** @jsxImportSource hono/jsx */
/**
 * The quiz on paper: the sheet's last section lists the quiz's statements with a box per
 * choice, and the answers in small print below, for a reader who printed the sheet. The PDF
 * draws the same (lib/study/pdf/study-pdf.ts).
 */
import type { Quiz } from "@/lib/study/quiz";
import { studyQuizPath } from "./study-paths";

export function SelfCheck({ quiz, questionId }: { quiz: Quiz; questionId: number }) {
  if (quiz.questions.length === 0) return null;
  return (
    <section class="study-section self-check" aria-labelledby="study-self-check">
      <h2 id="study-self-check">Self-check</h2>
      <p class="study-answer-note">
        Which one does each statement describe? From the thread&apos;s comparison tables; online, <a href={studyQuizPath(questionId)}>the quiz</a> marks your answers.
      </p>
      <ol class="self-check-list">
        {quiz.questions.map((q) => (
          <li>
            <strong>{q.feature}:</strong> {q.statement}
            <span class="self-check-choices">
              {q.choices.map((choice) => (
                <span>☐ {choice}</span>
              ))}
            </span>
          </li>
        ))}
      </ol>
      <p class="self-check-key">
        <strong>Answers:</strong> {quiz.questions.map((q, i) => `${i + 1}. ${q.choices[q.answer]}`).join(" · ")}
      </p>
    </section>
  );
}

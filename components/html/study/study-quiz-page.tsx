/** @jsxImportSource hono/jsx */
/**
 * The self-quiz of a thread (lib/study/quiz.ts): a plain form that works without JavaScript
 * (sent, it comes back marked by the server), and with the quiz's own small script
 * (lib/enhance/study-quiz.ts, its own asset) each choice is marked at once and the answers are
 * kept in the browser, so the score survives a reload. The right answers are in the page
 * (data-answer): it is a quiz to learn from, not an exam.
 */
import type { ForumAssets } from "@/lib/assets";
import { questionPath } from "@/lib/paths";
import type { QuizQuestion, QuizScore } from "@/lib/study/quiz";
import type { StudySheet } from "@/lib/study/sheet";
import { Document } from "../document";
import type { HeaderMember } from "../site-chrome";
import { studyQuizPath, studySheetPath } from "./study-paths";

type Props = { sheet: StudySheet; score: QuizScore | null; assets: ForumAssets; reader: HeaderMember | null; here: string };

function Feedback({ question, chosen }: { question: QuizQuestion; chosen: number | null | undefined }) {
  if (chosen === undefined) return <p class="quiz-feedback" aria-live="polite" />;
  if (chosen === null) return <p class="quiz-feedback unanswered" aria-live="polite">Not answered: it is {question.choices[question.answer]}.</p>;
  return chosen === question.answer ? (
    <p class="quiz-feedback right" aria-live="polite">
      ✓ Right: {question.choices[question.answer]}.
    </p>
  ) : (
    <p class="quiz-feedback wrong" aria-live="polite">
      ✗ Not quite: it is {question.choices[question.answer]}.
    </p>
  );
}

function QuizItem({ question, n, chosen }: { question: QuizQuestion; n: number; chosen: number | null | undefined }) {
  const state = chosen === undefined ? undefined : chosen === question.answer ? "right" : "wrong";
  return (
    <fieldset class="quiz-question" data-question={question.id} data-answer={String(question.answer)} data-state={state}>
      <legend>
        <span class="quiz-number">{n}.</span> <span class="quiz-feature">{question.feature}:</span> {question.statement}
      </legend>
      <div class="quiz-choices">
        {question.choices.map((choice, i) => (
          <label>
            <input type="radio" name={question.id} value={String(i)} checked={chosen === i} /> {choice}
          </label>
        ))}
      </div>
      <Feedback question={question} chosen={chosen} />
    </fieldset>
  );
}

export function StudyQuizPage({ sheet, score, assets, reader, here }: Props) {
  const { question, quiz } = sheet;
  const chosen = new Map(score?.results.map((r) => [r.question.id, r.chosen]));
  const choices = quiz.questions[0]?.choices ?? [];
  return (
    <Document title={`Quiz: ${question.title}`} assets={assets} member={reader} here={here} withScript={false}>
      <div class="study-quiz">
        <nav class="study-tools" aria-label="Study sheet">
          <a href={questionPath(question)}>← Back to the thread</a>
          <a href={studySheetPath(question.id)}>Study sheet</a>
        </nav>
        <h1>Quiz: {question.title}</h1>
        {quiz.questions.length === 0 ? (
          <p class="empty">This thread has no comparison table to make a quiz from yet: a table with a feature column and two to four columns compared, like the flagship thread&apos;s.</p>
        ) : (
          <>
            <p class="lede">
              Which one is it? Each statement comes from the thread&apos;s comparison {quiz.questions.some((q) => q.choices !== choices) ? "tables" : "table"}: pick the column it describes
              {choices.length > 0 && ` (${choices.join(" or ")})`}.
            </p>
            <p class="quiz-score" role="status" data-quiz-score="">
              {score ? `You got ${score.correct} of ${score.total} right${score.answered < score.total ? ` (${score.total - score.answered} not answered)` : ""}.` : ""}
            </p>
            <form method="get" action={studyQuizPath(question.id)} class="quiz-form" data-quiz={String(question.id)}>
              <input type="hidden" name="check" value="1" />
              {quiz.questions.map((q, i) => (
                <QuizItem question={q} n={i + 1} chosen={score ? chosen.get(q.id) : undefined} />
              ))}
              <div class="quiz-actions">
                <button type="submit">Check my answers</button>
                <a href={studyQuizPath(question.id)} class="button button-quiet" data-quiz-reset="">
                  Start over
                </a>
              </div>
            </form>
            {assets.quizScript && <script src={assets.quizScript} defer />}
          </>
        )}
      </div>
    </Document>
  );
}

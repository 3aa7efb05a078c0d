/**
 * A self-quiz made from a thread's comparison tables, with no AI and no randomness: each
 * described cell becomes a statement ("Architecture: Centralized, with dedicated servers and
 * clients.") and the question is which of the compared things it belongs to. The same table
 * always gives the same questions in the same order, with ids that survive edits elsewhere in
 * the thread (a hash of the statement), so a score kept in the browser stays meaningful.
 */
import { isComparisonTable, type StudyTable } from "./tables";

export type QuizQuestion = {
  /** Stable across renders: the form field's name and the browser's key for the answer. */
  id: string;
  feature: string;
  statement: string;
  choices: string[];
  /** Index into `choices`. */
  answer: number;
};

export type Quiz = { questions: QuizQuestion[] };

export const MAX_QUESTIONS = 40;

/** FNV-1a, 32 bits: a short, stable fingerprint (not a secret: the answers are in the page). */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

function questionsOf(table: StudyTable): QuizQuestion[] {
  const choices = table.headers.slice(1);
  // A description that two columns share says nothing about which is which.
  const counts = new Map<string, number>();
  for (const row of table.rows) for (const cell of row.slice(1)) if (cell) counts.set(cell, (counts.get(cell) ?? 0) + 1);
  const questions: QuizQuestion[] = [];
  for (const [feature = "", ...cells] of table.rows) {
    cells.slice(0, choices.length).forEach((statement, answer) => {
      if (!statement || counts.get(statement) !== 1) return;
      questions.push({ id: `q${fingerprint(`${choices.join("|")}\n${feature}\n${statement}`)}`, feature, statement, choices, answer });
    });
  }
  return questions;
}

/**
 * The quiz for a thread's tables. Within each table the questions are ordered by their ids
 * (a fixed shuffle), so the answers do not simply alternate as the columns do.
 */
export function buildQuiz(tables: StudyTable[]): Quiz {
  const seen = new Set<string>();
  const questions: QuizQuestion[] = [];
  for (const table of tables.filter(isComparisonTable)) {
    const own = questionsOf(table).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const q of own) if (!seen.has(q.id) && seen.add(q.id)) questions.push(q);
  }
  return { questions: questions.slice(0, MAX_QUESTIONS) };
}

export type QuizResult = {
  question: QuizQuestion;
  /** The index chosen, or null when left unanswered (or answered with something not offered). */
  chosen: number | null;
  correct: boolean;
};

export type QuizScore = { results: QuizResult[]; answered: number; correct: number; total: number };

/** Marks the answers a form sent (field = question id, value = choice index). */
export function gradeQuiz(quiz: Quiz, answers: URLSearchParams): QuizScore {
  const results = quiz.questions.map((question) => {
    const raw = answers.get(question.id);
    const index = raw !== null && /^\d{1,2}$/.test(raw) ? Number(raw) : -1;
    const chosen = index >= 0 && index < question.choices.length ? index : null;
    return { question, chosen, correct: chosen === question.answer };
  });
  return {
    results,
    answered: results.filter((r) => r.chosen !== null).length,
    correct: results.filter((r) => r.correct).length,
    total: results.length,
  };
}

/**
 * What a thread's study sheet holds, chosen once per thread version (the shared value
 * lib/data/thread-cache.ts hands out, replaced by every write): the question, the answer to
 * study (the best one, or else the top-scored, labelled so), the tables of the other answers,
 * and the quiz made from the thread's comparison tables. The HTML sheet, the PDF and the quiz
 * page all read it from here.
 */
import type { PublicThread } from "../data/thread-cache";
import { buildQuiz, type Quiz } from "./quiz";
import { tablesOfPost, tablesOfThread, type StudyTable } from "./tables";

export type StudyQuestion = PublicThread["thread"]["question"];
export type StudyAnswer = PublicThread["thread"]["answers"][number];

/** "best": picked by the asker or a moderator; "top": no pick yet, the highest score. */
export type ChosenAnswer = { answer: StudyAnswer; why: "best" | "top" };

export type StudySheet = {
  question: StudyQuestion;
  chosen: ChosenAnswer | null;
  answerCount: number;
  /** Tables from answers other than the chosen one (its own tables are in its body). */
  otherTables: StudyTable[];
  quiz: Quiz;
  /** Changes whenever anything the sheet or PDF shows changes: the PDF cache's key. */
  version: string;
};

const kept = new WeakMap<PublicThread, StudySheet>();

/** The answer to study: the pick, or else the highest score (the thread's "votes" order puts it first). */
export function chooseAnswer(question: StudyQuestion, answers: StudyAnswer[]): ChosenAnswer | null {
  const best = answers.find((a) => a.id === question.bestAnswerId);
  if (best) return { answer: best, why: "best" };
  const top = [...answers].sort((a, b) => b.score - a.score || a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)[0];
  return top ? { answer: top, why: "top" } : null;
}

function versionOf(question: StudyQuestion, answers: StudyAnswer[], chosen: ChosenAnswer | null): string {
  const stamp = (d: Date) => d.getTime().toString(36);
  return [question.id, stamp(question.updatedAt), question.score, chosen?.answer.id ?? 0, chosen?.why ?? "", ...answers.map((a) => `${a.id}.${stamp(a.updatedAt)}.${a.score}`)].join("-");
}

export function studySheetFor(shared: PublicThread): StudySheet {
  const hit = kept.get(shared);
  if (hit) return hit;
  const { question, answers } = shared.thread;
  const chosen = chooseAnswer(question, answers);
  const otherTables = answers
    .filter((a) => a.id !== chosen?.answer.id)
    .flatMap((a) => tablesOfPost(a.bodyHtml, { kind: "answer", answerId: a.id, author: a.author.username }));
  const sheet: StudySheet = {
    question,
    chosen,
    answerCount: answers.length,
    otherTables,
    quiz: buildQuiz(tablesOfThread(shared.thread)),
    version: versionOf(question, answers, chosen),
  };
  kept.set(shared, sheet);
  return sheet;
}

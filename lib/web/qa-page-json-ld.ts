/**
 * schema.org QAPage structured data for a thread, as Google's Q&A rich results require: one
 * Question (name, text, answerCount, upvoteCount, dates, author with url, commentCount), the
 * picked best answer as acceptedAnswer and only then, every other answer as suggestedAnswer,
 * each with text, url (straight to it), author, datePublished, upvoteCount and commentCount.
 */
import { answerPath, questionPath, userPath } from "../paths";
import { htmlToText } from "./html-text";
import { absoluteUrl } from "./site-url";

type Author = { username: string };
export type JsonLdQuestion = {
  id: number;
  slug: string;
  title: string;
  bodyHtml: string;
  score: number;
  createdAt: Date;
  updatedAt: Date;
  bestAnswerId: number | null;
  author: Author;
};
export type JsonLdAnswer = { id: number; bodyHtml: string; score: number; createdAt: Date; updatedAt: Date; author: Author };

type Input = {
  question: JsonLdQuestion;
  /** The answers shown on this page (all of them, or one page of them). */
  answers: JsonLdAnswer[];
  /** Every live answer of the thread, also those on other pages. */
  answerCount: number;
  /** The best answer, also when it is not among `answers` (another page). */
  bestAnswer?: JsonLdAnswer | null;
  commentCounts: { question: number; answers: Partial<Record<number, number>> };
};

const person = (author: Author) => ({ "@type": "Person", name: author.username, url: absoluteUrl(userPath(author.username)) });

export function qaPageJsonLd({ question, answers, answerCount, bestAnswer, commentCounts }: Input) {
  const answer = (a: JsonLdAnswer) => ({
    "@type": "Answer",
    text: htmlToText(a.bodyHtml),
    url: absoluteUrl(answerPath(question, a.id)),
    author: person(a.author),
    datePublished: a.createdAt.toISOString(),
    dateModified: a.updatedAt.toISOString(),
    upvoteCount: a.score,
    commentCount: commentCounts.answers[a.id] ?? 0,
  });
  const best = question.bestAnswerId === null ? null : (bestAnswer ?? answers.find((a) => a.id === question.bestAnswerId) ?? null);
  const others = answers.filter((a) => a.id !== question.bestAnswerId);
  return {
    "@context": "https://schema.org",
    "@type": "QAPage",
    mainEntity: {
      "@type": "Question",
      name: question.title,
      text: htmlToText(question.bodyHtml) || question.title,
      answerCount,
      upvoteCount: question.score,
      datePublished: question.createdAt.toISOString(),
      dateModified: question.updatedAt.toISOString(),
      author: person(question.author),
      commentCount: commentCounts.question,
      url: absoluteUrl(questionPath(question)),
      ...(best ? { acceptedAnswer: answer(best) } : {}),
      ...(others.length ? { suggestedAnswer: others.map(answer) } : {}),
    },
  };
}

/**
 * JSON for inside <script type="application/ld+json">: nothing in it can end the element or
 * open a comment ("<" , ">" and "&" are written as \u escapes, which JSON reads back the same),
 * and the line separators JavaScript once refused are escaped too.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

import "server-only";
import { db } from "../db";

const MAX_WORDS = 8;
const MAX_TITLE_CHARS = 300;

type SimilarRow = { id: number; title: string; slug: string; answerCount: number; bestAnswerId: number | null };

/**
 * Up to eight distinct [a-z0-9]{3,} words of a title. Accents are folded first ("café" ->
 * "cafe"); everything else splits words. The result is safe to join with " | " for
 * to_tsquery, which would otherwise reject stray operators and punctuation.
 */
function extractSearchWords(title: string): string[] {
  const words = title
    .slice(0, MAX_TITLE_CHARS)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/** Up to 5 live questions whose titles share words with a draft title, best match first. */
export async function findSimilarQuestions(title: string) {
  const words = extractSearchWords(title);
  if (words.length === 0) return [];

  // An OR query: a partial title should still find questions sharing any of its words.
  // Words that are all stop words make an empty query, which matches nothing (no error).
  const query = words.join(" | ");
  const rows = await db.$queryRaw<SimilarRow[]>`
    SELECT "id", "title", "slug", "answerCount", "bestAnswerId"
    FROM "Question"
    WHERE "deletedAt" IS NULL
      AND to_tsvector('english', "title") @@ to_tsquery('english', ${query})
    ORDER BY ts_rank(to_tsvector('english', "title"), to_tsquery('english', ${query})) DESC,
      "answerCount" DESC, "id" DESC
    LIMIT 5`;

  const questions = rows.map((q) => ({
    id: q.id,
    title: q.title,
    url: `/questions/${q.id}/${q.slug}`,
    answerCount: Number(q.answerCount),
    hasBestAnswer: q.bestAnswerId !== null,
  }));
  return questions;
}

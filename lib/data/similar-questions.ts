import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";

const MAX_WORDS = 8;
const MAX_TITLE_CHARS = 300;

type SimilarRow = { id: number; title: string; slug: string; answerCount: number; bestAnswerId: number | null };

/**
 * Up to eight distinct [a-z0-9]{3,} words of a title. Accents are folded first ("café" ->
 * "cafe"); everything else splits words. The result is safe to join with " | " or " & " for
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

/**
 * Candidates ranked per kind of match: an OR of common words ("tcp", "window") matches a
 * large share of all titles, and ranking parses each candidate's title again.
 */
const POOL = 100;

// Must stay exactly the expression of "Question_title_search_idx" (migrations), or
// PostgreSQL parses every title instead.
const titleVector = Prisma.sql`to_tsvector('english', "title")`;

/**
 * Up to 5 live questions whose titles share words with a draft title, best match first. The
 * title index finds the matches (the any-word ones are collected through it: left to itself
 * the planner walked the newest questions parsing each title, far too many when the words
 * are rare in titles); only the newest POOL with every word and the newest POOL with any are
 * ranked.
 */
export async function findSimilarQuestions(title: string) {
  const words = extractSearchWords(title);
  if (words.length === 0) return [];

  // Words that are all stop words make an empty query, which matches nothing (no error).
  const anyWord = Prisma.sql`to_tsquery('english', ${words.join(" | ")})`;
  const everyWord = Prisma.sql`to_tsquery('english', ${words.join(" & ")})`;
  const rows = await db.$queryRaw<SimilarRow[]>`
    WITH every_word AS (
      SELECT "id" FROM "Question" WHERE "deletedAt" IS NULL AND ${titleVector} @@ ${everyWord}
      ORDER BY "id" DESC LIMIT ${POOL}
    ),
    any_match AS MATERIALIZED (
      SELECT "id" FROM "Question" WHERE "deletedAt" IS NULL AND ${titleVector} @@ ${anyWord}
    ),
    any_word AS (SELECT "id" FROM any_match ORDER BY "id" DESC LIMIT ${POOL})
    SELECT "id", "title", "slug", "answerCount", "bestAnswerId"
    FROM "Question"
    WHERE "id" IN (SELECT "id" FROM every_word UNION SELECT "id" FROM any_word)
    ORDER BY ts_rank(${titleVector}, ${anyWord}) DESC, "answerCount" DESC, "id" DESC
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

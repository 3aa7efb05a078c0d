import "server-only";
import { db, hasParallelWorkers } from "../db";
import { Prisma } from "../generated/prisma/client";
import { highlightAll, searchTerms, snippet, type SearchTerms } from "../search-highlight";
import { tsqueryTokens } from "../tsquery";
import { firstWindowFor, searchStats } from "./search-estimate";

export const SEARCH_PAGE_SIZE = 20;

export type SearchInput = {
  q: string;
  tag?: string;
  categorySlug?: string;
  answered?: "yes" | "no";
  hasBest?: boolean;
  author?: string;
  page?: number;
};

export type SearchHit = {
  id: number;
  title: string;
  slug: string;
  answerCount: number;
  bestAnswerId: number | null;
  score: number;
  createdAt: Date;
  author: { username: string };
  category: { slug: string; name: string; emoji: string };
  /** Escaped HTML: the title with the matching words in <mark>. */
  titleHtml: string;
  /** Escaped HTML: up to 30 words of the body around the matches. */
  snippetHtml: string;
  /** Escaped HTML: the same of the best-matching answer, when an answer matched. */
  answerSnippetHtml: string | null;
};

// Stored with each post when it is written (generated columns, GIN-indexed as
// "Question_search_idx" and "Answer_search_idx"): matching and ranking read them, no text is
// parsed again (the shown posts' words are marked in JavaScript: lib/search-highlight.ts).
const questionVector = Prisma.sql`q."searchVector"`;
const answerVector = Prisma.sql`a."searchVector"`;

// Answer lexemes carry weight D (0.1) against A/B for the question, and count at half again:
// a question about the words beats one whose answer merely mentions them.
const ANSWER_WEIGHT = 0.5;

/**
 * Bounded work per search. The GIN indexes find matches cheaply, but ranking reads each
 * candidate's row and stored vector (tens of microseconds per post), so a common word matching
 * tens of thousands of questions cannot be ranked whole within the latency target. Matches
 * are therefore taken newest first in blocks of SEARCH_POOL, each block ranked on its own:
 * page 1 shows the most relevant of the newest SEARCH_POOL matches, and page
 * SEARCH_POOL / SEARCH_PAGE_SIZE + 1 starts the next block. Matches are first looked for among
 * the newest questions only (as many as the words' frequencies say should hold the block, at
 * least FIRST_WINDOW: search-estimate.ts), widening until a window holds the whole block, so a
 * common word never makes PostgreSQL visit all its matches. A query whose matches fit in one
 * block is ranked exactly, over all of them.
 */
export const SEARCH_POOL = 60;
const FIRST_WINDOW = 2_000;
const SKIP_ANSWERS_FACTOR = 4;

type Row = Omit<SearchHit, "id" | "author" | "category" | "titleHtml" | "snippetHtml" | "answerSnippetHtml"> & {
  id: number | null;
  authorUsername: string;
  categorySlug: string;
  categoryName: string;
  categoryEmoji: string;
  body: string;
  answerBody: string | null;
  total: number;
  answersSkipped: boolean;
};

export type SearchResult = {
  hits: SearchHit[];
  /** Matches counted; a lower bound when `totalIsExact` is false (a common word). */
  total: number;
  totalIsExact: boolean;
  hasMore: boolean;
};

function filtersSql(input: SearchInput): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`q."deletedAt" IS NULL AND q."hiddenAt" IS NULL`];
  if (input.tag) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "QuestionTag" qt JOIN "Tag" t ON t."id" = qt."tagId"
      WHERE qt."questionId" = q."id" AND t."name" = ${input.tag})`);
  }
  if (input.categorySlug) parts.push(Prisma.sql`q."categoryId" = (SELECT "id" FROM "Category" WHERE "slug" = ${input.categorySlug})`);
  if (input.author) parts.push(Prisma.sql`q."authorId" = (SELECT "id" FROM "User" WHERE "usernameKey" = lower(${input.author}))`);
  if (input.hasBest === true) parts.push(Prisma.sql`q."bestAnswerId" IS NOT NULL`);
  if (input.hasBest === false) parts.push(Prisma.sql`q."bestAnswerId" IS NULL`);
  if (input.answered) {
    const live = Prisma.sql`EXISTS (SELECT 1 FROM "Answer" la WHERE la."questionId" = q."id" AND la."deletedAt" IS NULL AND la."hiddenAt" IS NULL)`;
    parts.push(input.answered === "yes" ? live : Prisma.sql`NOT ${live}`);
  }
  return Prisma.join(parts, " AND ");
}

const liveAnswer = Prisma.sql`a."deletedAt" IS NULL AND a."hiddenAt" IS NULL`;

/**
 * websearch_to_tsquery turns a hyphenated word into a phrase ('keep-al' <-> 'keep' <-> 'aliv'),
 * and a phrase makes PostgreSQL re-parse every candidate post to check word positions. The
 * compound lexeme alone ('keep-al') only ever comes from that hyphenated word, so where the
 * phrase is exactly the compound and its parts (not inside a longer quoted phrase), it is
 * replaced by the compound: the same matches, answered from the index alone.
 */
export function simplifyCompounds(query: string): string {
  const tokens = tsqueryTokens(query);
  if (!tokens) return query;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const prev = out.at(-1);
    if (token.startsWith("'") && token.includes("-") && (prev === undefined || /^[&|!(]$/.test(prev))) {
      const pieces = token.split("-").length;
      let j = i + 1;
      let distance = 0;
      for (; distance < pieces && /^<(-|\d+)>$/.test(tokens[j] ?? "") && tokens[j + 1]?.startsWith("'"); j += 2) {
        distance += tokens[j] === "<->" ? 1 : Number(tokens[j]!.slice(1, -1));
      }
      if (distance === pieces && (j === tokens.length || /^[&|)]$/.test(tokens[j]!))) {
        out.push(token);
        i = j - 1;
        continue;
      }
    }
    out.push(token);
  }
  // "load balancer load balancer": a repeated word in a plain AND of words adds nothing but
  // misleads the planner's estimate (it multiplies the word's frequency in).
  const flatAnd = out.every((t, i) => (i % 2 ? t === "&" : t.startsWith("'")));
  return flatAnd ? [...new Set(out.filter((t) => t !== "&"))].join(" & ") : out.join(" ");
}

/**
 * Full-text search over live questions: their title and body, or any live answer's body.
 * The user's text only ever reaches PostgreSQL as a bound parameter of websearch_to_tsquery,
 * which accepts any input (quotes, operators, SQL) without error; its output comes back as
 * text and is passed on, as a parameter again, cast to tsquery.
 */
export async function searchQuestions(input: SearchInput, tuning: { firstWindow?: number } = {}): Promise<SearchResult> {
  const q = input.q.trim();
  if (!q) return { hits: [], total: 0, totalIsExact: true, hasMore: false };
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const block = Math.floor(((page - 1) * SEARCH_PAGE_SIZE) / SEARCH_POOL);
  const offsetInBlock = (page - 1) * SEARCH_PAGE_SIZE - block * SEARCH_POOL;
  const needed = (block + 1) * SEARCH_POOL;
  const [[head], stats] = await Promise.all([
    db.$queryRaw<{ query: string; maxId: number | null }[]>`
      SELECT websearch_to_tsquery('english', ${q})::text AS "query", (SELECT max("id") FROM "Question") AS "maxId"`,
    tuning.firstWindow === undefined ? searchStats() : null,
  ]);
  const original = head?.query ?? "";
  const tsquery = simplifyCompounds(original);
  // Only stop words or punctuation: nothing can match.
  if (!tsquery) return { hits: [], total: 0, totalIsExact: true, hasMore: false };
  const maxId = head?.maxId ?? 0;
  for (let size = tuning.firstWindow ?? firstWindowFor(tsquery, stats, needed, FIRST_WINDOW); ; ) {
    const minId = Math.max(0, maxId - size);
    const rows = await searchWindow(input, tsquery, minId, block, offsetInBlock, needed);
    const total = rows[0]?.total ?? 0;
    if (minId === 0 || total >= needed) {
      // Marked by the unsimplified query: a hyphenated word's parts too.
      const terms = searchTerms(original, q);
      const hits = rows.filter((r): r is Row & { id: number } => r.id !== null).map((r) => toHit(r, terms));
      const shown = block * SEARCH_POOL + offsetInBlock + hits.length;
      // Skipped answers (a very common word) leave out a few answer-only matches: not counted.
      const totalIsExact = minId === 0 && rows[0]?.answersSkipped !== true;
      return { hits, total, totalIsExact, hasMore: minId > 0 || shown < total };
    }
    // Too few matches among the newest `size` questions for this block: widen to where, at the
    // density just seen, twice as many should be (a rare word goes straight to all questions).
    size = total === 0 ? Infinity : Math.max(size * 4, Math.ceil((size * needed * 2) / total));
  }
}

/**
 * One block of matches among questions with id >= minId, ranked, and one page of it; serial.
 * PostgreSQL plans the answers' arm in parallel (it prices the word's whole posting list), and
 * starts the worker even when the arm is skipped: at 100k questions that start was 20-25 ms of
 * a common word's 40-50 ms (SQL p95 over the benchmark's 200 searches 41-55 -> 14-23 ms without
 * it). The arm runs only for rare words, whose few matches need no worker. SET LOCAL keeps the
 * setting to this transaction, off the pooled connection. PGlite starts no workers, and the
 * transaction would cost it about 1 ms.
 */
async function searchWindow(input: SearchInput, tsquery: string, minId: number, block: number, offsetInBlock: number, needed: number) {
  const query = searchWindowQuery(input, tsquery, minId, block, offsetInBlock, needed);
  if (!hasParallelWorkers()) return query;
  const [, rows] = await db.$transaction([db.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`, query]);
  return rows;
}

function searchWindowQuery(input: SearchInput, tsquery: string, minId: number, block: number, offsetInBlock: number, needed: number) {
  const query = Prisma.sql`${tsquery}::tsquery`;
  const filters = filtersSql(input);
  // A question found through an answer has one: "unanswered" needs no answer search at all.
  // Nor does a block the questions' own text fills: in a window of the newest questions (more
  // are there to page through), as soon as they fill it; over all questions, when they fill it
  // several times over. Listing a common word's matching answers cost more than the rest of
  // the search (its whole posting list is read, whatever the window), and answer-only matches
  // rank below the questions' own (weight D, halved).
  const skipAt = minId > 0 ? needed : needed * SKIP_ANSWERS_FACTOR;
  const answerArm =
    input.answered === "no"
      ? Prisma.sql`SELECT NULL::int AS "answerId", NULL::int AS "questionId" WHERE false`
      : Prisma.sql`SELECT a."id" AS "answerId", a."questionId" FROM "Answer" a JOIN "Question" q ON q."id" = a."questionId"
          WHERE (SELECT COUNT(*) FROM qm) < ${skipAt}
            AND ${answerVector} @@ ${query} AND ${liveAnswer} AND a."questionId" >= ${minId} AND ${filters}`;
  const answersSkipped = input.answered === "no" ? Prisma.sql`false` : Prisma.sql`(SELECT COUNT(*) FROM qm) >= ${skipAt}`;
  return db.$queryRaw<Row[]>`
    WITH qm AS MATERIALIZED (
      SELECT q."id" FROM "Question" q
      WHERE ${questionVector} @@ ${query} AND q."id" >= ${minId} AND ${filters}
    ),
    am AS MATERIALIZED (${answerArm}),
    cand AS MATERIALIZED (SELECT "id" FROM qm UNION SELECT "questionId" FROM am),
    counted AS (SELECT COUNT(*)::int AS n FROM cand),
    pool AS (
      SELECT "id" FROM cand
      WHERE ${minId} = 0 OR (SELECT n FROM counted) >= ${needed}
      ORDER BY "id" DESC LIMIT ${SEARCH_POOL} OFFSET ${block * SEARCH_POOL}
    ),
    -- The pooled questions' matching answers, for ranking and snippets, found through each
    -- question's answers (OFFSET 0 keeps the match out of the scan, so no index reads the
    -- word's whole posting list for a few dozen questions).
    pool_answers AS MATERIALIZED (
      SELECT x."id", x."questionId", ts_rank(x."searchVector", ${query}) AS rank
      FROM (SELECT a."id", a."questionId", a."searchVector" FROM "Answer" a
        WHERE a."questionId" IN (SELECT "id" FROM pool) AND ${liveAnswer} OFFSET 0) x
      WHERE x."searchVector" @@ ${query}
    ),
    answer_rank AS (SELECT "questionId", MAX(rank) AS rank FROM pool_answers GROUP BY "questionId"),
    ranked AS (
      SELECT q."id", q."createdAt", ts_rank(${questionVector}, ${query}) + ${ANSWER_WEIGHT}::real * COALESCE(ar.rank, 0) AS rank
      FROM pool p JOIN "Question" q ON q."id" = p."id" LEFT JOIN answer_rank ar ON ar."questionId" = p."id"
    ),
    page AS (
      SELECT * FROM ranked ORDER BY rank DESC, "createdAt" DESC, "id" DESC
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offsetInBlock}
    )
    SELECT cnt.n AS "total", ${answersSkipped} AS "answersSkipped", q."id", q."title", q."slug", q."answerCount", q."bestAnswerId", q."score", q."createdAt",
      u."username" AS "authorUsername", c."slug" AS "categorySlug", c."name" AS "categoryName",
      c."emoji" AS "categoryEmoji", q."bodyMd" AS "body",
      (SELECT a."bodyMd" FROM pool_answers pa JOIN "Answer" a ON a."id" = pa."id" WHERE pa."questionId" = q."id"
        ORDER BY pa.rank DESC, a."id" LIMIT 1) AS "answerBody"
    -- The count comes back even with no page (one row of nulls): it decides whether to widen.
    FROM counted cnt LEFT JOIN (page p
      JOIN "Question" q ON q."id" = p."id"
      JOIN "User" u ON u."id" = q."authorId"
      JOIN "Category" c ON c."id" = q."categoryId") ON true
    ORDER BY p.rank DESC, p."createdAt" DESC, p."id" DESC`;
}

function toHit(row: Row & { id: number }, terms: SearchTerms): SearchHit {
  const { authorUsername, categorySlug, categoryName, categoryEmoji, body, answerBody } = row;
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    answerCount: row.answerCount,
    bestAnswerId: row.bestAnswerId,
    score: row.score,
    createdAt: row.createdAt,
    author: { username: authorUsername },
    category: { slug: categorySlug, name: categoryName, emoji: categoryEmoji },
    titleHtml: highlightAll(row.title, terms),
    snippetHtml: snippet(body, terms),
    answerSnippetHtml: answerBody === null ? null : snippet(answerBody, terms),
  };
}

import "server-only";
import { db } from "../db";
import { lexemeOf, tsqueryTokens } from "../tsquery";
import { processState } from "../process-state";

/**
 * How big a slice of the newest questions a search should look at first, estimated from
 * PostgreSQL's own statistics on the stored search vectors (the most common lexemes and their
 * shares of rows, which ANALYZE keeps in pg_stats). A search widens its window until it holds
 * a block of matches (lib/data/search.ts); every window that proves too small costs a whole
 * query, and a fixed first window was too small for about two searches in five. A word outside
 * the statistics is rare, so its search goes straight to all questions, which the index
 * answers cheaply for a rare word.
 */

/** Share of rows holding each common lexeme; `rare` stands for any other lexeme. */
export type LexemeShares = { shares: Map<string, number>; rare: number };
export type SearchStats = { questions: LexemeShares; answers: LexemeShares; answersPerQuestion: number };

// PostgreSQL's own guess for a lexeme missing from the statistics (ts_selfuncs.c): at most half
// the least common listed one's share, and never above this.
const DEFAULT_MATCH_SHARE = 0.005;
// The window aims at this many times the matches the page needs: estimates assume words occur
// independently, and a window that turns out too small costs a second query.
const MARGIN = 2.5;
const REFRESH_MS = 10 * 60_000;
const CAP = 8;
const RARE = 32;

type Kept = { stats: SearchStats | null; at: number; loading: Promise<SearchStats | null> | null };
const kept = processState<Kept>("search-stats", () => ({ stats: null, at: -Infinity, loading: null }));

type StatsRow = { table: string; elems: string[] | null; freqs: number[] | null; rows: number };

async function loadStats(): Promise<SearchStats | null> {
  const rows = await db.$queryRaw<StatsRow[]>`
    SELECT s."tablename" AS "table", s."most_common_elems"::text::text[] AS "elems",
      s."most_common_elem_freqs"::float8[] AS "freqs", c."reltuples"::float8 AS "rows"
    FROM pg_stats s
    JOIN pg_namespace n ON n."nspname" = s."schemaname"
    JOIN pg_class c ON c."relnamespace" = n."oid" AND c."relname" = s."tablename"
    WHERE s."schemaname" = current_schema() AND s."tablename" IN ('Question', 'Answer') AND s."attname" = 'searchVector'`;
  const question = rows.find((r) => r.table === "Question");
  const answer = rows.find((r) => r.table === "Answer");
  // Not analyzed yet (a new database): no estimate, the fixed first window applies.
  if (!question || !answer || !(question.rows > 0)) return null;
  return {
    questions: lexemeShares(question),
    answers: lexemeShares(answer),
    answersPerQuestion: Math.max(0, answer.rows) / question.rows,
  };
}

function lexemeShares(row: StatsRow): LexemeShares {
  const elems = row.elems ?? [];
  const freqs = row.freqs ?? [];
  const shares = new Map<string, number>();
  elems.forEach((lexeme, i) => shares.set(lexeme, freqs[i] ?? 0));
  // After one share per lexeme come the least and the greatest share.
  const least = elems.length > 0 ? (freqs[elems.length] ?? 0) : 0;
  return { shares, rare: Math.min(DEFAULT_MATCH_SHARE, least / 2 || DEFAULT_MATCH_SHARE) };
}

/** The statistics, read at most every ten minutes per process (they move slowly). */
export async function searchStats(now = Date.now()): Promise<SearchStats | null> {
  if (now - kept.at < REFRESH_MS) return kept.stats;
  kept.loading ??= loadStats()
    // Statistics only steer the window: a failure to read them must not fail the search.
    .catch(() => null)
    .then((stats) => Object.assign(kept, { stats, at: Date.now() }).stats)
    .finally(() => (kept.loading = null));
  return kept.loading;
}

type Node = { share: (s: LexemeShares) => number };

// Words searched together go together: "window scaling" matched 16 times the questions the
// product of its words' shares promised, and a window sized by that promise read them all. So
// AND backs off (the rarer share times the square root of the other), and a phrase counts as
// its rarest word.
const and = (a: number, b: number) => Math.min(a, b) * Math.sqrt(Math.max(a, b));
const phrase = (a: number, b: number) => Math.min(a, b);
const or = (a: number, b: number) => a + b - a * b;

/**
 * Parses websearch_to_tsquery's output ('a' & !('b' | 'c' <-> 'd')) into a share estimate, or
 * null for anything else (weights, prefixes).
 */
function parse(query: string): Node | null {
  const tokens = tsqueryTokens(query);
  if (!tokens || tokens.length === 0) return null;
  let i = 0;
  const binary = (ops: RegExp, next: () => Node | null, combine: (a: number, b: number) => number) => (): Node | null => {
    let left = next();
    while (left && ops.test(tokens[i] ?? "")) {
      i++;
      const right = next();
      if (!right) return null;
      const l = left;
      left = { share: (s) => combine(l.share(s), right.share(s)) };
    }
    return left;
  };
  const unary = (): Node | null => {
    const t = tokens[i++];
    if (t === "!") {
      const inner = unary();
      return inner && { share: (s) => 1 - inner.share(s) };
    }
    if (t === "(") {
      const inner = anyOf();
      return tokens[i++] === ")" ? inner : null;
    }
    if (t?.startsWith("'")) {
      const lexeme = lexemeOf(t);
      return { share: (s) => s.shares.get(lexeme) ?? s.rare };
    }
    return null;
  };
  // Tightest first: phrase, then AND, then OR.
  const inPhrase = binary(/^<(-|\d+)>$/, unary, phrase);
  const allOf = binary(/^&$/, inPhrase, and);
  const anyOf = binary(/^\|$/, allOf, or);
  const root = anyOf();
  return root && i === tokens.length ? root : null;
}

/** Estimated shares of questions a tsquery finds by their own text, and by it or an answer's; null if unknown. */
export function estimateMatchShares(query: string, stats: SearchStats): { questions: number; all: number } | null {
  const root = parse(query);
  if (!root) return null;
  const questions = root.share(stats.questions);
  return { questions, all: Math.min(1, questions + stats.answersPerQuestion * root.share(stats.answers)) };
}

/**
 * The first window, in questions, for a search that needs `needed` matches, between `floor` and
 * CAP times it (the cap bounds what too low an estimate can cost). Preferably one the
 * questions' own text should fill, which spares the search the answers' index
 * (lib/data/search.ts); otherwise one that questions and answers together should fill; and
 * Infinity (every question) when even RARE times `floor` questions should not hold them.
 */
export function firstWindowFor(query: string, stats: SearchStats | null, needed: number, floor: number): number {
  const shares = stats && estimateMatchShares(query, stats);
  if (!shares) return floor;
  const target = needed * MARGIN;
  const byQuestions = shares.questions > 0 ? target / shares.questions : Infinity;
  if (byQuestions <= floor * CAP) return Math.ceil(Math.max(floor, byQuestions));
  const byEither = shares.all > 0 ? target / shares.all : Infinity;
  if (byEither > floor * RARE) return Infinity;
  return Math.ceil(Math.min(floor * CAP, Math.max(floor, byEither)));
}

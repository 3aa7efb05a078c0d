import { stem } from "porter2";
import { escapeHtml } from "./html-escape";
import { lexemeOf, tsqueryTokens } from "./tsquery";

/**
 * Search highlighting: the words a search looked for, marked in a result's title and in a
 * snippet of its text. PostgreSQL's ts_headline did this, but it parses and stems every word of
 * every shown post on each search, about a quarter of an embedded search's time (the database
 * runs as WebAssembly on the request's core). Here each shown text is split into words, and a
 * word is marked when its stem (Porter2, the algorithm of PostgreSQL's english_stem) is one of
 * the search's. Which questions match stays the database's decision; this only marks words.
 */

// PostgreSQL's english stop words (english.stop): a search never looks for them.
const STOP_WORDS = new Set(
  ("i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself " +
    "it its itself they them their theirs themselves what which who whom this that these those am is are was were be " +
    "been being have has had having do does did doing a an the and but if or because as until while of at by for with " +
    "about against between into through during before after above below to from up down in out on off over under " +
    "again further then once here there when where why how all any both each few more most other some such no nor " +
    "not only own same so than too very s t can will just don should now").split(" "),
);

export type SearchTerms = ReadonlySet<string>;

/** A word as the english configuration indexes it: stemmed, unless it holds a digit (ipv6, 443). */
function stemmed(word: string): string {
  const lower = word.toLowerCase();
  return /\p{N}/u.test(lower) ? lower : stem(lower);
}

// Posts repeat their words: each is stemmed once per process (the cap bounds the memory).
const TERM_CACHE_SIZE = 50_000;
const termCache = new Map<string, string>();

function termOf(word: string): string {
  let term = termCache.get(word);
  if (term === undefined) {
    if (termCache.size >= TERM_CACHE_SIZE) termCache.clear();
    termCache.set(word, (term = stemmed(word)));
  }
  return term;
}

/**
 * The terms to mark: the lexemes of the search's tsquery (websearch_to_tsquery's output), and
 * the stems of the words typed, so a word is marked even where the database's stemmer version
 * and Porter2 part ways (PostgreSQL 18 stems "adding" to "add", 15 and Porter2 to "ad"). Words
 * the search excludes (-word, !'word') are not marked.
 */
export function searchTerms(tsquery: string, typed: string): SearchTerms {
  const terms = new Set<string>();
  const tokens = tsqueryTokens(tsquery) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === "!") {
      // Skip the negated operand: one lexeme, or a parenthesized group.
      if (tokens[i + 1] === "(") {
        for (let depth = 0, j = i + 1; j < tokens.length; j++) {
          depth += tokens[j] === "(" ? 1 : tokens[j] === ")" ? -1 : 0;
          if (depth === 0) {
            i = j;
            break;
          }
        }
      } else i++;
      continue;
    }
    if (token.startsWith("'")) terms.add(lexemeOf(token));
  }
  const kept = typed.replace(/(^|\s)-"[^"]*"?/g, " ").replace(/(^|\s)-\S*/g, " ");
  for (const word of kept.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (!STOP_WORDS.has(word.toLowerCase())) terms.add(termOf(word));
  }
  return terms;
}

type Word = { start: number; end: number; hit: boolean };

// A run of letters and digits is a word. Runs joined by a separator the parser keeps inside one
// token (I/O, 10.0.0.2, example.com, tls1.3) are also one term as a whole. A hyphenated word is a
// term too, but ts_headline marks its parts, and the search holds them: so do we.
const ASCII_WORD = Array.from({ length: 128 }, (_, c) => /[A-Za-z0-9]/.test(String.fromCharCode(c)));
const isWordChar = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c < 128 ? ASCII_WORD[c]! : /[\p{L}\p{N}]/u.test(text[i]!);
};
const isJoiner = (c: number) => c === 46 /* . */ || c === 47 /* / */ || c === 64; /* @ */

// A hand-written scanner: matchAll over the same pattern took most of a search's highlighting time.
function words(text: string, terms: SearchTerms): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    // One token: parts joined by single separators.
    const parts: Word[] = [];
    let joined = false;
    for (;;) {
      const start = i;
      while (i < text.length && isWordChar(text, i)) i++;
      parts.push({ start, end: i, hit: false });
      const sep = text.charCodeAt(i);
      if (i + 1 < text.length && (sep === 45 /* - */ || isJoiner(sep)) && isWordChar(text, i + 1)) {
        joined ||= isJoiner(sep);
        i++;
      } else break;
    }
    const first = parts[0]!;
    const last = parts.at(-1)!;
    if (joined && terms.has(text.slice(first.start, last.end).toLowerCase())) {
      out.push({ start: first.start, end: last.end, hit: true });
      continue;
    }
    for (const p of parts) {
      p.hit = terms.has(termOf(text.slice(p.start, p.end)));
      out.push(p);
    }
  }
  return out;
}

/** Escaped text with every hit word in <mark>, whitespace runs collapsed to one space. */
function render(text: string, list: Word[], from: number, to: number): string {
  let html = "";
  let at = from;
  for (const w of list) {
    if (w.start < from || w.end > to || !w.hit) continue;
    html += escapeHtml(text.slice(at, w.start)) + "<mark>" + escapeHtml(text.slice(w.start, w.end)) + "</mark>";
    at = w.end;
  }
  return (html + escapeHtml(text.slice(at, to))).replace(/\s+/g, " ").trim();
}

/** The whole text (a title), escaped, its matching words in <mark>. */
export function highlightAll(text: string, terms: SearchTerms): string {
  return render(text, words(text, terms), 0, text.length);
}

const SNIPPET_WORDS = 30;
// Words of context shown before the first match of a snippet.
const LEAD_WORDS = 5;
// A post can be long: its snippet is looked for in its beginning only (ts_headline read it all).
const SCANNED_CHARS = 20_000;

/**
 * Up to SNIPPET_WORDS words of a post's text around its matches (the stretch holding the most,
 * the earliest of equals), escaped, matches in <mark>, with "…" where text is left out; the
 * beginning when no word matches (the question was found by its title or an answer).
 */
export function snippet(body: string, terms: SearchTerms): string {
  const text = body.slice(0, SCANNED_CHARS);
  const list = words(text, terms);
  if (list.length === 0) return "";
  let best = 0;
  let bestHits = -1;
  for (let i = 0; i < list.length; i++) {
    if (!list[i]!.hit) continue;
    const from = Math.max(0, Math.min(i - LEAD_WORDS, list.length - SNIPPET_WORDS));
    let hits = 0;
    for (let j = from; j < Math.min(list.length, from + SNIPPET_WORDS); j++) if (list[j]!.hit) hits++;
    if (hits > bestHits) [best, bestHits] = [from, hits];
  }
  const last = Math.min(list.length, best + SNIPPET_WORDS) - 1;
  const cutEnd = last < list.length - 1 || body.length > text.length;
  const html = render(text, list, best === 0 ? 0 : list[best]!.start, cutEnd ? list[last]!.end : text.length);
  return `${best > 0 ? "… " : ""}${html}${cutEnd ? " …" : ""}`;
}

import type { Metadata } from "next";
import Link from "next/link";
import { Pagination, pageHref, parsePage } from "@/components/pagination";
import { SearchResults } from "@/components/search-results";
import styles from "@/components/search-results.module.css";
import { listCategoryChoices } from "@/lib/data/categories";
import { searchQuestions, type SearchResult } from "@/lib/data/search";
import { plural } from "@/lib/format";
import { parseSearchParams, SEARCH_QUERY_MAX, type SearchParams } from "@/lib/validation/list";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchParams(await searchParams);
  return { title: q ? `Search: ${q}` : "Search", robots: { index: false } };
}

/** The parameters that define a search, as kept on pagination links. */
function linkParams(p: SearchParams): Record<string, string> {
  return { q: p.q, category: p.category ?? "", tag: p.tag ?? "", answered: p.answered ?? "", best: p.best ? "1" : "", author: p.author ?? "" };
}

function ResultCount({ q, result }: { q: string; result: SearchResult }) {
  if (result.totalIsExact) {
    return (
      <>
        {plural(result.total, "question")} {result.total === 1 ? "matches" : "match"} “<strong>{q}</strong>”.
      </>
    );
  }
  return (
    <>
      More than {result.total.toLocaleString("en-US")} questions match “<strong>{q}</strong>”: the most relevant of the newest come first. Add
      words or filters to narrow them down.
    </>
  );
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = await searchParams;
  const params = parseSearchParams(raw);
  const page = parsePage(raw.page);
  const [categories, result] = await Promise.all([
    listCategoryChoices(),
    params.q
      ? searchQuestions({ q: params.q, tag: params.tag, categorySlug: params.category, answered: params.answered, hasBest: params.best, author: params.author, page })
      : null,
  ]);
  return (
    <>
      <h1>Search</h1>
      <form action="/search" method="get" role="search" aria-label="Search with filters" className={styles.form}>
        <div className={styles.query}>
          <label htmlFor="search-q">
            Search for
            <input id="search-q" name="q" type="search" defaultValue={params.q} maxLength={SEARCH_QUERY_MAX} aria-describedby="search-hint" />
          </label>
          <button type="submit">Search</button>
        </div>
        <label htmlFor="search-category">
          Category
          <select id="search-category" name="category" defaultValue={params.category ?? ""}>
            <option value="">Any category</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor="search-tag">
          Tag
          <input id="search-tag" name="tag" type="text" defaultValue={params.tag ?? ""} maxLength={60} placeholder="e.g. tcp" />
        </label>
        <label htmlFor="search-answered">
          Answers
          <select id="search-answered" name="answered" defaultValue={params.answered ?? ""}>
            <option value="">Any</option>
            <option value="yes">Answered</option>
            <option value="no">Unanswered</option>
          </select>
        </label>
        <label htmlFor="search-author">
          Author
          <input id="search-author" name="author" type="text" defaultValue={params.author ?? ""} maxLength={60} placeholder="username" />
        </label>
        <label htmlFor="search-best" className={styles.check}>
          <input id="search-best" name="best" type="checkbox" value="1" defaultChecked={params.best === true} /> Has best answer
        </label>
      </form>
      <p id="search-hint" className="hint">
        All words must match. Use &quot;quotes&quot; for a phrase, <code>or</code> for either word, and -word to leave a word out.
      </p>
      {params.truncated && <p className="hint">Only the first {SEARCH_QUERY_MAX} characters of your search were used.</p>}
      {result && <Results q={params.q} result={result} page={page} params={params} />}
    </>
  );
}

function Results({ q, result, page, params }: { q: string; result: SearchResult; page: number; params: SearchParams }) {
  if (result.hits.length === 0) {
    return page > 1 ? (
      <p className="empty" role="status">
        No more results. <Link href={pageHref("/search", 1, linkParams(params))}>Back to the first page</Link>
      </p>
    ) : (
      <p className="empty" role="status">
        No questions match “{q}”{params.tag || params.category || params.answered || params.best || params.author ? " with these filters" : ""}.
        Try fewer or different words.
      </p>
    );
  }
  return (
    <>
      <p className={styles.status} role="status">
        <ResultCount q={q} result={result} />
      </p>
      <SearchResults hits={result.hits} />
      <Pagination basePath="/search" page={page} hasMore={result.hasMore} params={linkParams(params)} />
    </>
  );
}

import Link from "next/link";
import type { SearchHit } from "@/lib/data/search";
import { plural } from "@/lib/format";
import { CategoryLink } from "./category-link";
import { questionPath } from "./question-list";
import { RelativeTime } from "./relative-time";
import styles from "./search-results.module.css";

/*
 * The *Html fields come from lib/data/search highlightToHtml: the author's text HTML-escaped,
 * with only <mark> and </mark> added after escaping. That is why they may be set as HTML here.
 */

function Snippet({ hit }: { hit: SearchHit }) {
  // A question found through an answer shows where the words are: in that answer.
  const fromAnswer = hit.answerSnippetHtml !== null && !hit.snippetHtml.includes("<mark>");
  if (fromAnswer) {
    return (
      <p className={styles.snippet}>
        <span className={styles.source}>From an answer: </span>
        <span dangerouslySetInnerHTML={{ __html: hit.answerSnippetHtml ?? "" }} />
      </p>
    );
  }
  return <p className={styles.snippet} dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />;
}

export function SearchResults({ hits }: { hits: SearchHit[] }) {
  return (
    <ol className={`question-list ${styles.results}`}>
      {hits.map((hit) => (
        <li key={hit.id} className="question-summary">
          <div className="stats" aria-label="Question stats">
            <span className="stat">{plural(hit.score, "vote")}</span>
            <span className={hit.bestAnswerId ? "stat answered" : "stat"} title={hit.bestAnswerId ? "Has a best answer" : undefined}>
              {hit.bestAnswerId && <span aria-hidden="true">✓ </span>}
              {plural(hit.answerCount, "answer")}
            </span>
          </div>
          <div className="summary-main">
            <h3>
              <Link href={questionPath(hit)}>
                <span dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
              </Link>
            </h3>
            <Snippet hit={hit} />
            <div className="summary-meta">
              <CategoryLink category={hit.category} />
              <span className="byline">
                <Link href={`/users/${encodeURIComponent(hit.author.username)}`}>{hit.author.username}</Link> asked{" "}
                <RelativeTime date={hit.createdAt} />
              </span>
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}

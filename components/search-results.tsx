import type { SearchHit } from "@/lib/data/search";
import { searchResultsHtml } from "./search-results-markup";

/**
 * The results, prebuilt as one string (search-results-markup.ts). The search page is sent as
 * plain HTML (server/member-page.ts): React's copy of them in its payload is stripped with its
 * scripts, and React never hydrates them.
 */
export function SearchResults({ hits }: { hits: readonly SearchHit[] }) {
  return <div dangerouslySetInnerHTML={{ __html: searchResultsHtml(hits) }} />;
}

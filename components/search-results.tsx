import { headers } from "next/headers";
import type { SearchHit } from "@/lib/data/search";
import { DEFER_HTML_HEADER, deferHtml, FILL_ATTRIBUTE } from "@/lib/deferred-html";
import { searchResultsHtml } from "./search-results-markup";

/**
 * The results, prebuilt as one string (search-results-markup.ts) and, on document requests,
 * left out of React's payload (lib/deferred-html.ts): the search page is sent as plain HTML
 * (server/member-page.ts), so React never hydrates the element it leaves empty.
 */
export async function SearchResults({ hits }: { hits: readonly SearchHit[] }) {
  const html = searchResultsHtml(hits);
  const deferring = (await headers()).get(DEFER_HTML_HEADER) === "1";
  return <div {...(deferring ? { [FILL_ATTRIBUTE]: deferHtml(html) } : { dangerouslySetInnerHTML: { __html: html } })} />;
}

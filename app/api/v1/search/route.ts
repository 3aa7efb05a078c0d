import { queryChoice, queryParam } from "@/lib/api/input";
import { pageResponse, readPaging } from "@/lib/api/paging";
import { apiPaths, presentAuthor } from "@/lib/api/present";
import { ApiProblem } from "@/lib/api/problem";
import { apiRead } from "@/lib/api/route";
import { SEARCH_PAGE_SIZE, searchQuestions, type SearchHit } from "@/lib/data/search";
import { SEARCH_QUERY_MAX } from "@/lib/validation/list";
import { categoryPath, questionPath } from "@/lib/paths";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/route";

const presentHit = (h: SearchHit) => ({
  id: h.id,
  title: h.title,
  titleHtml: h.titleHtml,
  snippetHtml: h.snippetHtml,
  answerSnippetHtml: h.answerSnippetHtml,
  score: h.score,
  answerCount: h.answerCount,
  bestAnswerId: h.bestAnswerId,
  createdAt: h.createdAt.toISOString(),
  author: presentAuthor(h.author),
  category: { slug: h.category.slug, name: h.category.name, links: { html: categoryPath(h.category.slug) } },
  links: { self: apiPaths.question(h.id), html: questionPath(h), answers: apiPaths.answers(h.id) },
});

/** The search page's own search (lib/data/search.ts): its matching, ranking and pages of 20. */
export const GET = apiRead(async (request) => {
  const url = new URL(request.url);
  const q = queryParam(url, "q", SEARCH_QUERY_MAX)?.trim();
  if (!q) throw new ApiProblem(400, "Say what to search for.", { errors: [{ field: "q", detail: "This parameter is required." }] });
  const tag = queryParam(url, "tag", 60)?.toLowerCase();
  const categorySlug = queryParam(url, "category", 100);
  const author = queryParam(url, "author", 60);
  const answered = queryChoice(url, "answered", ["yes", "no"] as const);
  const best = queryChoice(url, "hasBestAnswer", ["true", "false"] as const);
  const paging = readPaging(url, SEARCH_PAGE_SIZE);
  const result = await searchQuestions({ q, tag, categorySlug, author, answered, hasBest: best === undefined ? undefined : best === "true", page: paging.page });
  return pageResponse(url, result.hits.map(presentHit), paging, result.hasMore, { total: result.total, totalIsExact: result.totalIsExact });
});

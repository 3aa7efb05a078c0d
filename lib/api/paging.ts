import { ApiProblem } from "./problem";
import { jsonResponse } from "./responses";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
// Deep offsets cost the database a walk past every row before them; lists this long are for
// search or a narrower filter.
export const MAX_PAGE = 1000;

export type Paging = { page: number; pageSize: number };

function wholeNumber(url: URL, name: string, fallback: number, max: number): number {
  const values = url.searchParams.getAll(name);
  if (values.length === 0) return fallback;
  const value = values[0]!;
  if (values.length > 1 || !/^[1-9]\d{0,6}$/.test(value) || Number(value) > max) {
    throw new ApiProblem(400, `The query parameter "${name}" is not valid.`, { errors: [{ field: name, detail: `Use a whole number from 1 to ${max}${values.length > 1 ? ", once" : ""}.` }] });
  }
  return Number(value);
}

/** ?page=&pageSize= (1-based page; pageSize up to MAX_PAGE_SIZE, or `fixedSize` where the data has one). */
export function readPaging(url: URL, fixedSize?: number): Paging {
  const page = wholeNumber(url, "page", 1, MAX_PAGE);
  if (fixedSize !== undefined) {
    if (url.searchParams.has("pageSize") && url.searchParams.get("pageSize") !== String(fixedSize)) {
      throw new ApiProblem(400, `The query parameter "pageSize" is not valid.`, { errors: [{ field: "pageSize", detail: `This list has pages of ${fixedSize}.` }] });
    }
    return { page, pageSize: fixedSize };
  }
  return { page, pageSize: wholeNumber(url, "pageSize", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) };
}

function pageUrl(url: URL, page: number): string {
  const next = new URL(url.pathname + url.search, "http://api.local");
  next.searchParams.set("page", String(page));
  return next.pathname + next.search;
}

/**
 * One page of a list: `{ items, page, pageSize, hasMore, links }` and the same next/prev links
 * in a Link header (RFC 8288). Links are paths on this host, so they hold behind any proxy.
 */
export function pageResponse(url: URL, items: unknown[], paging: Paging, hasMore: boolean, extra: Record<string, unknown> = {}): Response {
  const links: { next?: string; prev?: string } = {};
  if (hasMore && paging.page < MAX_PAGE) links.next = pageUrl(url, paging.page + 1);
  if (paging.page > 1) links.prev = pageUrl(url, paging.page - 1);
  const header = Object.entries(links).map(([rel, href]) => `<${href}>; rel="${rel}"`).join(", ");
  return jsonResponse({ items, page: paging.page, pageSize: paging.pageSize, hasMore, ...extra, links }, header ? { headers: { Link: header } } : {});
}

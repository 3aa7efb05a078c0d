import { z } from "zod";

export const listSorts = ["newest", "active", "unanswered", "top"] as const;
export type ListSort = (typeof listSorts)[number];

/** ?sort=… of a question list: an unknown or missing value is the default order, not an error. */
export const sortSchema = z.enum(listSorts).catch("newest");

export function parseSort(value: unknown): ListSort {
  return sortSchema.parse(value);
}

export const SEARCH_QUERY_MAX = 200;

// PostgreSQL text cannot hold NUL; a pasted one must not turn a search into a server error.
const text = (max: number) =>
  z
    .string()
    .catch("")
    .transform((s) => s.replace(/\u0000/g, "").trim().slice(0, max));

const optionalText = (max: number) => text(max).transform((s) => s || undefined);

/**
 * The search page's query string. Every field is forgiving (bad values are dropped, long ones
 * cut), because a URL is not a form the reader can correct field by field.
 */
export const searchParamsSchema = z.object({
  q: text(SEARCH_QUERY_MAX),
  tag: optionalText(60).transform((s) => s?.toLowerCase()),
  category: optionalText(100),
  answered: z.enum(["yes", "no"]).optional().catch(undefined),
  best: z
    .string()
    .optional()
    .catch(undefined)
    .transform((s) => (s === "1" || s === "on" || s === "yes" ? true : undefined)),
  author: optionalText(60),
});

export type SearchParams = z.infer<typeof searchParamsSchema> & { truncated: boolean };

/** Takes the first value of repeated parameters (?q=a&q=b), as the URL a browser sends may. */
export function parseSearchParams(raw: Record<string, string | string[] | undefined>): SearchParams {
  const first = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = searchParamsSchema.parse(first);
  const truncated = typeof first.q === "string" && first.q.trim().length > SEARCH_QUERY_MAX;
  return { ...parsed, truncated };
}

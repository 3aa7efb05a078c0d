import Link from "next/link";

/** ?page=N as a positive integer; anything else is page 1. */
export function parsePage(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isSafeInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/** basePath with the given parameters (empty ones dropped) and, past page 1, ?page=N last. */
export function pageHref(basePath: string, page: number, params: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== "" && key !== "page") query.set(key, value);
  if (page > 1) query.set("page", String(page));
  const qs = query.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

/** Previous / next links; `params` (e.g. the sort or the search) are kept on every link. */
export function Pagination({ basePath, page, hasMore, params }: { basePath: string; page: number; hasMore: boolean; params?: Record<string, string> }) {
  if (page === 1 && !hasMore) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && (
        <Link href={pageHref(basePath, page - 1, params)} rel="prev">
          ← Previous
        </Link>
      )}
      <span aria-current="page">Page {page}</span>
      {hasMore && (
        <Link href={pageHref(basePath, page + 1, params)} rel="next">
          Next →
        </Link>
      )}
    </nav>
  );
}

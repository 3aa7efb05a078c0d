import Link from "next/link";

/** ?page=N as a positive integer; anything else is page 1. */
export function parsePage(value: string | undefined): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

export function Pagination({ basePath, page, hasMore }: { basePath: string; page: number; hasMore: boolean }) {
  if (page === 1 && !hasMore) return null;
  const href = (p: number) => (p === 1 ? basePath : `${basePath}?page=${p}`);
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && <Link href={href(page - 1)} rel="prev">← Newer</Link>}
      <span aria-current="page">Page {page}</span>
      {hasMore && <Link href={href(page + 1)} rel="next">Older →</Link>}
    </nav>
  );
}

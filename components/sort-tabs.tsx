import Link from "next/link";
import type { ListSort } from "@/lib/validation/list";
import styles from "./sort-tabs.module.css";

const labels: Record<ListSort, string> = {
  newest: "Newest",
  active: "Active",
  unanswered: "Unanswered",
  top: "Top",
};

/** The list orders as links (works without JavaScript); the default order keeps the bare URL. */
export function sortHref(basePath: string, sort: string): string {
  return sort === "newest" ? basePath : `${basePath}?sort=${encodeURIComponent(sort)}`;
}

export function SortTabs({ basePath, sort }: { basePath: string; sort: string }) {
  return (
    <nav aria-label="Sort questions" className={styles.tabs}>
      {(Object.keys(labels) as ListSort[]).map((key) => (
        <Link
          key={key}
          href={sortHref(basePath, key)}
          className={styles.tab}
          aria-current={key === sort ? "page" : undefined}
          title={key === "unanswered" ? "Questions without a best answer" : undefined}
        >
          {labels[key]}
        </Link>
      ))}
    </nav>
  );
}

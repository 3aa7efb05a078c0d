import type { Metadata } from "next";
import Link from "next/link";
import { listTags } from "@/lib/data/tags";
import { plural } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tags" };

export default async function TagsPage() {
  const tags = await listTags();
  return (
    <>
      <div className="page-heading">
        <h1>Tags</h1>
      </div>
      <p className="lede">A tag groups questions about one subject. The most used come first.</p>
      {tags.length === 0 ? (
        <p className="empty">No tags yet: they appear as questions are asked.</p>
      ) : (
        <ul className="category-grid" aria-label="Tags">
          {tags.map((t) => (
            <li key={t.name}>
              <Link href={`/tags/${encodeURIComponent(t.name)}`}>
                <span className="category-title">
                  <span className="tag">{t.name}</span>
                </span>
                <span className="muted">{plural(t.count, "question")}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

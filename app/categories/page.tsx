import type { Metadata } from "next";
import Link from "next/link";
import { listCategories } from "@/lib/data/categories";
import { plural } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Categories" };

export default async function CategoriesPage() {
  const categories = await listCategories();
  return (
    <>
      <h1>Categories</h1>
      <ul className="category-grid">
        {categories.map((c) => (
          <li key={c.id}>
            <Link href={`/categories/${c.slug}`}>
              <span className="category-title">
                {c.emoji && <span aria-hidden="true">{c.emoji} </span>}
                {c.name}
              </span>
              <span className="muted">{plural(c._count.questions, "question")}</span>
            </Link>
            {c.description && <p>{c.description}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}

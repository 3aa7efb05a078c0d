import Link from "next/link";

export function CategoryLink({ category }: { category: { slug: string; name: string; emoji: string } }) {
  return (
    <Link href={`/categories/${category.slug}`} className="category">
      {category.emoji && <span aria-hidden="true">{category.emoji} </span>}
      {category.name}
    </Link>
  );
}

import Link from "next/link";

export function TagList({ tags }: { tags: { tag: { name: string } }[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tags" aria-label="Tags">
      {tags.map(({ tag }) => (
        <li key={tag.name}>
          <Link href={`/tags/${encodeURIComponent(tag.name)}`} className="tag">
            {tag.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

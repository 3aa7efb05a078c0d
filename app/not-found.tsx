import Link from "next/link";

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have been removed, or the link may be mistyped.</p>
      <p>
        <Link href="/">Back to the latest questions</Link>
      </p>
    </div>
  );
}

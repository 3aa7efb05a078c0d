import type { Metadata } from "next";

// Rendered on every request with no database work of its own: a health check, and the
// benchmark's "framework floor" (what any dynamic page of this build costs at least).
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Status", robots: { index: false } };

export default function StatusPage() {
  return (
    <p>
      ok <time dateTime={new Date().toISOString()}>{new Date().toISOString()}</time>
    </p>
  );
}

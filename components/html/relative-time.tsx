/** @jsxImportSource hono/jsx */
import { formatExact, formatRelative } from "@/lib/format";

/** "4h ago", with the exact date on hover and for machines. */
export function RelativeTime({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={formatExact(date)}>
      {formatRelative(date)}
    </time>
  );
}

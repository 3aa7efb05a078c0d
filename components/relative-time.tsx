import { formatExact, formatRelative } from "@/lib/format";
import { escapeHtml as esc } from "@/lib/html-escape";

/** "4h ago", with the exact date on hover and for machines. */
export function RelativeTime({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={formatExact(date)}>
      {formatRelative(date)}
    </time>
  );
}

/** The same element as a string, for HTML prebuilt outside React. */
export const relativeTimeHtml = (date: Date) =>
  `<time dateTime="${esc(date.toISOString())}" title="${esc(formatExact(date))}">${esc(formatRelative(date))}</time>`;

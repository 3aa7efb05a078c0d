// Dates are formatted by hand, in UTC, the way Intl's en-US "medium" style writes them: a long
// thread shows a hundred dates or more on every signed-in render, and Intl.DateTimeFormat#format
// costs about ten times as much per call. tests/format.test.ts checks the output against Intl's.
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mar 15, 2026" */
export function formatDate(date: Date): string {
  return `${months[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** "just now", "5m ago", "4h ago", "3d ago"; older than four weeks, the date ("Mar 15, 2026"). */
export function formatRelative(date: Date, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h ago`;
  if (seconds < 28 * 86_400) return `${Math.floor(seconds / 86_400)}d ago`;
  return formatDate(date);
}

/** The exact moment, shown on hover: "Mar 15, 2026, 12:00 PM UTC". */
export function formatExact(date: Date): string {
  const hours = date.getUTCHours();
  const minutes = String(date.getUTCMinutes()).padStart(2, "0");
  return `${formatDate(date)}, ${hours % 12 || 12}:${minutes} ${hours < 12 ? "AM" : "PM"} UTC`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

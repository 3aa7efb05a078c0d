const dateFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const exactFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** "just now", "5m ago", "4h ago", "3d ago"; older than four weeks, the date ("Mar 15, 2026"). */
export function formatRelative(date: Date, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h ago`;
  if (seconds < 28 * 86_400) return `${Math.floor(seconds / 86_400)}d ago`;
  return dateFormat.format(date);
}

/** The exact moment, shown on hover: "Mar 15, 2026, 12:00 PM UTC". */
export function formatExact(date: Date): string {
  return `${exactFormat.format(date)} UTC`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

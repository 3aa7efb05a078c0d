/**
 * Fixed-window counters for rate limits, per key ("login:ip:1.2.3.4"). In process by default;
 * the store is behind an async interface so a Redis store can replace it when several app
 * servers must share limits.
 */
export type Rule = { limit: number; windowMs: number };
export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

type Window = { count: number; resetAt: number };
const g = globalThis as typeof globalThis & { __forumRateLimits?: Map<string, Window> };
const windows = (g.__forumRateLimits ??= new Map());

function current(key: string, windowMs: number, now: number): Window {
  let w = windows.get(key);
  if (!w || w.resetAt <= now) {
    w = { count: 0, resetAt: now + windowMs };
    windows.set(key, w);
    if (windows.size > 50_000) sweep(now);
  }
  return w;
}

function sweep(now: number) {
  for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
}

/** Counts one attempt against `rule`; refused once the window's limit is used up. */
export async function consume(key: string, rule: Rule, now = Date.now()): Promise<Verdict> {
  const w = current(key, rule.windowMs, now);
  if (w.count >= rule.limit) return { ok: false, retryAfterSeconds: Math.ceil((w.resetAt - now) / 1000) };
  w.count++;
  return { ok: true };
}

/** Whether `rule` is used up, without counting an attempt. */
export async function check(key: string, rule: Rule, now = Date.now()): Promise<Verdict> {
  const w = windows.get(key);
  if (!w || w.resetAt <= now || w.count < rule.limit) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.ceil((w.resetAt - now) / 1000) };
}

export async function attemptsIn(key: string, now = Date.now()): Promise<number> {
  const w = windows.get(key);
  return w && w.resetAt > now ? w.count : 0;
}

export async function reset(key: string): Promise<void> {
  windows.delete(key);
}

/** "2 minutes", "40 seconds": for messages that say when to try again. */
export function describeWait(seconds: number): string {
  return seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
}

import type { LimitStore, Rule, Verdict } from "./types";

/** Fixed windows in this process's memory: the store for one app server. */
export function createMemoryStore(): LimitStore {
  type Window = { count: number; resetAt: number };
  const windows = new Map<string, Window>();

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

  const refused = (w: Window, now: number): Verdict => ({ ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) });

  return {
    async consume(key: string, rule: Rule, now = Date.now()) {
      const w = current(key, rule.windowMs, now);
      if (w.count >= rule.limit) return refused(w, now);
      w.count++;
      return { ok: true };
    },
    async check(key: string, rule: Rule, now = Date.now()) {
      const w = windows.get(key);
      if (!w || w.resetAt <= now || w.count < rule.limit) return { ok: true };
      return refused(w, now);
    },
    async attemptsIn(key: string, now = Date.now()) {
      const w = windows.get(key);
      return w && w.resetAt > now ? w.count : 0;
    },
    async reset(key: string) {
      windows.delete(key);
    },
  };
}

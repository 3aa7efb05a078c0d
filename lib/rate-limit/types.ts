export type Rule = { limit: number; windowMs: number };
export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Where fixed-window counters live: this process, or Redis shared by every app server. */
export interface LimitStore {
  /** Counts one attempt against `rule`; refused once the window's limit is used up. */
  consume(key: string, rule: Rule, now?: number): Promise<Verdict>;
  /** Whether `rule` is used up, without counting an attempt. */
  check(key: string, rule: Rule, now?: number): Promise<Verdict>;
  attemptsIn(key: string, now?: number): Promise<number>;
  reset(key: string): Promise<void>;
}

import type Redis from "ioredis";
import type { LimitStore, Rule, Verdict } from "./types";

// One round trip, atomic across app servers: a refused attempt is not counted, and the window
// starts with its first attempt. Returns {allowed, milliseconds until the window resets}.
const CONSUME = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n >= tonumber(ARGV[2]) then return {0, redis.call('PTTL', KEYS[1])} end
n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {1, redis.call('PTTL', KEYS[1])}
`;

const refused = (ttlMs: number): Verdict => ({ ok: false, retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) });

/**
 * Fixed windows in Redis (keys expire with their window), shared by every app server. Time is
 * Redis's own clock, so servers with drifting clocks still agree; `now` is ignored.
 */
export function createRedisStore(redis: Redis, prefix: string): LimitStore {
  const k = (key: string) => `${prefix}limit:${key}`;
  return {
    async consume(key: string, rule: Rule) {
      const [allowed, ttl] = (await redis.eval(CONSUME, 1, k(key), String(rule.windowMs), String(rule.limit))) as [number, number];
      return allowed ? { ok: true } : refused(ttl);
    },
    async check(key: string, rule: Rule) {
      const [count, ttl] = await Promise.all([redis.get(k(key)), redis.pttl(k(key))]);
      return Number(count ?? 0) < rule.limit || ttl <= 0 ? { ok: true } : refused(ttl);
    },
    async attemptsIn(key: string) {
      return Number((await redis.get(k(key))) ?? 0);
    },
    async reset(key: string) {
      await redis.del(k(key));
    },
  };
}

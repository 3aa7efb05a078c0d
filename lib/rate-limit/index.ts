/**
 * Rate limits: fixed-window counters per key ("login:ip:1.2.3.4"). In process by default; in
 * Redis when REDIS_URL is set, so every app server behind the load balancer counts together.
 * If Redis fails mid-request the limit is still applied, from this process's own counters, and
 * the log says so: a Redis outage neither blocks every write nor lifts every limit.
 */
import { redisClient, redisPrefix } from "../redis";
import { createMemoryStore } from "./memory-store";
import { createRedisStore } from "./redis-store";
import type { LimitStore, Rule } from "./types";
import { processState } from "../process-state";

export type { LimitStore, Rule, Verdict } from "./types";

type Stores = { memory: LimitStore; redis?: { store: LimitStore; client: unknown } };
const stores = processState<Stores>("rate-limits", () => ({ memory: createMemoryStore() }));

let lastWarned = 0;

function sharedStore(): LimitStore | null {
  const client = redisClient();
  if (!client) return null;
  if (stores.redis?.client !== client) stores.redis = { client, store: createRedisStore(client, redisPrefix()) };
  return stores.redis.store;
}

function withFallback<A extends unknown[], R>(op: (store: LimitStore, ...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    const shared = sharedStore();
    if (shared) {
      try {
        return await op(shared, ...args);
      } catch (err) {
        if (Date.now() - lastWarned > 60_000) {
          lastWarned = Date.now();
          console.error(`Rate limits: Redis failed (${(err as Error).message}); counting in this process meanwhile.`);
        }
      }
    }
    return op(stores.memory, ...args);
  };
}

export const consume = withFallback((s, key: string, rule: Rule, now?: number) => s.consume(key, rule, now));
export const check = withFallback((s, key: string, rule: Rule, now?: number) => s.check(key, rule, now));
export const attemptsIn = withFallback((s, key: string, now?: number) => s.attemptsIn(key, now));
export const reset = withFallback((s, key: string) => s.reset(key));

/** "2 minutes", "40 seconds": for messages that say when to try again. */
export function describeWait(seconds: number): string {
  return seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
}

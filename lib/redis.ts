import Redis from "ioredis";
import { processState } from "./process-state";

/**
 * Redis, when REDIS_URL is set: the state several app servers behind one load balancer must
 * share (rate-limit counters, page-cache invalidations, admin rule changes). Without it all of
 * that stays in this process, which is right for a single server.
 *
 * The connections are the process's one copy (lib/process-state.ts): the custom server
 * (server.ts) and Next's bundle of the app are separate module instances and must share them.
 */
type Connections = { commands: Redis; subscriber?: Redis };
const held = processState<{ connections?: Connections }>("redis", () => ({}));

/** Prefix of every key and channel, so several forums (or test runs) can share one Redis. */
export function redisPrefix(): string {
  return process.env.REDIS_PREFIX || "forum:";
}

export function redisConfigured(): boolean {
  return Boolean(process.env.REDIS_URL?.trim());
}

/**
 * A connection that fails fast instead of queueing: a request must not hang while Redis is
 * away; callers fall back to in-process state and say so in the log.
 */
export function openRedis(url: string, role: string): Redis {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1_000, connectTimeout: 3_000, lazyConnect: true });
  let lastLogged = 0;
  client.on("error", (err: Error) => {
    // ioredis retries on its own; one line a minute is enough to tell the operator.
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    console.error(`Redis (${role}): ${err.message}`);
  });
  return client;
}

/** The shared command connection, or null when REDIS_URL is not set or not connected yet. */
export function redisClient(): Redis | null {
  return held.connections?.commands ?? null;
}

/** Connects at start-up; an unreachable REDIS_URL stops the server with one clear sentence. */
export async function connectRedis(): Promise<Redis | null> {
  const url = process.env.REDIS_URL?.trim();
  if (!url) return null;
  if (held.connections) return held.connections.commands;
  const commands = openRedis(url, "commands");
  try {
    await commands.connect();
    await commands.ping();
  } catch (err) {
    commands.disconnect();
    const { hostname, port } = new URL(url);
    throw new Error(`Redis at ${hostname}:${port || 6379} (REDIS_URL) is unreachable: ${(err as Error).message}`);
  }
  held.connections = { commands };
  return commands;
}

/** A second connection for subscriptions (a subscribed Redis connection can do nothing else). */
export async function redisSubscriber(): Promise<Redis> {
  const conns = held.connections;
  if (!conns) throw new Error("connectRedis() first");
  if (!conns.subscriber) {
    conns.subscriber = openRedis(process.env.REDIS_URL!.trim(), "subscriber");
    await conns.subscriber.connect();
  }
  return conns.subscriber;
}

export async function disconnectRedis(): Promise<void> {
  const conns = held.connections;
  held.connections = undefined;
  await Promise.all([conns?.commands.quit(), conns?.subscriber?.quit()].map((p) => p?.catch(() => undefined)));
}

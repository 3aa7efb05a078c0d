import { randomUUID } from "node:crypto";
import type Redis from "ioredis";
import { redisClient, redisPrefix, redisSubscriber } from "./redis";
import { processState } from "./process-state";

/**
 * Tells the other app servers what this one changed, through Redis pub/sub (when REDIS_URL is
 * set; otherwise there is nobody to tell). Each server keeps its own page cache and copy of the
 * rules, so a write on one must drop the pages it made stale everywhere.
 */
export type ClusterMessage =
  | { type: "invalidate"; tags: string[] }
  /** Admins changed the points rules: reload them from the database. */
  | { type: "rules" };

type Envelope = ClusterMessage & { from: string };
export type ClusterHandlers = {
  onMessage(message: ClusterMessage): void | Promise<void>;
  /** After Redis came back: messages sent meanwhile were lost, so drop what they might have. */
  onReconnect(): void;
};

// One id per process: a server has already applied its own changes and skips their echo.
const processId = processState<string>("process-id", () => randomUUID());

export const clusterChannel = () => `${redisPrefix()}cluster`;

/** Sends to the other servers; without Redis, a no-op. Never throws: the write has committed. */
export function publishToCluster(message: ClusterMessage, redis: Redis | null = redisClient(), channel = clusterChannel(), from = processId): void {
  if (!redis) return;
  redis.publish(channel, JSON.stringify({ ...message, from } satisfies Envelope)).catch((err: Error) => {
    console.error(`Could not tell the other servers (${message.type}): ${err.message}. Their cached pages expire within the cache's age limit.`);
  });
}

/** Listens for the other servers' messages (server.ts, at start-up). */
export async function listenToCluster(handlers: ClusterHandlers, subscriber?: Redis, channel = clusterChannel(), self = processId): Promise<void> {
  const sub = subscriber ?? (await redisSubscriber());
  let connectedBefore = false;
  sub.on("ready", () => {
    if (connectedBefore) handlers.onReconnect();
    connectedBefore = true;
  });
  sub.on("message", (ch: string, raw: string) => {
    if (ch !== channel) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      return;
    }
    if (envelope.from === self) return;
    const message: ClusterMessage = envelope.type === "invalidate" ? { type: "invalidate", tags: envelope.tags } : { type: envelope.type };
    void Promise.resolve(handlers.onMessage(message)).catch((err: Error) => console.error(`Cluster message ${message.type} failed: ${err.message}`));
  });
  await sub.subscribe(channel);
  connectedBefore = true;
}

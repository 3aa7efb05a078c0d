import { randomUUID } from "node:crypto";
import type Redis from "ioredis";
import { openRedis } from "../../lib/redis";

/**
 * A connection to the test Redis (TEST_REDIS_URL, default the local server) with a prefix of
 * its own, so parallel runs never share keys. Without a reachable Redis the tests are skipped
 * locally with a note, and fail on CI, where Redis is part of the machine.
 */
export const testRedisUrl = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
export const testPrefix = () => `forum-test:${randomUUID()}:`;

export async function openTestRedis(): Promise<Redis | null> {
  const client = openRedis(testRedisUrl, "test");
  try {
    await client.connect();
    await client.ping();
    return client;
  } catch (err) {
    client.disconnect();
    if (process.env.CI) throw new Error(`Redis is required on CI but unreachable at ${testRedisUrl}: ${(err as Error).message}`);
    return null;
  }
}

export const skipReason = `Redis is not reachable at ${testRedisUrl}`;

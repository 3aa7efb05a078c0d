/**
 * View counts: one per page visit of a thread, counted by the server for cache hits and misses
 * alike, and written in batches so that reading a page never waits on (or contends for) a
 * write. Counting does not invalidate cached pages: a cached view count trails by at most the
 * cache's age.
 */
import { db } from "./db";

const FLUSH_MS = 2_000;
const pending = new Map<number, number>();
let timer: NodeJS.Timeout | undefined;

export function recordView(questionId: number): void {
  pending.set(questionId, (pending.get(questionId) ?? 0) + 1);
  timer ??= setTimeout(() => void flushViews(), FLUSH_MS).unref();
}

export async function flushViews(): Promise<void> {
  timer = undefined;
  if (pending.size === 0) return;
  const batch = [...pending];
  pending.clear();
  const ids = batch.map(([id]) => id);
  const counts = batch.map(([, n]) => n);
  try {
    await db.$executeRaw`
      UPDATE "Question" AS q SET "viewCount" = q."viewCount" + v.n
      FROM unnest(${ids}::int[], ${counts}::int[]) AS v(id, n) WHERE q."id" = v.id`;
  } catch (err) {
    console.error("Could not save view counts:", (err as Error).message);
  }
}

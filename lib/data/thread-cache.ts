import "server-only";
import { cacheEpoch, MAX_AGE_MS, onPagesDropped, questionTag } from "../page-cache";
import { listCommentsForThread, type ThreadComments } from "./comments";
import { findThread, type AnswerOrder, type Thread } from "./thread";
import { listThreadMarks, type ThreadMarks } from "./votes";
import { processState } from "../process-state";

/**
 * What every reader of a thread sees alike: the posts and open bounty, and the comments; and
 * what each member did on it (votes, follow), which a signed-in render picks its reader's from.
 */
export type PublicThread = { thread: Thread; comments: ThreadComments; marks: ThreadMarks };

type Entry = { value: PublicThread; tag: string; storedAt: number };
type Store = Map<string, Entry>;

// Enough for the threads being read right now; a 30-answer thread is about 100 kB here.
const MAX_ENTRIES = 500;
const entries = processState<Store>("thread-data", () => new Map());

// The page cache's invalidations (every write, here or on another app server) drop these too.
onPagesDropped("thread-data", (tags) => {
  if (!tags) return entries.clear();
  for (const [key, entry] of entries) if (tags.has(entry.tag)) entries.delete(key);
});

async function queryPublicThread(id: number, order: AnswerOrder, includeHidden: boolean): Promise<PublicThread | null> {
  const thread = await findThread(id, { order, includeHidden });
  if (!thread) return null;
  const answerIds = thread.answers.map((a) => a.id);
  const [comments, marks] = await Promise.all([listCommentsForThread(id, answerIds, { includeHidden }), listThreadMarks(id, answerIds)]);
  return { thread, comments, marks };
}

/**
 * A thread's shared data, from memory when no write has touched it since it was read. The
 * signed-out page cache serves whole pages; this serves signed-in renders, which differ per
 * reader only in their extras (votes, follow, controls), so they skip the thread's queries.
 * The same epoch rule as the page cache applies: a read that overlapped any write is not kept.
 * Moderators' view (hidden posts included) is kept apart from everyone else's. The value is
 * shared between requests: callers must not change it.
 */
export async function loadPublicThread(id: number, order: AnswerOrder, { includeHidden = false } = {}): Promise<PublicThread | null> {
  const key = `${id}:${order}${includeHidden ? ":all" : ""}`;
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && now - hit.storedAt <= MAX_AGE_MS) return hit.value;
  const epoch = cacheEpoch();
  const value = await queryPublicThread(id, order, includeHidden);
  if (value && epoch === cacheEpoch()) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { value, tag: questionTag(id), storedAt: now });
  }
  return value;
}

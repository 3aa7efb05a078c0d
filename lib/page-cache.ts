/**
 * Whole-page cache for signed-out readers (see server/anonymous-cache.ts for the serving side).
 * Entries are tagged with what they show; writes drop the tags they touched after their
 * transaction commits. A render that overlaps any invalidation is not stored, so a page
 * rendered from data older than a write can never be served after that write.
 *
 * The store is one per process (lib/process-state.ts), shared by Next's bundle and the front door. With several app servers, each keeps its own store and every
 * invalidation is also sent to the others (lib/cluster-bus.ts, through Redis).
 */
import { publishToCluster } from "./cluster-bus";
import { processState } from "./process-state";

export type CachedPage = {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  tags: string[];
  storedAt: number;
};

const MAX_ENTRIES = 5_000;
// Writes invalidate at once; the age limit only bounds how far view counts may trail (and
// lib/data/thread-cache.ts keeps its entries as long).
export const MAX_AGE_MS = 1000 * (Number(process.env.PAGE_CACHE_TTL_SECONDS) || 60);
// Only parameters that change what a page shows are part of its key, so made-up query
// strings cannot fill the cache or bypass it.
const KEY_PARAMS = ["page", "sort", "q", "tag", "category", "answered", "author", "tab", "answers", "best"];

/** Called with the dropped tags (null: everything), for other stores keyed by the same tags. */
type DropListener = (tags: Set<string> | null) => void;
type Store = { entries: Map<string, CachedPage>; epoch: number; listeners: Map<string, DropListener> };
const store = processState<Store>("page-cache", () => ({ entries: new Map(), epoch: 0, listeners: new Map() }));

/** Tags a page at this path depends on: its thread, or the lists (everything else). */
export function tagsForPath(pathname: string): string[] {
  const m = /^\/questions\/(\d+)(?:\/|$)/.exec(pathname);
  return m ? [questionTag(Number(m[1]))] : [LISTS_TAG];
}

export const LISTS_TAG = "lists";
/** Drops every entry: for changes that show on every page (a category's name). */
export const ALL_TAG = "*";
export const questionTag = (id: number) => `question:${id}`;
/** No page carries it: it drops the category choices kept in memory (lib/data/categories.ts). */
export const CATEGORIES_TAG = "categories";

/** The cache key of a URL: its path and the meaningful parameters, in a fixed order. */
export function cacheKeyFor(url: URL): string {
  const kept = KEY_PARAMS.flatMap((k) => url.searchParams.getAll(k).map((v) => `${k}=${encodeURIComponent(v)}`));
  return kept.length ? `${url.pathname}?${kept.join("&")}` : url.pathname;
}

export function cacheEpoch(): number {
  return store.epoch;
}

export function getCachedPage(key: string, now = Date.now()): CachedPage | undefined {
  const hit = store.entries.get(key);
  if (!hit) return undefined;
  if (now - hit.storedAt > MAX_AGE_MS) {
    store.entries.delete(key);
    return undefined;
  }
  return hit;
}

/** Stores a render unless an invalidation happened since it started (epochAtStart). */
export function storeCachedPage(key: string, page: CachedPage, epochAtStart: number): boolean {
  if (epochAtStart !== store.epoch) return false;
  if (store.entries.size >= MAX_ENTRIES) {
    const oldest = store.entries.keys().next().value;
    if (oldest !== undefined) store.entries.delete(oldest);
  }
  store.entries.set(key, page);
  return true;
}

/** Drops every page tagged with any of `tags`, here and on the other app servers. Call after the write's transaction commits. */
export function invalidatePages(tags: string[]): void {
  dropLocalPages(tags);
  publishToCluster({ type: "invalidate", tags });
}

/** Drops this server's pages tagged with any of `tags` (for another server's invalidation). */
export function dropLocalPages(tags: string[]): void {
  if (tags.includes(ALL_TAG)) return clearPageCache();
  store.epoch++;
  const drop = new Set(tags);
  for (const [key, page] of store.entries) {
    if (page.tags.some((t) => drop.has(t))) store.entries.delete(key);
  }
  for (const listener of store.listeners.values()) listener(drop);
}

/**
 * Lets another cache keyed by these tags (lib/data/thread-cache.ts) drop its entries whenever
 * pages are dropped, here or on another server. Named, so that each copy of a module (Next
 * bundles one per layer) replaces its listener instead of adding one.
 */
export function onPagesDropped(name: string, listener: DropListener): void {
  store.listeners.set(name, listener);
}

/** After a change to a question's thread: its page and every list. */
export function invalidateQuestion(questionId: number): void {
  invalidatePages([questionTag(questionId), LISTS_TAG]);
}

/** After a change that shows only in lists (a new question, a member's total). */
export function invalidateLists(): void {
  invalidatePages([LISTS_TAG]);
}

/** After a category is added or moved: the lists that show categories, and the choices. */
export function invalidateCategories(): void {
  invalidatePages([LISTS_TAG, CATEGORIES_TAG]);
}

/** After a change that shows on every page. */
export function invalidateAll(): void {
  invalidatePages([ALL_TAG]);
}

export function clearPageCache(): void {
  store.epoch++;
  store.entries.clear();
  for (const listener of store.listeners.values()) listener(null);
}

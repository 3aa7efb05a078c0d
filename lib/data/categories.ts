import "server-only";
import { db } from "../db";
import { CATEGORIES_TAG, MAX_AGE_MS, onPagesDropped } from "../page-cache";
import { processState } from "../process-state";

export type CategoryChoice = { id: number; slug: string; name: string; emoji: string };

type Kept = { value: readonly CategoryChoice[] | null; storedAt: number; generation: number };
const kept = processState<Kept>("category-choices", () => ({ value: null, storedAt: 0, generation: 0 }));

// Category writes drop them (here, and on the other app servers through the page cache's
// invalidations); so does clearing every page (null).
onPagesDropped("category-choices", (tags) => {
  if (tags && !tags.has(CATEGORIES_TAG)) return;
  kept.value = null;
  kept.generation++;
});

/**
 * The categories to choose from (asking, editing, the search filter): no question counts, which
 * cost a pass over every question (half a second at 100k questions on the embedded database).
 * Kept in memory: every search page shows them, and they change only by an admin's hand. The
 * list is shared between requests: callers must not change it.
 */
export async function listCategoryChoices(): Promise<readonly CategoryChoice[]> {
  const now = Date.now();
  if (kept.value && now - kept.storedAt <= MAX_AGE_MS) return kept.value;
  const generation = kept.generation;
  const value = Object.freeze(
    await db.category.findMany({
      select: { id: true, slug: true, name: true, emoji: true },
      orderBy: [{ position: "asc" }, { name: "asc" }],
    }),
  );
  // A read that overlapped a category write may predate it: used once, not kept.
  if (generation === kept.generation) Object.assign(kept, { value, storedAt: now });
  return value;
}

/** The categories with their live question counts, for the pages that show the counts. */
export function listCategories() {
  return db.category.findMany({
    select: { id: true, slug: true, name: true, emoji: true, description: true, _count: { select: { questions: { where: { deletedAt: null } } } } },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
}

export function findCategoryBySlug(slug: string) {
  return db.category.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, emoji: true, description: true },
  });
}

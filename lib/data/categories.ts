import "server-only";
import { db } from "../db";

/**
 * The categories to choose from (asking, editing, the search filter): no question counts, which
 * cost a pass over every question (half a second at 100k questions on the embedded database).
 */
export function listCategoryChoices() {
  return db.category.findMany({
    select: { id: true, slug: true, name: true, emoji: true },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
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

import "server-only";
import { db } from "../db";

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

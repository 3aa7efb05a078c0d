import "server-only";
import { z } from "zod";
import { audit } from "../audit";
import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { invalidateAll, invalidateCategories } from "../page-cache";
import { slugify } from "../slug";
import { idSchema } from "../validation/post";
import { parseInput } from "../validation/parse";
import { requireMember, type Actor } from "./guard";

function requireAdmin(actorOrNull: Actor | null): Actor {
  const actor = requireMember(actorOrNull);
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only admins can manage categories.");
  return actor;
}

const categorySchema = z.object({
  name: z.string().trim().min(2, "Use at least 2 characters.").max(60, "Use at most 60 characters."),
  emoji: z.string().trim().max(8).default(""),
  description: z.string().trim().max(300).default(""),
});

const taken = () => new AppError("CONFLICT", "Please correct the highlighted fields.", { name: ["A category with that name exists."] });

export async function createCategory(actorOrNull: Actor | null, input: unknown) {
  const actor = requireAdmin(actorOrNull);
  const v = parseInput(categorySchema, input);
  try {
    await db.$transaction(async (tx) => {
      const last = await tx.category.aggregate({ _max: { position: true } });
      const c = await tx.category.create({ data: { ...v, slug: slugify(v.name), position: (last._max.position ?? 0) + 1 } });
      await audit(tx, { actorId: actor.id, action: "category.create", targetType: "category", targetId: c.id, after: v });
    });
  } catch (e) {
    throw isUniqueViolation(e) ? taken() : e;
  }
  invalidateCategories();
}

/** Renames a category; its URL (slug) stays, so links keep working. */
export async function renameCategory(actorOrNull: Actor | null, input: unknown) {
  const actor = requireAdmin(actorOrNull);
  const id = parseInput(idSchema, (input as { categoryId?: unknown })?.categoryId);
  const v = parseInput(categorySchema, input);
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.category.findUnique({ where: { id }, select: { name: true, emoji: true, description: true } });
      if (!before) throw new AppError("NOT_FOUND", "No such category.");
      await tx.category.update({ where: { id }, data: v });
      await audit(tx, { actorId: actor.id, action: "category.rename", targetType: "category", targetId: id, before, after: v });
    });
  } catch (e) {
    throw isUniqueViolation(e) ? taken() : e;
  }
  // Every thread in it shows the name, and threads are cached by their own tags only.
  invalidateAll();
}

/** Moves a category one place up or down in the listed order. */
export async function moveCategory(actorOrNull: Actor | null, input: unknown) {
  const actor = requireAdmin(actorOrNull);
  const { categoryId, direction } = parseInput(z.object({ categoryId: idSchema, direction: z.enum(["up", "down"]) }), input);
  await db.$transaction(async (tx) => {
    const all = await tx.category.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true } });
    const i = all.findIndex((c) => c.id === categoryId);
    if (i < 0) throw new AppError("NOT_FOUND", "No such category.");
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= all.length) return;
    [all[i], all[j]] = [all[j]!, all[i]!];
    for (const [position, c] of all.entries()) await tx.category.update({ where: { id: c.id }, data: { position } });
    await audit(tx, { actorId: actor.id, action: "category.move", targetType: "category", targetId: categoryId, after: { direction } });
  });
  invalidateCategories();
}

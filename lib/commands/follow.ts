import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { invalidatePages, questionTag } from "../page-cache";
import { idSchema } from "../validation/post";
import { parseInput } from "../validation/parse";
import { requireMember, type Actor } from "./guard";

import { followTargets, type FollowTarget } from "./follow-targets";

export { followTargets, type FollowTarget };

const followSchema = z.object({
  target: z.enum(followTargets, { error: "Follow a question, a tag or a category." }),
  id: idSchema,
  // The state the button asked for ("1" follow, "0" unfollow), so a resent or stale form
  // cannot flip it back; without it the call toggles.
  follow: z
    .union([z.boolean(), z.enum(["1", "0", "true", "false"]).transform((v) => v === "1" || v === "true")])
    .optional(),
});

/** The Follow row's key for a target: exactly one of its three columns is set. */
export function followKey(userId: number, target: FollowTarget, id: number) {
  if (target === "question") return { userId, questionId: id };
  if (target === "tag") return { userId, tagId: id };
  return { userId, categoryId: id };
}

async function assertExists(target: FollowTarget, id: number) {
  const found =
    target === "question"
      ? await db.question.findFirst({ where: { id, deletedAt: null }, select: { id: true } })
      : target === "tag"
        ? await db.tag.findUnique({ where: { id }, select: { id: true } })
        : await db.category.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", `That ${target} does not exist or was removed.`);
}

/**
 * Follows or unfollows a question, tag or category. The unique (userId, target) keys decide
 * races: of two simultaneous follows one inserts, the other meets the key and is "already
 * following", so there is never a second row.
 */
export async function toggleFollow(actorOrNull: Actor | null, input: unknown): Promise<{ following: boolean }> {
  const actor = requireMember(actorOrNull);
  const { target, id, follow } = parseInput(followSchema, input);
  await assertExists(target, id);
  const key = followKey(actor.id, target, id);
  const existing = await db.follow.findFirst({ where: key, select: { id: true } });
  const want = follow ?? !existing;
  if (!want) {
    await db.follow.deleteMany({ where: key });
    followsChanged(target, id);
    return { following: false };
  }
  if (existing) return { following: true };
  try {
    await db.follow.create({ data: key, select: { id: true } });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
  followsChanged(target, id);
  return { following: true };
}

/** A question's follows are read with its thread (lib/data/votes.ts listThreadMarks), which this drops. */
function followsChanged(target: FollowTarget, id: number): void {
  if (target === "question") invalidatePages([questionTag(id)]);
}

import "server-only";
import { followKey, type FollowTarget } from "../commands/follow";
import { db } from "../db";

/** Whether a member follows a question, tag or category (one indexed lookup). */
export async function isFollowing(userId: number, target: FollowTarget, id: number): Promise<boolean> {
  return (await db.follow.findFirst({ where: followKey(userId, target, id), select: { id: true } })) !== null;
}

import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { idSchema } from "../validation/post";
import { parseInput } from "../validation/parse";
import type { Actor } from "./guard";

// Reading one's inbox is allowed even while suspended: it changes nothing anyone else sees.
function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Log in to see your inbox.");
  return actor;
}

/** Marks one of the actor's own notifications read (someone else's is "not found"). */
export async function markRead(actorOrNull: Actor | null, input: { id: unknown }) {
  const actor = requireSignedIn(actorOrNull);
  const id = parseInput(idSchema, input.id);
  const { count } = await db.notification.updateMany({ where: { id, userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  if (count === 0) {
    const mine = await db.notification.findFirst({ where: { id, userId: actor.id }, select: { id: true } });
    if (!mine) throw new AppError("NOT_FOUND", "That notification does not exist.");
  }
  return { marked: count };
}

/** Marks every unread notification of the actor read. */
export async function markAllRead(actorOrNull: Actor | null) {
  const actor = requireSignedIn(actorOrNull);
  const { count } = await db.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  return { marked: count };
}

import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { audit } from "../audit";
import { db } from "../db";
import { AppError } from "../errors";
import { formatExact } from "../format";
import { notifyModeration } from "../notifications";
import { invalidateLists } from "../page-cache";
import { grantPoints } from "../points";
import { idSchema } from "../validation/post";
import { parseInput } from "../validation/parse";
import { requireMember, type Actor } from "./guard";
import { requireModerator } from "./moderate-thread";

const suspendSchema = z.object({
  userId: idSchema,
  days: z.coerce.number({ error: "Give a number of days." }).int().min(1, "At least 1 day.").max(3650, "At most 3650 days."),
  reason: z.string().trim().min(3, "Say why (it is recorded).").max(500),
});

/** Suspends a member: they can read but not post, vote or flag, and their sessions end. */
export async function suspendMember(actorOrNull: Actor | null, input: unknown) {
  const actor = requireModerator(actorOrNull);
  const { userId, days, reason } = parseInput(suspendSchema, input);
  const until = new Date(Date.now() + days * 86_400_000);
  await db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { role: true, suspendedUntil: true } });
    if (!target) throw new AppError("NOT_FOUND", "No such member.");
    if (target.role !== "MEMBER" && actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an admin can suspend a moderator or admin.");
    if (userId === actor.id) throw new AppError("BAD_INPUT", "You cannot suspend yourself.");
    await tx.user.update({ where: { id: userId }, data: { suspendedUntil: until, sessionVersion: { increment: 1 } } });
    await audit(tx, { actorId: actor.id, action: "member.suspend", targetType: "member", targetId: userId, reason, before: { suspendedUntil: target.suspendedUntil?.toISOString() ?? null }, after: { suspendedUntil: until.toISOString() } });
    const message = `Your account is suspended until ${formatExact(until)}: you can read, but not post, comment, vote or flag.`;
    await notifyModeration(tx, { recipientId: userId, actorId: actor.id, message, reason });
  });
  return { until };
}

export async function liftSuspension(actorOrNull: Actor | null, input: unknown) {
  const actor = requireModerator(actorOrNull);
  const userId = parseInput(idSchema, (input as { userId?: unknown })?.userId);
  await db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { suspendedUntil: true } });
    if (!target) throw new AppError("NOT_FOUND", "No such member.");
    await tx.user.update({ where: { id: userId }, data: { suspendedUntil: null } });
    await audit(tx, { actorId: actor.id, action: "member.unsuspend", targetType: "member", targetId: userId, before: { suspendedUntil: target.suspendedUntil?.toISOString() ?? null }, after: { suspendedUntil: null } });
    if (target.suspendedUntil && target.suspendedUntil > new Date()) {
      await notifyModeration(tx, { recipientId: userId, actorId: actor.id, message: "A moderator lifted your suspension: you can post again." });
    }
  });
}

const adjustSchema = z.object({
  userId: idSchema,
  delta: z.coerce.number({ error: "Give a whole number of points." }).int().min(-100_000).max(100_000).refine((d) => d !== 0, "Zero changes nothing."),
  reason: z.string().trim().min(3, "A reason is required (it is shown on the member's history).").max(500),
});

/** A hand adjustment of a member's points: a ledger event like any other, with its reason. */
export async function adjustPoints(actorOrNull: Actor | null, input: unknown) {
  const actor = requireModerator(actorOrNull);
  const { userId, delta, reason } = parseInput(adjustSchema, input);
  await db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { points: true } });
    if (!target) throw new AppError("NOT_FOUND", "No such member.");
    await grantPoints(tx, { cause: "ADJUSTMENT", subject: `adjustment:${randomUUID()}`, userId, delta, actorId: actor.id, note: reason });
    await audit(tx, { actorId: actor.id, action: "points.adjust", targetType: "member", targetId: userId, reason, before: { points: target.points }, after: { points: target.points + delta } });
  });
  invalidateLists();
}

const roleSchema = z.object({ userId: idSchema, role: z.enum(["MEMBER", "MODERATOR", "ADMIN"], { error: "Choose a role." }) });

/** Admins change roles; the member's sessions restart with the new role. */
export async function changeRole(actorOrNull: Actor | null, input: unknown) {
  const actor = requireMember(actorOrNull);
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only admins can change roles.");
  const { userId, role } = parseInput(roleSchema, input);
  if (userId === actor.id) throw new AppError("BAD_INPUT", "Ask another admin to change your own role.");
  await db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!target) throw new AppError("NOT_FOUND", "No such member.");
    await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
    await audit(tx, { actorId: actor.id, action: "member.role", targetType: "member", targetId: userId, before: { role: target.role }, after: { role } });
  });
}

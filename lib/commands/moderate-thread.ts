import "server-only";
import { z } from "zod";
import { audit } from "../audit";
import { db } from "../db";
import { closeReasons } from "../close-reasons";
import { AppError } from "../errors";
import { notifyModeration } from "../notifications";
import { invalidateQuestion } from "../page-cache";
import { idSchema } from "../validation/post";
import { parseInput } from "../validation/parse";
import { isModerator, lockQuestion, requireMember, type Actor } from "./guard";

export function requireModerator(actorOrNull: Actor | null): Actor {
  const actor = requireMember(actorOrNull);
  if (!isModerator(actor)) throw new AppError("FORBIDDEN", "Only moderators can do that.");
  return actor;
}

const lockSchema = z.object({ questionId: idSchema, locked: z.enum(["true", "false"]).transform((v) => v === "true") });

/** Locks a thread (no new answers or comments) or unlocks it. */
export async function setThreadLocked(actorOrNull: Actor | null, input: unknown) {
  const actor = requireModerator(actorOrNull);
  const { questionId, locked } = parseInput(lockSchema, input);
  const result = await db.$transaction(async (tx) => {
    const q = await lockQuestion(tx, questionId);
    const lockedAt = locked ? (q.lockedAt ?? new Date()) : null;
    await tx.question.update({ where: { id: questionId }, data: { lockedAt } });
    await audit(tx, { actorId: actor.id, action: locked ? "thread.lock" : "thread.unlock", targetType: "question", targetId: questionId, before: { locked: !!q.lockedAt }, after: { locked } });
    return { questionId, slug: q.slug };
  });
  invalidateQuestion(questionId);
  return result;
}

export { closeReasons };

const closeSchema = z
  .object({
    questionId: idSchema,
    reason: z.enum(Object.keys(closeReasons) as [keyof typeof closeReasons], { error: "Choose a reason." }),
    duplicateOfId: z.union([z.literal(""), idSchema]).optional(),
  })
  .refine((v) => v.reason !== "duplicate" || typeof v.duplicateOfId === "number", { message: "Give the number of the question it duplicates.", path: ["duplicateOfId"] });

/** Closes a question with a reason (a duplicate links to its original) so it takes no answers. */
export async function closeQuestion(actorOrNull: Actor | null, input: unknown) {
  const actor = requireModerator(actorOrNull);
  const { questionId, reason, duplicateOfId } = parseInput(closeSchema, input);
  const duplicateOf = reason === "duplicate" && typeof duplicateOfId === "number" ? duplicateOfId : null;
  const result = await db.$transaction(async (tx) => {
    const q = await lockQuestion(tx, questionId);
    let originalTitle = "";
    if (duplicateOf !== null) {
      if (duplicateOf === questionId) throw new AppError("BAD_INPUT", "A question cannot duplicate itself.", { duplicateOfId: ["Pick another question."] });
      const original = await tx.question.findFirst({ where: { id: duplicateOf, deletedAt: null }, select: { id: true, title: true } });
      if (!original) throw new AppError("BAD_INPUT", "That question does not exist.", { duplicateOfId: ["No live question has that number."] });
      originalTitle = original.title;
    }
    await tx.question.update({ where: { id: questionId }, data: { closedAt: new Date(), closeReason: reason, duplicateOfId: duplicateOf } });
    await audit(tx, { actorId: actor.id, action: "question.close", targetType: "question", targetId: questionId, reason, before: { closed: !!q.closedAt }, after: { closed: true, reason, duplicateOfId: duplicateOf } });
    const why = duplicateOf !== null ? `it duplicates “${originalTitle}” (#${duplicateOf})` : closeReasons[reason];
    await notifyModeration(tx, { recipientId: q.authorId, actorId: actor.id, questionId, message: "A moderator closed your question: it takes no new answers.", reason: why });
    return { questionId, slug: q.slug };
  });
  invalidateQuestion(questionId);
  return result;
}

export async function reopenQuestion(actorOrNull: Actor | null, input: unknown) {
  const actor = requireModerator(actorOrNull);
  const questionId = parseInput(idSchema, (input as { questionId?: unknown })?.questionId);
  const result = await db.$transaction(async (tx) => {
    const q = await lockQuestion(tx, questionId);
    await tx.question.update({ where: { id: questionId }, data: { closedAt: null, closeReason: null, duplicateOfId: null } });
    await audit(tx, { actorId: actor.id, action: "question.reopen", targetType: "question", targetId: questionId, before: { closed: !!q.closedAt }, after: { closed: false } });
    return { questionId, slug: q.slug };
  });
  invalidateQuestion(questionId);
  return result;
}

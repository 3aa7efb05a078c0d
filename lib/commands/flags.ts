import "server-only";
import { z } from "zod";
import { audit } from "../audit";
import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { invalidateQuestion } from "../page-cache";
import { idSchema } from "../validation/post";
import { parseInput } from "../validation/parse";
import { requireMember, type Actor } from "./guard";
import { requireModerator } from "./moderate-thread";

/** Spam flags from this many distinct members hide a post until a moderator reviews it. */
export const SPAM_FLAGS_TO_HIDE = 3;

const flagSchema = z.object({
  postType: z.enum(["question", "answer"]),
  postId: idSchema,
  reason: z.enum(["SPAM", "OFFENSIVE", "NEEDS_ATTENTION"], { error: "Choose a reason." }),
  note: z.string().trim().max(500, "Keep the note under 500 characters.").default(""),
});

/** Any member may flag a post once; enough spam flags hide it pending review. */
export async function flagPost(actorOrNull: Actor | null, input: unknown) {
  const actor = requireMember(actorOrNull);
  const { postType, postId, reason, note } = parseInput(flagSchema, input);
  const post =
    postType === "question"
      ? await db.question.findFirst({ where: { id: postId, deletedAt: null }, select: { id: true, authorId: true } })
      : await db.answer.findFirst({ where: { id: postId, deletedAt: null }, select: { questionId: true, authorId: true } });
  if (!post) throw new AppError("NOT_FOUND", "That post does not exist or was removed.");
  if (post.authorId === actor.id) throw new AppError("BAD_INPUT", "You cannot flag your own post.");
  const questionId = "questionId" in post ? post.questionId : post.id;
  const key = postType === "question" ? { questionId: postId } : { answerId: postId };
  try {
    await db.$transaction(async (tx) => {
      await tx.flag.create({ data: { reporterId: actor.id, reason, note, ...key } });
      if (reason !== "SPAM") return;
      const spam = await tx.flag.count({ where: { ...key, reason: "SPAM", status: "OPEN" } });
      if (spam < SPAM_FLAGS_TO_HIDE) return;
      if (postType === "question") await tx.question.update({ where: { id: postId }, data: { hiddenAt: new Date() } });
      else await tx.answer.update({ where: { id: postId }, data: { hiddenAt: new Date() } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "You have already flagged this post.");
    throw e;
  }
  invalidateQuestion(questionId);
  return { questionId };
}

const handleSchema = z.object({ flagId: idSchema, outcome: z.enum(["ACTED", "DISMISSED"]) });

/**
 * A moderator settles a flag (and every open flag on the same post): "acted" (the moderator
 * has dealt with the post) or "dismissed" (nothing wrong: a hidden post shows again). The
 * flaggers hear the outcome in their inbox.
 */
export async function handleFlag(actorOrNull: Actor | null, input: unknown) {
  const actor = requireModerator(actorOrNull);
  const { flagId, outcome } = parseInput(handleSchema, input);
  const questionId = await db.$transaction(async (tx) => {
    const flag = await tx.flag.findUnique({ where: { id: flagId }, select: { status: true, questionId: true, answerId: true, answer: { select: { questionId: true } } } });
    if (!flag) throw new AppError("NOT_FOUND", "No such flag.");
    if (flag.status !== "OPEN") throw new AppError("CONFLICT", "That flag was already handled.");
    const post = flag.questionId ? { questionId: flag.questionId } : { answerId: flag.answerId! };
    const open = await tx.flag.findMany({ where: { ...post, status: "OPEN" }, select: { id: true, reporterId: true } });
    await tx.flag.updateMany({ where: { id: { in: open.map((f) => f.id) } }, data: { status: outcome, handledById: actor.id, handledAt: new Date() } });
    if (outcome === "DISMISSED") {
      if (flag.questionId) await tx.question.update({ where: { id: flag.questionId }, data: { hiddenAt: null } });
      else await tx.answer.update({ where: { id: flag.answerId! }, data: { hiddenAt: null } });
    }
    const qid = flag.questionId ?? flag.answer!.questionId;
    await tx.notification.createMany({
      data: open.map((f) => ({
        userId: f.reporterId,
        kind: "FLAG_HANDLED" as const,
        actorId: actor.id,
        questionId: qid,
        answerId: flag.answerId,
        message: outcome === "ACTED" ? "A moderator acted on your flag. Thank you." : "A moderator reviewed your flag and found nothing to act on.",
      })),
    });
    await audit(tx, { actorId: actor.id, action: `flag.${outcome.toLowerCase()}`, targetType: "flag", targetId: flagId, after: { flags: open.length, outcome } });
    return qid;
  });
  invalidateQuestion(questionId);
}

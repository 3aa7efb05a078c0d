import "server-only";
import { z } from "zod";
import { audit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { notifyModeration } from "../notifications";
import { invalidateQuestion } from "../page-cache";
import { idSchema } from "../validation/post";
import { mayFlag } from "../permissions";
import { parseInput } from "../validation/parse";
import { requireMember, type Actor } from "./guard";
import { requireModerator } from "./moderate-thread";

/** Spam flags from this many distinct members hide a post until a moderator reviews it. */
export const SPAM_FLAGS_TO_HIDE = 3;

type Target = "question" | "answer" | "comment";

const flagSchema = z.object({
  postType: z.enum(["question", "answer", "comment"]),
  postId: idSchema,
  reason: z.enum(["SPAM", "OFFENSIVE", "NEEDS_ATTENTION"], { error: "Choose a reason." }),
  note: z.string().trim().max(500, "Keep the note under 500 characters.").default(""),
});

const tables = { question: "Question", answer: "Answer", comment: "Comment" } as const;

/** The flag column naming a target. */
const keyOf = (target: Target, id: number) =>
  target === "question" ? { questionId: id } : target === "answer" ? { answerId: id } : { commentId: id };

/**
 * Locks the flagged row for the rest of the transaction, so that flags on one target (and their
 * handling) run one at a time: concurrent spam flags cannot each count one short of the threshold.
 */
async function lockTarget(tx: Tx, target: Target, id: number) {
  await tx.$queryRaw`SELECT 1 FROM ${Prisma.raw(`"${tables[target]}"`)} WHERE "id" = ${id} FOR UPDATE`;
}

async function setHidden(tx: Tx, target: Target, id: number, hiddenAt: Date | null) {
  const change = { where: { id }, data: { hiddenAt } };
  if (target === "question") await tx.question.update(change);
  else if (target === "answer") await tx.answer.update(change);
  else await tx.comment.update(change);
}

async function isHidden(tx: Tx, target: Target, id: number): Promise<boolean> {
  const rows = await tx.$queryRaw<{ hidden: boolean }[]>`SELECT "hiddenAt" IS NOT NULL AS "hidden" FROM ${Prisma.raw(`"${tables[target]}"`)} WHERE "id" = ${id}`;
  return rows[0]?.hidden ?? false;
}

/** Who wrote the live (not deleted) target, and the thread it sits in; null when there is none. */
async function findTarget(tx: Tx, target: Target, id: number): Promise<{ authorId: number; questionId: number } | null> {
  if (target === "question") {
    const q = await tx.question.findFirst({ where: { id, deletedAt: null }, select: { id: true, authorId: true } });
    return q && { authorId: q.authorId, questionId: q.id };
  }
  if (target === "answer") return tx.answer.findFirst({ where: { id, deletedAt: null }, select: { questionId: true, authorId: true } });
  const c = await tx.comment.findFirst({
    where: { id, deletedAt: null, OR: [{ question: { deletedAt: null } }, { answer: { deletedAt: null } }] },
    select: { authorId: true, questionId: true, answer: { select: { questionId: true } } },
  });
  const questionId = c?.questionId ?? c?.answer?.questionId;
  return c && questionId ? { authorId: c.authorId, questionId } : null;
}

/** Any member may flag a post or a comment once; enough spam flags hide it pending review. */
export async function flagPost(actorOrNull: Actor | null, input: unknown) {
  const actor = requireMember(actorOrNull);
  const { postType, postId, reason, note } = parseInput(flagSchema, input);
  const what = postType === "comment" ? "comment" : "post";
  const key = keyOf(postType, postId);
  let questionId: number;
  try {
    questionId = await db.$transaction(async (tx) => {
      await lockTarget(tx, postType, postId);
      const target = await findTarget(tx, postType, postId);
      if (!target) throw new AppError("NOT_FOUND", `That ${what} does not exist or was removed.`);
      if (!mayFlag(actor, target)) throw new AppError("BAD_INPUT", `You cannot flag your own ${what}.`);
      await tx.flag.create({ data: { reporterId: actor.id, reason, note, ...key } });
      if (reason === "SPAM") {
        const spam = await tx.flag.count({ where: { ...key, reason: "SPAM", status: "OPEN" } });
        // The flag that hides it tells its author once (later flags find it hidden already).
        if (spam >= SPAM_FLAGS_TO_HIDE && !(await isHidden(tx, postType, postId))) {
          await setHidden(tx, postType, postId, new Date());
          const at = postType === "question" ? { questionId: target.questionId } : postType === "answer" ? { questionId: target.questionId, answerId: postId } : { questionId: target.questionId, commentId: postId };
          const message = `Your ${postType} is hidden from readers until a moderator reviews it.`;
          await notifyModeration(tx, { recipientId: target.authorId, message, reason: `${SPAM_FLAGS_TO_HIDE} members flagged it as spam.`, ...at });
        }
      }
      return target.questionId;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `You have already flagged this ${what}.`);
    throw e;
  }
  invalidateQuestion(questionId);
  return { questionId };
}

const handleSchema = z.object({ flagId: idSchema, outcome: z.enum(["ACTED", "DISMISSED"]) });

/** What a flag is about, and where in its thread the flaggers' notifications point. */
function targetOf(flag: {
  questionId: number | null;
  answerId: number | null;
  commentId: number | null;
  answer: { questionId: number } | null;
  comment: { questionId: number | null; answerId: number | null; answer: { questionId: number } | null } | null;
}) {
  if (flag.questionId) return { target: "question" as const, id: flag.questionId, at: { questionId: flag.questionId } };
  if (flag.answerId && flag.answer) return { target: "answer" as const, id: flag.answerId, at: { questionId: flag.answer.questionId, answerId: flag.answerId } };
  const questionId = flag.comment?.questionId ?? flag.comment?.answer?.questionId;
  if (!flag.commentId || !flag.comment || !questionId) throw new AppError("NOT_FOUND", "That flag's post no longer exists.");
  return { target: "comment" as const, id: flag.commentId, at: { questionId, answerId: flag.comment.answerId, commentId: flag.commentId } };
}

/**
 * A moderator settles a flag (and every open flag on the same post or comment): "acted" (the
 * moderator has dealt with it) or "dismissed" (nothing wrong: a hidden post or comment shows
 * again). The flaggers hear the outcome in their inbox.
 */
export async function handleFlag(actorOrNull: Actor | null, input: unknown) {
  const actor = requireModerator(actorOrNull);
  const { flagId, outcome } = parseInput(handleSchema, input);
  const questionId = await db.$transaction(async (tx) => {
    const flag = await tx.flag.findUnique({
      where: { id: flagId },
      select: {
        questionId: true,
        answerId: true,
        commentId: true,
        answer: { select: { questionId: true } },
        comment: { select: { questionId: true, answerId: true, answer: { select: { questionId: true } } } },
      },
    });
    if (!flag) throw new AppError("NOT_FOUND", "No such flag.");
    const { target, id, at } = targetOf(flag);
    await lockTarget(tx, target, id);
    // Read under the lock: another moderator may have settled these flags a moment ago.
    const open = await tx.flag.findMany({ where: { ...keyOf(target, id), status: "OPEN" }, select: { id: true, reporterId: true } });
    if (!open.some((f) => f.id === flagId)) throw new AppError("CONFLICT", "That flag was already handled.");
    await tx.flag.updateMany({ where: { id: { in: open.map((f) => f.id) } }, data: { status: outcome, handledById: actor.id, handledAt: new Date() } });
    if (outcome === "DISMISSED") await setHidden(tx, target, id, null);
    await tx.notification.createMany({
      data: open.map((f) => ({
        userId: f.reporterId,
        kind: "FLAG_HANDLED" as const,
        actorId: actor.id,
        ...at,
        message: outcome === "ACTED" ? "A moderator acted on your flag. Thank you." : "A moderator reviewed your flag and found nothing to act on.",
      })),
    });
    await audit(tx, { actorId: actor.id, action: `flag.${outcome.toLowerCase()}`, targetType: "flag", targetId: flagId, after: { flags: open.length, outcome, [target]: id } });
    return at.questionId;
  });
  invalidateQuestion(questionId);
}

import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { invalidateQuestion } from "../page-cache";
import { renderPostBody, renderQuestionBody } from "../post-body";
import { mayEditPost } from "../permissions";
import { privileges } from "../rules";
import { slugify } from "../slug";
import { answerSchema, editSummarySchema, idSchema, questionSchema } from "../validation/post";
import { parseInput } from "../validation/parse";
import { ensureTags } from "./create-question";
import { requireMember, type Actor } from "./guard";

/** Authors edit their posts; moderators and members past the editing threshold edit any. */
function assertMayEdit(actor: Actor, authorId: number) {
  if (!mayEditPost(actor, { authorId })) throw new AppError("FORBIDDEN", `You can edit others' posts from ${privileges.editOthersPosts} points.`);
}

/** Edits a question (title, body, category, tags); the new version is kept as a revision, with the edit's summary. */
export async function editQuestion(actorOrNull: Actor | null, questionIdInput: unknown, input: unknown) {
  const actor = requireMember(actorOrNull);
  const questionId = parseInput(idSchema, questionIdInput);
  const { title, body, categoryId, tags, summary } = parseInput(questionSchema.extend(editSummarySchema.shape), input);
  const rendered = await renderQuestionBody(body);
  const result = await db.$transaction(async (tx) => {
    const question = await tx.question.findFirst({ where: { id: questionId, deletedAt: null }, select: { authorId: true } });
    if (!question) throw new AppError("NOT_FOUND", "That question does not exist or was removed.");
    assertMayEdit(actor, question.authorId);
    if (!(await tx.category.findUnique({ where: { id: categoryId }, select: { id: true } }))) {
      throw new AppError("BAD_INPUT", "Please correct the highlighted fields.", { categoryId: ["Choose one of the listed categories."] });
    }
    const tagIds = await ensureTags(tx, tags);
    const now = new Date();
    await tx.questionTag.deleteMany({ where: { questionId } });
    return tx.question.update({
      where: { id: questionId },
      data: {
        title,
        slug: slugify(title),
        ...rendered,
        categoryId,
        updatedAt: now,
        lastActivityAt: now,
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
        revisions: { create: { editorId: actor.id, title, bodyMd: body, summary } },
      },
      select: { id: true, slug: true },
    });
  });
  invalidateQuestion(questionId);
  return result;
}

/** Edits an answer's body; the new version is kept as a revision, with the edit's summary. */
export async function editAnswer(actorOrNull: Actor | null, answerIdInput: unknown, input: unknown) {
  const actor = requireMember(actorOrNull);
  const answerId = parseInput(idSchema, answerIdInput);
  const { body, summary } = parseInput(answerSchema.extend(editSummarySchema.shape), input);
  const rendered = await renderPostBody(body);
  const result = await db.$transaction(async (tx) => {
    const answer = await tx.answer.findFirst({
      where: { id: answerId, deletedAt: null, question: { deletedAt: null } },
      select: { authorId: true, question: { select: { id: true, slug: true } } },
    });
    if (!answer) throw new AppError("NOT_FOUND", "That answer does not exist or was removed.");
    assertMayEdit(actor, answer.authorId);
    const now = new Date();
    await tx.answer.update({
      where: { id: answerId },
      data: { ...rendered, updatedAt: now, revisions: { create: { editorId: actor.id, bodyMd: body, summary } } },
    });
    await tx.question.update({ where: { id: answer.question.id }, data: { lastActivityAt: now } });
    return { id: answerId, questionId: answer.question.id, slug: answer.question.slug };
  });
  invalidateQuestion(result.questionId);
  return result;
}

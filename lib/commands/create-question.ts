import "server-only";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { notifyMentions, notifyNewQuestion } from "../notifications";
import { invalidateLists } from "../page-cache";
import { renderQuestionBody } from "../post-body";
import { slugify } from "../slug";
import { questionSchema } from "../validation/post";
import { parseInput } from "../validation/parse";
import { requireMember, type Actor } from "./guard";

/** Existing tags by name, creating the new ones (concurrent creators of one tag both win). */
export async function ensureTags(tx: Tx, names: string[]): Promise<number[]> {
  if (names.length === 0) return [];
  await tx.tag.createMany({ data: names.map((name) => ({ name })), skipDuplicates: true });
  const tags = await tx.tag.findMany({ where: { name: { in: names } }, select: { id: true } });
  return tags.map((t) => t.id);
}

export async function createQuestion(actorOrNull: Actor | null, input: unknown) {
  const actor = requireMember(actorOrNull);
  const { title, body, categoryId, tags } = parseInput(questionSchema, input);
  const rendered = await renderQuestionBody(body);
  const question = await db.$transaction(async (tx) => {
    const category = await tx.category.findUnique({ where: { id: categoryId }, select: { id: true } });
    if (!category) throw new AppError("BAD_INPUT", "Please correct the highlighted fields.", { categoryId: ["Choose one of the listed categories."] });
    const tagIds = await ensureTags(tx, tags);
    const created = await tx.question.create({
      data: {
        title,
        slug: slugify(title),
        ...rendered,
        authorId: actor.id,
        categoryId,
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
        revisions: { create: { editorId: actor.id, title, bodyMd: body } },
        // The asker hears about answers to their question (and may unfollow it).
        follows: { create: { userId: actor.id } },
      },
      select: { id: true, slug: true },
    });
    // Posted: the ask form's draft (lib/commands/drafts.ts) has served.
    await tx.draft.deleteMany({ where: { userId: actor.id, questionId: null } });
    const notified = await notifyNewQuestion(tx, { questionId: created.id, actorId: actor.id });
    await notifyMentions(tx, { text: `${title}\n${body}`, questionId: created.id, actorId: actor.id, skipUserIds: notified });
    return created;
  });
  invalidateLists();
  return question;
}

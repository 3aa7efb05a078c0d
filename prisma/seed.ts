/**
 * First-start seed: the flagship thread, its category and authors, the starter categories.
 * Runs in one transaction guarded by a Setting marker, so a second start (or a crash halfway)
 * never seeds twice. Points come from ledger events, as for any other answer and pick.
 */
import { db, type Tx } from "../lib/db";
import { renderPostBody, renderQuestionBody } from "../lib/post-body";
import { awardAnswer, awardBestAnswer } from "../lib/points";
import { slugify } from "../lib/slug";
import { flagshipThread, starterCategories } from "./seed/flagship";

const SEEDED_KEY = "seed:flagship";

export async function seedDatabase(): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // Serialises two first starts against one PostgreSQL server.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(424242)`;
    if (await tx.setting.findUnique({ where: { key: SEEDED_KEY }, select: { key: true } })) return false;
    await seedCategories(tx);
    await seedFlagship(tx);
    await tx.setting.create({ data: { key: SEEDED_KEY, value: { at: new Date().toISOString() } } });
    return true;
  });
}

async function seedCategories(tx: Tx) {
  for (const [position, c] of starterCategories.entries()) {
    await tx.category.upsert({
      where: { slug: c.slug },
      create: { ...c, position },
      update: {},
    });
  }
}

async function seedMember(tx: Tx, username: string, createdAt: Date) {
  return tx.user.upsert({
    where: { usernameKey: username.toLowerCase() },
    create: { username, usernameKey: username.toLowerCase(), createdAt },
    update: {},
    select: { id: true },
  });
}

async function seedFlagship(tx: Tx) {
  const t = flagshipThread;
  const category = await tx.category.upsert({
    where: { slug: t.category.slug },
    create: { ...t.category },
    update: {},
    select: { id: true },
  });
  const asker = await seedMember(tx, t.asker.username, t.question.createdAt);
  const answerer = await seedMember(tx, t.answerer.username, t.answer.createdAt);

  const question = await tx.question.create({
    data: {
      title: t.question.title,
      slug: slugify(t.question.title),
      ...(await renderQuestionBody(t.question.bodyMd)),
      authorId: asker.id,
      categoryId: category.id,
      createdAt: t.question.createdAt,
      updatedAt: t.question.createdAt,
      lastActivityAt: t.answer.createdAt,
      answerCount: 1,
      tags: {
        create: await Promise.all(
          t.question.tags.map(async (name) => ({
            tag: { connect: { id: (await tx.tag.upsert({ where: { name }, create: { name }, update: {} })).id } },
          })),
        ),
      },
      revisions: { create: { editorId: asker.id, title: t.question.title, bodyMd: t.question.bodyMd, createdAt: t.question.createdAt } },
    },
    select: { id: true },
  });
  const answer = await tx.answer.create({
    data: {
      questionId: question.id,
      authorId: answerer.id,
      ...(await renderPostBody(t.answer.bodyMd)),
      createdAt: t.answer.createdAt,
      updatedAt: t.answer.createdAt,
      revisions: { create: { editorId: answerer.id, bodyMd: t.answer.bodyMd, createdAt: t.answer.createdAt } },
    },
    select: { id: true },
  });
  await tx.question.update({ where: { id: question.id }, data: { bestAnswerId: answer.id } });
  await awardAnswer(tx, { questionId: question.id, answerId: answer.id, userId: answerer.id });
  await awardBestAnswer(tx, { questionId: question.id, answerId: answer.id, userId: answerer.id, actorId: asker.id });
}

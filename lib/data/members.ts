import "server-only";
import { db } from "../db";

const RECENT_POSTS = 20;

/** A member's public page: total, every point event that made it, and their recent posts. */
export async function findMemberProfile(username: string) {
  const member = await db.user.findUnique({
    where: { usernameKey: username.toLowerCase() },
    select: { id: true, username: true, displayName: true, points: true, role: true, createdAt: true, bio: true },
  });
  if (!member) return null;
  const [events, answerCount, bestCount, questionCount, answers, questions] = await Promise.all([
    db.pointEvent.findMany({
      where: { userId: member.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 100,
      select: {
        id: true,
        delta: true,
        cause: true,
        seq: true,
        createdAt: true,
        note: true,
        question: { select: { id: true, slug: true, title: true } },
        answerId: true,
      },
    }),
    db.answer.count({ where: { authorId: member.id, deletedAt: null } }),
    db.question.count({ where: { bestAnswer: { authorId: member.id }, deletedAt: null } }),
    db.question.count({ where: { authorId: member.id, deletedAt: null } }),
    listRecentAnswers(member.id),
    listRecentQuestions(member.id),
  ]);
  return { member, events, answerCount, bestCount, questionCount, answers, questions };
}

/** Live answers on live questions, newest first, each marked if it is its question's best. */
async function listRecentAnswers(authorId: number) {
  const rows = await db.answer.findMany({
    where: { authorId, deletedAt: null, question: { deletedAt: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECENT_POSTS,
    select: {
      id: true,
      createdAt: true,
      question: { select: { id: true, slug: true, title: true } },
      bestOf: { select: { id: true } },
    },
  });
  return rows.map(({ bestOf, ...a }) => ({ ...a, isBest: bestOf !== null }));
}

async function listRecentQuestions(authorId: number) {
  return db.question.findMany({
    where: { authorId, deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECENT_POSTS,
    select: { id: true, slug: true, title: true, createdAt: true, answerCount: true },
  });
}

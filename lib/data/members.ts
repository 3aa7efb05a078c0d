import "server-only";
import { db } from "../db";

/** A member's public page: total, and every point event that made it, newest first. */
export async function findMemberProfile(username: string) {
  const member = await db.user.findUnique({
    where: { usernameKey: username.toLowerCase() },
    select: { id: true, username: true, points: true, role: true, createdAt: true, bio: true },
  });
  if (!member) return null;
  const [events, answerCount, bestCount, questionCount] = await Promise.all([
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
  ]);
  return { member, events, answerCount, bestCount, questionCount };
}

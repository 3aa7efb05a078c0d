import type { Actor } from "../../lib/commands/guard";
import { createAnswer } from "../../lib/commands/create-answer";
import { createQuestion } from "../../lib/commands/create-question";
import { db } from "../../lib/db";
import type { Role } from "../../lib/generated/prisma/enums";
import { uniqueName } from "./db";

export async function member(role: Role = "MEMBER", extra: { suspendedUntil?: Date } = {}): Promise<Actor & { username: string }> {
  const username = uniqueName("m");
  const user = await db.user.create({
    data: { username, usernameKey: username.toLowerCase(), role, ...extra },
    select: { id: true, role: true, suspendedUntil: true, username: true, points: true },
  });
  return user;
}

/**
 * The shared test category. Test files run two at a time on one database and two first calls
 * can race: Prisma's upsert reads then inserts, and the slower one failed on the unique slug.
 */
export async function someCategoryId(): Promise<number> {
  await db.$executeRaw`INSERT INTO "Category" ("slug", "name") VALUES ('test-category', 'Test category') ON CONFLICT DO NOTHING`;
  return (await db.category.findUniqueOrThrow({ where: { slug: "test-category" }, select: { id: true } })).id;
}

export async function askAs(actor: Actor, title = "How does TCP slow start grow the window?") {
  return createQuestion(actor, { title, body: "I read about congestion control and want to understand slow start.", categoryId: await someCategoryId(), tags: "tcp congestion" });
}

export async function answerAs(actor: Actor, questionId: number, body = "It doubles every round trip until ssthresh.") {
  return createAnswer(actor, questionId, { body });
}

export async function pointsOf(userId: number): Promise<number> {
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { points: true } })).points;
}

export async function bestAnswerOf(questionId: number): Promise<number | null> {
  return (await db.question.findUniqueOrThrow({ where: { id: questionId }, select: { bestAnswerId: true } })).bestAnswerId;
}

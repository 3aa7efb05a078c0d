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

export async function someCategoryId(): Promise<number> {
  const c = await db.category.upsert({ where: { slug: "test-category" }, create: { slug: "test-category", name: "Test category" }, update: {} });
  return c.id;
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

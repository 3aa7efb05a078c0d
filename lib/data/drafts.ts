import "server-only";
import { db } from "../db";

export type Draft = { title: string; tags: string; body: string };

/**
 * A member's draft for one place (a question's answer box, or the ask form when `questionId`
 * is null), to render into that form: theirs alone, read only for their own pages.
 */
export async function findDraft(userId: number, questionId: number | null): Promise<Draft | null> {
  const row = await db.draft.findFirst({ where: { userId, questionId }, select: { title: true, tags: true, bodyMd: true } });
  return row && { title: row.title ?? "", tags: row.tags ?? "", body: row.bodyMd };
}

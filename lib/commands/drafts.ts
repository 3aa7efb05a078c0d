import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { consume, describeWait } from "../rate-limit";
import { draftPlaceSchema, draftSchema } from "../validation/draft";
import { parseInput } from "../validation/parse";
import { requireMember, type Actor } from "./guard";

/**
 * Saves come every few seconds while a member types (lib/enhance/drafts.ts debounces them), so
 * they are outside the budget of posts and votes (lib/trust.ts) with one of their own: more
 * than a typing member's script sends, few enough to make the table no one's free store.
 */
export const DRAFT_SAVES_PER_MINUTE = 40;

async function checkDraftRate(actor: Actor): Promise<void> {
  const verdict = await consume(`draft:member:${actor.id}`, { limit: DRAFT_SAVES_PER_MINUTE, windowMs: 60_000 });
  if (!verdict.ok) throw new AppError("RATE_LIMITED", `Your draft is saved too often. Try again in ${describeWait(verdict.retryAfterSeconds)}.`, {}, verdict.retryAfterSeconds);
}

/**
 * Keeps what a member has typed into the ask form (`questionId` null) or a question's answer
 * box, replacing their earlier draft for that place; an empty form drops it. Only for a
 * question that is still there. Returns whether a draft is now kept.
 */
export async function saveDraft(actorOrNull: Actor | null, input: unknown): Promise<{ saved: boolean }> {
  const actor = requireMember(actorOrNull);
  const { questionId, body, title, tags } = parseInput(draftSchema, input);
  await checkDraftRate(actor);
  if (!body.trim() && !title.trim() && !tags.trim()) {
    await discardDraftOf(actor.id, questionId);
    return { saved: false };
  }
  const now = new Date();
  // One statement each, an upsert on the unique index that holds for the place: PostgreSQL
  // needs the partial index's predicate named to pick it for the ask form's draft.
  const saved =
    questionId === null
      ? await db.$executeRaw`
          INSERT INTO "Draft" ("userId", "questionId", "title", "tags", "bodyMd", "updatedAt")
          VALUES (${actor.id}, NULL, ${title}, ${tags}, ${body}, ${now})
          ON CONFLICT ("userId") WHERE "questionId" IS NULL
          DO UPDATE SET "title" = EXCLUDED."title", "tags" = EXCLUDED."tags", "bodyMd" = EXCLUDED."bodyMd", "updatedAt" = EXCLUDED."updatedAt"`
      : await db.$executeRaw`
          INSERT INTO "Draft" ("userId", "questionId", "bodyMd", "updatedAt")
          SELECT ${actor.id}, "id", ${body}, ${now} FROM "Question" WHERE "id" = ${questionId} AND "deletedAt" IS NULL
          ON CONFLICT ("userId", "questionId")
          DO UPDATE SET "bodyMd" = EXCLUDED."bodyMd", "updatedAt" = EXCLUDED."updatedAt"`;
  if (saved === 0) throw new AppError("NOT_FOUND", "That question does not exist or was removed.");
  return { saved: true };
}

/** "Discard draft": drops the member's draft for that place, if there is one. */
export async function discardDraft(actorOrNull: Actor | null, input: unknown): Promise<{ questionId: number | null }> {
  if (!actorOrNull) throw new AppError("UNAUTHENTICATED", "Log in to do that.");
  const { questionId } = parseInput(draftPlaceSchema, input);
  await discardDraftOf(actorOrNull.id, questionId);
  return { questionId };
}

/** Posting clears the draft it came from (an answer's is cleared in its own statement: create-answer.ts). */
export async function discardDraftOf(userId: number, questionId: number | null): Promise<void> {
  await db.draft.deleteMany({ where: { userId, questionId } });
}

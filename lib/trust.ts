import "server-only";
import type { Actor } from "./commands/guard";
import { AppError } from "./errors";
import { consume, describeWait, reset } from "./rate-limit";
import { trust } from "./rules";

const limited = (what: string, seconds: number) =>
  new AppError("RATE_LIMITED", `${what} Try again in ${describeWait(seconds)}.`, {}, seconds);

/** Every write a member makes counts against one per-minute budget. */
export async function checkWriteRate(actor: Actor): Promise<void> {
  const verdict = await consume(`write:member:${actor.id}`, { limit: trust.writesPerMemberPerMinute, windowMs: 60_000 });
  if (!verdict.ok) throw limited("You are doing that too often.", verdict.retryAfterSeconds);
}

const isNew = (actor: Actor) => actor.role === "MEMBER" && actor.points < trust.establishedPoints;

const questionKey = (actor: Actor) => `question:member:${actor.id}`;

/** New members ask at most one question every couple of minutes. */
export async function checkQuestionRate(actor: Actor): Promise<void> {
  if (!isNew(actor)) return;
  const verdict = await consume(questionKey(actor), { limit: 1, windowMs: trust.newMemberQuestionIntervalMs });
  if (!verdict.ok) throw limited(`New members can ask one question every ${trust.newMemberQuestionIntervalMs / 60_000} minutes.`, verdict.retryAfterSeconds);
}

/**
 * Gives back the allowance checkQuestionRate took, for a question that was then refused: only
 * a posted question counts. (With one question a window, the allowance taken was the whole of
 * it, so clearing the count restores exactly what was there.)
 */
export async function refundQuestionRate(actor: Actor): Promise<void> {
  if (isNew(actor)) await reset(questionKey(actor));
}

/** New members' posts carry only a few links (the usual spam pattern is many). */
export function checkLinks(actor: Actor, markdown: string): void {
  if (!isNew(actor)) return;
  const links = markdown.match(/https?:\/\/|www\./gi)?.length ?? 0;
  if (links > trust.newMemberMaxLinks) {
    throw new AppError("BAD_INPUT", "Please correct the highlighted fields.", {
      body: [`New members can include up to ${trust.newMemberMaxLinks} links; this has ${links}.`],
    });
  }
}

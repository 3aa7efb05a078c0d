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
 * Posts a question within a new member's allowance: the allowance is taken before `post` runs
 * (so two questions sent at once cannot both pass) and given back if `post` refuses it, since
 * only a posted question counts. (With one question a window, the allowance taken was the whole
 * of it, so clearing the count restores exactly what was there.)
 */
export async function askWithinAllowance<T>(actor: Actor | null, post: () => Promise<T>): Promise<T> {
  if (!actor) return post();
  await checkQuestionRate(actor);
  try {
    return await post();
  } catch (e) {
    if (isNew(actor)) await reset(questionKey(actor));
    throw e;
  }
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

import "server-only";
import type { Actor } from "./commands/guard";
import { AppError } from "./errors";
import { consume, describeWait } from "./rate-limit";
import { trust } from "./rules";

const limited = (what: string, seconds: number) =>
  new AppError("RATE_LIMITED", `${what} Try again in ${describeWait(seconds)}.`, {}, seconds);

/** Every write a member makes counts against one per-minute budget. */
export async function checkWriteRate(actor: Actor): Promise<void> {
  const verdict = await consume(`write:member:${actor.id}`, { limit: trust.writesPerMemberPerMinute, windowMs: 60_000 });
  if (!verdict.ok) throw limited("You are doing that too often.", verdict.retryAfterSeconds);
}

const isNew = (actor: Actor) => actor.role === "MEMBER" && actor.points < trust.establishedPoints;

/** New members ask at most one question every couple of minutes. */
export async function checkQuestionRate(actor: Actor): Promise<void> {
  if (!isNew(actor)) return;
  const verdict = await consume(`question:member:${actor.id}`, { limit: 1, windowMs: trust.newMemberQuestionIntervalMs });
  if (!verdict.ok) throw limited(`New members can ask one question every ${trust.newMemberQuestionIntervalMs / 60_000} minutes.`, verdict.retryAfterSeconds);
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

import type { Actor } from "../commands/guard";
import { checkLinks, checkQuestionRate, checkWriteRate } from "../trust";

/**
 * The limits every write passes before its command runs: a per-member budget, and for new
 * members the question interval and the link cap. (Per-address flood limits sit in the front
 * door, server/front-door.ts.) Signed-out callers pass through: the command refuses them. The
 * JSON API (app/api/v1) guards its token holders' writes with this too.
 */
export async function guardWrite(user: Actor | null, kind: "question" | "answer" | "other", body?: string) {
  if (!user) return;
  await checkWriteRate(user);
  if (body !== undefined) checkLinks(user, body);
  if (kind === "question") await checkQuestionRate(user);
}

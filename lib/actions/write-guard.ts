import type { Actor } from "../commands/guard";
import { checkLinks, checkWriteRate } from "../trust";

/**
 * The limits every write passes before its command runs: a per-member budget, and for new
 * members the link cap. (A new member's one question per interval is askWithinAllowance in
 * lib/trust.ts, wrapped around the posting, since only a posted question counts; per-address
 * flood limits sit in the front door, server/front-door.ts.) Signed-out callers pass through:
 * the command refuses them. The JSON API (app/api/v1) guards its token holders' writes too.
 */
export async function guardWrite(user: Actor | null, _kind: "question" | "answer" | "other", body?: string) {
  if (!user) return;
  await checkWriteRate(user);
  if (body !== undefined) checkLinks(user, body);
}

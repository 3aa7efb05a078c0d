import type { CurrentUser } from "../auth/current-user";
import { checkLinks, checkWriteRate } from "../trust";

/**
 * The limits every write passes before its command runs: a per-member budget, and for new
 * members the link cap. (A new member's one question per interval is askWithinAllowance in
 * lib/trust.ts, wrapped around the posting, since only a posted question counts; per-address
 * flood limits sit in the front door, server/front-door.ts.) Signed-out callers pass through:
 * the command refuses them.
 */
export async function guardWrite(user: CurrentUser | null, _kind: "question" | "answer" | "other", body?: string) {
  if (!user) return;
  await checkWriteRate(user);
  if (body !== undefined) checkLinks(user, body);
}

import { timingSafeEqual } from "node:crypto";
import { expireBounties } from "@/lib/commands/bounty";

export const dynamic = "force-dynamic";

/**
 * Settles bounties past their end. server.ts calls it every minute with a key it made at
 * start-up (jobs run inside Next so they share its modules); nobody else knows the key.
 */
export async function POST(request: Request) {
  const key = process.env.FORUM_JOB_KEY ?? "";
  const given = request.headers.get("x-forum-job-key") ?? "";
  if (!key || given.length !== key.length || !timingSafeEqual(Buffer.from(given), Buffer.from(key))) {
    return Response.json({ error: "Not found." }, { status: 404 });
  }
  return Response.json(await expireBounties());
}

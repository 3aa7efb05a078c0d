import { guardWrite } from "@/lib/actions/write-guard";
import { pathId } from "@/lib/api/input";
import { apiWrite, jsonResponse } from "@/lib/api/route";
import { selectBestAnswer } from "@/lib/commands/select-best-answer";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/route";

/** Picks this answer as its question's best: the asker or a moderator (lib/permissions.ts). */
export const POST = apiWrite<{ id: string }>(async (_request, params, { actor }) => {
  const answerId = pathId(params.id, "answer");
  await guardWrite(actor, "other");
  const { questionId } = await selectBestAnswer(actor, answerId);
  return jsonResponse({ questionId, bestAnswerId: answerId });
});

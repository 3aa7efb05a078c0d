import { guardWrite } from "@/lib/actions/write-guard";
import { pathId } from "@/lib/api/input";
import { apiWrite, jsonResponse } from "@/lib/api/route";
import { clearBestAnswer } from "@/lib/commands/select-best-answer";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/route";

/** Clears the question's best answer (its +20 is taken back): the asker or a moderator. */
export const DELETE = apiWrite<{ id: string }>(async (_request, params, { actor }) => {
  const questionId = pathId(params.id, "question");
  await guardWrite(actor, "other");
  await clearBestAnswer(actor, questionId);
  return jsonResponse({ questionId, bestAnswerId: null });
});

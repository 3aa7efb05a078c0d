import { pathId } from "@/lib/api/input";
import { presentQuestion } from "@/lib/api/present";
import { ApiProblem } from "@/lib/api/problem";
import { apiRead, jsonResponse } from "@/lib/api/route";
import { findApiQuestion } from "@/lib/data/api-reads";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/route";

export const GET = apiRead<{ id: string }>(async (_request, params) => {
  const question = await findApiQuestion(pathId(params.id, "question"));
  if (!question) throw new ApiProblem(404, "That question does not exist or was removed.");
  return jsonResponse(presentQuestion(question));
});

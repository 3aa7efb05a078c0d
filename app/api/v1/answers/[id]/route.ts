import { pathId } from "@/lib/api/input";
import { presentAnswer } from "@/lib/api/present";
import { ApiProblem } from "@/lib/api/problem";
import { apiRead, jsonResponse } from "@/lib/api/route";
import { findApiAnswer } from "@/lib/data/api-reads";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/route";

export const GET = apiRead<{ id: string }>(async (_request, params) => {
  const answer = await findApiAnswer(pathId(params.id, "answer"));
  if (!answer) throw new ApiProblem(404, "That answer does not exist or was removed.");
  return jsonResponse(presentAnswer(answer));
});

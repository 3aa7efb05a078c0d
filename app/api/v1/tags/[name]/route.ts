import { pathText } from "@/lib/api/input";
import { presentTag } from "@/lib/api/present";
import { ApiProblem } from "@/lib/api/problem";
import { apiRead, jsonResponse } from "@/lib/api/route";
import { findApiTag } from "@/lib/data/api-reads";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/route";

export const GET = apiRead<{ name: string }>(async (_request, params) => {
  const tag = await findApiTag(pathText(params.name, "name").toLowerCase());
  if (!tag) throw new ApiProblem(404, "There is no tag by that name.");
  return jsonResponse(presentTag(tag));
});

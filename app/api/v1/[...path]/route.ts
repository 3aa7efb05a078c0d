import { ApiProblem } from "@/lib/api/problem";
import { problemResponse } from "@/lib/api/route";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/route";

/** Any other address under /api/v1: a problem document, not Next's HTML page. */
const notFound = async () => problemResponse(new ApiProblem(404, "There is no such address in the API: see /api/v1/openapi.json."));

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };

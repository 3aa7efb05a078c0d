import { pathId } from "@/lib/api/input";
import { apiWrite } from "@/lib/api/route";
import { voteThroughApi } from "@/lib/api/vote";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/route";

export const POST = apiWrite<{ id: string }>((request, params, holder) => voteThroughApi(request, holder, "question", pathId(params.id, "question")));

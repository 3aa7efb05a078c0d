import { apiPaths, presentRole } from "@/lib/api/present";
import { ApiProblem } from "@/lib/api/problem";
import { apiRead, jsonResponse } from "@/lib/api/route";
import { userPath } from "@/lib/paths";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/route";

/** Whose token this is: a client's way to check a token before it writes. */
export const GET = apiRead(async (_request, _params, holder) => {
  if (!holder) throw new ApiProblem(401, "Send a personal access token to learn whose it is.", { headers: { "WWW-Authenticate": 'Bearer realm="forum-api"' } });
  const { username, role, points } = holder.actor;
  return jsonResponse({ username, role: presentRole(role), points, links: { self: apiPaths.user(username), html: userPath(username) } });
});

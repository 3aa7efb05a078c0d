import { pathText } from "@/lib/api/input";
import { apiPaths, presentRole } from "@/lib/api/present";
import { ApiProblem } from "@/lib/api/problem";
import { apiRead, jsonResponse } from "@/lib/api/route";
import { findApiMember } from "@/lib/data/api-reads";
import { userPath } from "@/lib/paths";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/route";

/** A member's public profile. */
export const GET = apiRead<{ username: string }>(async (_request, params) => {
  const member = await findApiMember(pathText(params.username, "username"));
  if (!member) throw new ApiProblem(404, "There is no member by that name.");
  return jsonResponse({
    username: member.username,
    role: presentRole(member.role),
    points: member.points,
    bio: member.bio,
    createdAt: member.createdAt.toISOString(),
    questionCount: member.questionCount,
    answerCount: member.answerCount,
    bestAnswerCount: member.bestAnswerCount,
    links: { self: apiPaths.user(member.username), html: userPath(member.username) },
  });
});

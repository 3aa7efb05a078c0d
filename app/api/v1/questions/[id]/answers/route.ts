import { guardWrite } from "@/lib/actions/write-guard";
import { jsonBody, pathId, queryChoice } from "@/lib/api/input";
import { pageResponse, readPaging } from "@/lib/api/paging";
import { apiPaths, presentAnswer } from "@/lib/api/present";
import { ApiProblem } from "@/lib/api/problem";
import { apiRead, apiWrite, jsonResponse } from "@/lib/api/route";
import { createAnswer } from "@/lib/commands/create-answer";
import { findApiAnswer, findApiQuestion, listApiAnswers } from "@/lib/data/api-reads";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/route";

const orders = ["votes", "newest", "oldest"] as const;

/** A question's live answers, a page at a time. */
export const GET = apiRead<{ id: string }>(async (request, params) => {
  const url = new URL(request.url);
  const questionId = pathId(params.id, "question");
  const sort = queryChoice(url, "sort", orders, "votes");
  const paging = readPaging(url);
  if (!(await findApiQuestion(questionId))) throw new ApiProblem(404, "That question does not exist or was removed.");
  const { answers, hasMore } = await listApiAnswers(questionId, sort, paging);
  return pageResponse(url, answers.map(presentAnswer), paging, hasMore);
});

/** Answers, as the thread's answer form does: the same write guard and command. */
export const POST = apiWrite<{ id: string }>(async (request, params, { actor }) => {
  const questionId = pathId(params.id, "question");
  const input = await jsonBody(request);
  await guardWrite(actor, "answer", typeof input.body === "string" ? input.body : "");
  const created = await createAnswer(actor, questionId, { body: input.body });
  const answer = await findApiAnswer(created.id);
  if (!answer) throw new ApiProblem(404, "The answer was removed as soon as it was posted.");
  return jsonResponse(presentAnswer(answer), { status: 201, headers: { Location: apiPaths.answer(created.id) } });
});

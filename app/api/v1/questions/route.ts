import { guardWrite } from "@/lib/actions/write-guard";
import { jsonBody, queryChoice, queryParam } from "@/lib/api/input";
import { readPaging, pageResponse } from "@/lib/api/paging";
import { presentQuestion, presentQuestionSummary, apiPaths } from "@/lib/api/present";
import { ApiProblem } from "@/lib/api/problem";
import { apiRead, apiWrite, jsonResponse } from "@/lib/api/route";
import { createQuestion } from "@/lib/commands/create-question";
import { findApiQuestion } from "@/lib/data/api-reads";
import { findCategoryBySlug } from "@/lib/data/categories";
import { listQuestions } from "@/lib/data/questions";
import { askWithinAllowance } from "@/lib/trust";
import { listSorts } from "@/lib/validation/list";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/route";

/** Questions in one of the lists' orders, optionally within one tag or category. */
export const GET = apiRead(async (request) => {
  const url = new URL(request.url);
  const sort = queryChoice(url, "sort", listSorts, "newest");
  const tagName = queryParam(url, "tag", 60)?.toLowerCase();
  const categorySlug = queryParam(url, "category", 100);
  const paging = readPaging(url);
  let categoryId: number | undefined;
  if (categorySlug !== undefined) {
    const category = await findCategoryBySlug(categorySlug);
    if (!category) throw new ApiProblem(404, `There is no category "${categorySlug}".`);
    categoryId = category.id;
  }
  const { questions, hasMore } = await listQuestions({ ...paging, sort, tagName, categoryId });
  return pageResponse(url, questions.map(presentQuestionSummary), paging, hasMore);
});

/** Asks, as the ask form does: the same write guard, command and question allowance (only a posted question spends it). */
export const POST = apiWrite(async (request, _params, { actor }) => {
  const input = await jsonBody(request);
  const { tags } = input;
  if (tags !== undefined && typeof tags !== "string" && !(Array.isArray(tags) && tags.every((t) => typeof t === "string"))) {
    throw new ApiProblem(400, "Please correct the highlighted fields.", { errors: [{ field: "tags", detail: 'Send the tags as a list of names, e.g. ["tcp", "ipv6"].' }] });
  }
  const body = typeof input.body === "string" ? input.body : "";
  await guardWrite(actor, "question", body);
  const created = await askWithinAllowance(actor, () =>
    createQuestion(actor, { title: input.title, body: input.body, categoryId: input.categoryId, tags: Array.isArray(tags) ? tags.join(" ") : tags }),
  );
  const question = await findApiQuestion(created.id);
  if (!question) throw new ApiProblem(404, "The question was removed as soon as it was asked.");
  return jsonResponse(presentQuestion(question), { status: 201, headers: { Location: apiPaths.question(created.id) } });
});

/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Every route handler
 * under app/api/v1 is described here, and the tests check real responses against it
 * (tests/api-v1.test.ts) and the document against OpenAPI 3.1's own schema.
 */
import { SEARCH_QUERY_MAX } from "../validation/list";
import { MAX_PAGE, MAX_PAGE_SIZE } from "./paging";
import { object, pageOf, schemas } from "./openapi-schemas";

const json = (schema: unknown) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const shared = (name: string) => ({ $ref: `#/components/responses/${name}` });
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const ok = (description: string, schema: unknown, headers?: Record<string, unknown>) => ({ description, ...(headers ? { headers } : {}), content: json(schema) });
const paged = (description: string, schema: unknown) => ok(description, schema, { Link: { $ref: "#/components/headers/Link" } });
const created = (description: string, schema: unknown) => ok(description, schema, { Location: { description: "The new resource in the API.", schema: { type: "string" } } });

const readErrors = { "400": shared("BadRequest"), "401": shared("Unauthorized"), "403": shared("Forbidden"), "429": shared("RateLimited"), "500": shared("ServerError"), "503": shared("Unavailable") };
const writeErrors = {
  "400": shared("BadRequest"),
  "401": shared("Unauthorized"),
  "403": shared("Forbidden"),
  "404": shared("NotFound"),
  "409": shared("Conflict"),
  "413": shared("TooLarge"),
  "415": shared("UnsupportedMediaType"),
  "429": shared("RateLimited"),
  "500": shared("ServerError"),
  "503": shared("Unavailable"),
};
const bodyOf = (name: string) => ({ required: true, content: json(ref(name)) });
const optionalToken = [{}, { bearerAuth: [] }];
const tokenOnly = [{ bearerAuth: [] }];

const sortParam = (values: string[], fallback: string, description: string) => ({
  name: "sort",
  in: "query",
  description,
  schema: { type: "string", enum: values, default: fallback },
});

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Packets & Pointers API",
    version: "1.0.0",
    description:
      "Read questions, answers, members and tags; with a personal access token (made in /settings), ask, answer, vote and pick best answers. " +
      "Reads need no token and are limited per address (per token when one is sent); writes obey the same rules and limits as the forum's forms. " +
      "Any origin may call the API (CORS, without credentials): it reads no cookies, only `Authorization: Bearer <token>`. " +
      "Errors are RFC 9457 problem details. Lists are paged with ?page= and ?pageSize= and link to their next and previous pages in the body and in a Link header.",
  },
  servers: [{ url: "/" }],
  security: optionalToken,
  tags: [{ name: "questions" }, { name: "answers" }, { name: "search" }, { name: "members" }, { name: "tags" }],
  paths: {
    "/api/v1/questions": {
      get: {
        tags: ["questions"],
        operationId: "listQuestions",
        summary: "Questions, newest first or in another of the forum's orders",
        parameters: [
          sortParam(["newest", "active", "unanswered", "top"], "newest", "unanswered: no best answer yet."),
          { name: "tag", in: "query", schema: { type: "string", maxLength: 60 } },
          { name: "category", in: "query", description: "A category's slug.", schema: { type: "string", maxLength: 100 } },
          param("page"),
          param("pageSize"),
        ],
        responses: { "200": paged("A page of questions.", ref("QuestionPage")), ...readErrors, "404": shared("NotFound") },
      },
      post: {
        tags: ["questions"],
        operationId: "askQuestion",
        summary: "Ask a question",
        security: tokenOnly,
        requestBody: bodyOf("NewQuestion"),
        responses: { "201": created("The question as asked.", ref("Question")), ...writeErrors },
      },
    },
    "/api/v1/questions/{questionId}": {
      parameters: [param("questionId")],
      get: { tags: ["questions"], operationId: "getQuestion", summary: "A question", responses: { "200": ok("The question.", ref("Question")), ...readErrors, "404": shared("NotFound") } },
    },
    "/api/v1/questions/{questionId}/answers": {
      parameters: [param("questionId")],
      get: {
        tags: ["answers"],
        operationId: "listAnswers",
        summary: "A question's answers",
        parameters: [sortParam(["votes", "newest", "oldest"], "votes", "votes: highest score first."), param("page"), param("pageSize")],
        responses: { "200": paged("A page of answers.", ref("AnswerPage")), ...readErrors, "404": shared("NotFound") },
      },
      post: {
        tags: ["answers"],
        operationId: "answerQuestion",
        summary: "Answer a question",
        security: tokenOnly,
        requestBody: bodyOf("NewAnswer"),
        responses: { "201": created("The answer as posted.", ref("Answer")), ...writeErrors },
      },
    },
    "/api/v1/questions/{questionId}/vote": {
      parameters: [param("questionId")],
      post: {
        tags: ["questions"],
        operationId: "voteOnQuestion",
        summary: "Vote a question up or down (the same direction again takes the vote back)",
        security: tokenOnly,
        requestBody: bodyOf("VoteRequest"),
        responses: { "200": ok("The question's score and your vote now.", ref("VoteResult")), ...writeErrors },
      },
    },
    "/api/v1/questions/{questionId}/best-answer": {
      parameters: [param("questionId")],
      delete: {
        tags: ["answers"],
        operationId: "clearBestAnswer",
        summary: "Clear the question's best answer (the asker or a moderator)",
        security: tokenOnly,
        responses: { "200": ok("The question has no best answer now.", ref("BestAnswerResult")), ...writeErrors },
      },
    },
    "/api/v1/answers/{answerId}": {
      parameters: [param("answerId")],
      get: { tags: ["answers"], operationId: "getAnswer", summary: "An answer", responses: { "200": ok("The answer.", ref("Answer")), ...readErrors, "404": shared("NotFound") } },
    },
    "/api/v1/answers/{answerId}/vote": {
      parameters: [param("answerId")],
      post: {
        tags: ["answers"],
        operationId: "voteOnAnswer",
        summary: "Vote an answer up or down (the same direction again takes the vote back)",
        security: tokenOnly,
        requestBody: bodyOf("VoteRequest"),
        responses: { "200": ok("The answer's score and your vote now.", ref("VoteResult")), ...writeErrors },
      },
    },
    "/api/v1/answers/{answerId}/best": {
      parameters: [param("answerId")],
      post: {
        tags: ["answers"],
        operationId: "pickBestAnswer",
        summary: "Pick the answer as its question's best (the asker or a moderator)",
        security: tokenOnly,
        responses: { "200": ok("The question's best answer now.", ref("BestAnswerResult")), ...writeErrors },
      },
    },
    "/api/v1/search": {
      get: {
        tags: ["search"],
        operationId: "search",
        summary: "Full-text search of questions and their answers, as the search page does (pages of 20)",
        parameters: [
          { name: "q", in: "query", required: true, schema: { type: "string", minLength: 1, maxLength: SEARCH_QUERY_MAX }, description: 'Words, "a phrase", -excluded, or OR.' },
          { name: "tag", in: "query", schema: { type: "string", maxLength: 60 } },
          { name: "category", in: "query", schema: { type: "string", maxLength: 100 } },
          { name: "author", in: "query", schema: { type: "string", maxLength: 60 } },
          { name: "answered", in: "query", schema: { type: "string", enum: ["yes", "no"] } },
          { name: "hasBestAnswer", in: "query", schema: { type: "string", enum: ["true", "false"] } },
          param("page"),
          { name: "pageSize", in: "query", description: "Always 20 here.", schema: { type: "integer", enum: [20] } },
        ],
        responses: { "200": paged("A page of matches, the most relevant first.", ref("SearchPage")), ...readErrors },
      },
    },
    "/api/v1/users": {
      get: {
        tags: ["members"],
        operationId: "listUsers",
        summary: "Members, the most points first",
        parameters: [param("page"), param("pageSize")],
        responses: { "200": paged("A page of members.", ref("UserPage")), ...readErrors },
      },
    },
    "/api/v1/users/{username}": {
      get: {
        tags: ["members"],
        operationId: "getUser",
        summary: "A member's public profile",
        parameters: [{ name: "username", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": ok("The member.", ref("User")), ...readErrors, "404": shared("NotFound") },
      },
    },
    "/api/v1/me": {
      get: {
        tags: ["members"],
        operationId: "getMe",
        summary: "Whose token this is",
        security: tokenOnly,
        responses: { "200": ok("The token's holder.", ref("Me")), ...readErrors },
      },
    },
    "/api/v1/tags": {
      get: {
        tags: ["tags"],
        operationId: "listTags",
        summary: "Tags in use, the most used first",
        parameters: [param("page"), param("pageSize")],
        responses: { "200": paged("A page of tags.", ref("TagPage")), ...readErrors },
      },
    },
    "/api/v1/tags/{name}": {
      get: {
        tags: ["tags"],
        operationId: "getTag",
        summary: "A tag and how many questions carry it",
        parameters: [{ name: "name", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": ok("The tag.", ref("Tag")), ...readErrors, "404": shared("NotFound") },
      },
    },
    "/api/v1/categories": {
      get: {
        tags: ["questions"],
        operationId: "listCategories",
        summary: "Every category (asking needs one's id)",
        responses: { "200": ok("The categories, in the forum's order.", object({ items: { type: "array", items: ref("Category") } })), ...readErrors },
      },
    },
    "/api/v1/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        summary: "This document",
        security: [{}],
        responses: { "200": { description: "OpenAPI 3.1.", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerAuth: { type: "http", scheme: "bearer", description: "A personal access token from /settings (ppt_…)." },
    },
    parameters: {
      page: { name: "page", in: "query", description: "1-based.", schema: { type: "integer", minimum: 1, maximum: MAX_PAGE, default: 1 } },
      pageSize: { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 } },
      questionId: { name: "questionId", in: "path", required: true, schema: { type: "integer", minimum: 1, maximum: 2147483647 } },
      answerId: { name: "answerId", in: "path", required: true, schema: { type: "integer", minimum: 1, maximum: 2147483647 } },
    },
    headers: {
      Link: { description: 'RFC 8288 links to the next and previous pages: </api/v1/questions?page=2>; rel="next".', schema: { type: "string" } },
    },
    responses: {
      BadRequest: problem("The request is not valid: a parameter or a field (named in `errors`), a NUL character, an id that is not a number."),
      Unauthorized: problem("A token is needed (writes), or the token sent is not valid: revoked, expired or unknown.", {
        "WWW-Authenticate": { schema: { type: "string" } },
      }),
      Forbidden: problem("The token's holder may not do this: the forum's rules (points, the asker's pick, a locked thread) or a suspension."),
      NotFound: problem("No such question, answer, member, tag or category (or it was removed)."),
      Conflict: problem("The request conflicts with the current state."),
      TooLarge: problem("The body is larger than any post may be."),
      UnsupportedMediaType: problem("The body was not sent as JSON."),
      RateLimited: problem("Too many requests: try again after Retry-After seconds.", { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } }),
      ServerError: problem("The server failed (and logged it)."),
      Unavailable: problem("The forum's database does not answer for the moment.", { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } }),
    },
    schemas: {
      ...schemas,
      QuestionPage: pageOf("QuestionSummary"),
      AnswerPage: pageOf("Answer"),
      UserPage: pageOf("UserSummary"),
      TagPage: pageOf("Tag"),
      SearchPage: pageOf("SearchHit", {
        total: { type: "integer", description: "Matches counted; a lower bound when totalIsExact is false." },
        totalIsExact: { type: "boolean" },
      }),
    },
  },
} as const;

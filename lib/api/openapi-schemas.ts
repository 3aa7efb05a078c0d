/**
 * The JSON schemas of the API's bodies (OpenAPI 3.1, i.e. JSON Schema 2020-12). Response
 * objects are closed (additionalProperties: false), so the tests that check real responses
 * against them (tests/api-v1.test.ts) also catch a field the API should not show.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const text = { type: "string" } as const;
const int = { type: "integer" } as const;
const date = { type: "string", format: "date-time" } as const;
const path = { type: "string", format: "uri-reference", description: "A path on this host." } as const;
const nullable = (schema: Record<string, unknown>) => ({ ...schema, type: [schema.type as string, "null"] });

export const object = (properties: Record<string, unknown>, optional: string[] = []) => ({
  type: "object",
  properties,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  additionalProperties: false,
});

const links = (...names: string[]) => object(Object.fromEntries(names.map((n) => [n, path])));

/** A page of a list: items, where it is, and the links to the pages beside it. */
export const pageOf = (item: string, extra: Record<string, unknown> = {}) =>
  object(
    {
      items: { type: "array", items: ref(item) },
      page: { ...int, minimum: 1 },
      pageSize: { ...int, minimum: 1, maximum: 100 },
      hasMore: { type: "boolean" },
      ...extra,
      links: object({ next: path, prev: path }, ["next", "prev"]),
    },
  );

export const schemas = {
  Problem: {
    ...object(
      {
        type: { ...path, description: "Names the kind of problem: /api/v1/problems/<kind>." },
        title: text,
        status: { ...int, minimum: 400, maximum: 599 },
        detail: { ...text, description: "What went wrong this time, in a sentence to show a person." },
        errors: { type: "array", items: ref("FieldProblem"), description: "For refused input: one entry per problem, naming its field." },
        retryAfterSeconds: { ...int, minimum: 1, description: "With 429: the same as the Retry-After header." },
      },
      ["errors", "retryAfterSeconds"],
    ),
    description: "RFC 9457 problem details, served as application/problem+json.",
  },
  FieldProblem: object({ field: text, detail: text }),
  AuthorRef: object({ username: text, links: links("self", "html") }),
  CategoryRef: object({ slug: text, name: text, links: links("html") }),
  Category: object({ id: int, slug: text, name: text, links: links("html") }),
  QuestionSummary: object({
    id: int,
    title: text,
    excerpt: { ...text, description: "The plain-text opening of the body." },
    score: int,
    answerCount: int,
    viewCount: int,
    bestAnswerId: nullable(int),
    createdAt: date,
    author: ref("AuthorRef"),
    category: ref("CategoryRef"),
    tags: { type: "array", items: text },
    links: links("self", "html", "answers"),
  }),
  Question: object({
    id: int,
    title: text,
    bodyMarkdown: { ...text, description: "The body as its author wrote it (Markdown, GFM)." },
    bodyHtml: { ...text, description: "The body rendered and sanitized, as the forum shows it." },
    score: int,
    answerCount: int,
    viewCount: int,
    bestAnswerId: nullable(int),
    createdAt: date,
    updatedAt: date,
    lastActivityAt: date,
    lockedAt: nullable(date),
    closedAt: nullable(date),
    closeReason: nullable(text),
    duplicateOf: { oneOf: [{ type: "null" }, object({ id: int, links: links("self") })] },
    author: ref("AuthorRef"),
    category: ref("CategoryRef"),
    tags: { type: "array", items: text },
    links: links("self", "html", "answers"),
  }),
  Answer: object({
    id: int,
    questionId: int,
    bodyMarkdown: text,
    bodyHtml: text,
    score: int,
    isBest: { type: "boolean" },
    createdAt: date,
    updatedAt: date,
    author: ref("AuthorRef"),
    links: links("self", "html", "question"),
  }),
  SearchHit: object({
    id: int,
    title: text,
    titleHtml: { ...text, description: "The title, HTML-escaped, with the matching words in <mark>." },
    snippetHtml: { ...text, description: "Up to 30 words of the body around the matches, escaped, with <mark>." },
    answerSnippetHtml: nullable({ ...text, description: "The same of the best-matching answer, when an answer matched." }),
    score: int,
    answerCount: int,
    bestAnswerId: nullable(int),
    createdAt: date,
    author: ref("AuthorRef"),
    category: ref("CategoryRef"),
    links: links("self", "html", "answers"),
  }),
  Role: { type: "string", enum: ["member", "moderator", "admin"] },
  UserSummary: object({ username: text, points: int, role: ref("Role"), links: links("self", "html") }),
  User: object({
    username: text,
    role: ref("Role"),
    points: int,
    bio: text,
    createdAt: date,
    questionCount: int,
    answerCount: int,
    bestAnswerCount: int,
    links: links("self", "html"),
  }),
  Me: object({ username: text, role: ref("Role"), points: int, links: links("self", "html") }),
  Tag: object({ name: text, questionCount: int, links: links("self", "html", "questions") }),
  VoteResult: object({
    postType: { type: "string", enum: ["question", "answer"] },
    postId: int,
    score: int,
    myVote: { type: "integer", enum: [-1, 0, 1], description: "Your vote after this request: 0 when it took your vote back." },
  }),
  BestAnswerResult: object({ questionId: int, bestAnswerId: nullable(int) }),
  NewQuestion: {
    type: "object",
    properties: {
      title: { ...text, minLength: 10, maxLength: 150 },
      body: { ...text, minLength: 20, maxLength: 30000, description: "Markdown (GFM)." },
      categoryId: { ...int, minimum: 1, description: "One of GET /api/v1/categories." },
      tags: { oneOf: [{ type: "array", items: text, maxItems: 5 }, { ...text, description: "Names separated by spaces or commas." }] },
    },
    required: ["title", "body", "categoryId"],
  },
  NewAnswer: { type: "object", properties: { body: { ...text, minLength: 10, maxLength: 30000, description: "Markdown (GFM)." } }, required: ["body"] },
  VoteRequest: {
    type: "object",
    properties: { direction: { type: "string", enum: ["up", "down"], description: "The same direction as your current vote takes it back." } },
    required: ["direction"],
  },
} as const;

import { answerPath, categoryPath, questionPath, tagPath, userPath } from "../paths";

/**
 * What the API shows of each thing, and nothing more: never an email, a hash, a hidden or
 * deleted post, or an internal flag. Dates as ISO 8601; links to the API's own resource and the
 * page a person reads (paths on this host).
 */
const api = "/api/v1";
export const apiPaths = {
  question: (id: number) => `${api}/questions/${id}`,
  answers: (questionId: number) => `${api}/questions/${questionId}/answers`,
  answer: (id: number) => `${api}/answers/${id}`,
  user: (username: string) => `${api}/users/${encodeURIComponent(username)}`,
  tag: (name: string) => `${api}/tags/${encodeURIComponent(name)}`,
  taggedQuestions: (name: string) => `${api}/questions?tag=${encodeURIComponent(name)}`,
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentAuthor = (author: { username: string }) => ({
  username: author.username,
  links: { self: apiPaths.user(author.username), html: userPath(author.username) },
});

const presentCategory = (c: { slug: string; name: string }) => ({ slug: c.slug, name: c.name, links: { html: categoryPath(c.slug) } });

type SummaryRow = {
  id: number;
  title: string;
  slug: string;
  excerpt: string;
  createdAt: Date;
  viewCount: number;
  answerCount: number;
  score: number;
  bestAnswerId: number | null;
  author: { username: string };
  category: { slug: string; name: string };
  tags: { tag: { name: string } }[];
};

export const presentQuestionSummary = (q: SummaryRow) => ({
  id: q.id,
  title: q.title,
  excerpt: q.excerpt,
  score: q.score,
  answerCount: q.answerCount,
  viewCount: q.viewCount,
  bestAnswerId: q.bestAnswerId,
  createdAt: q.createdAt.toISOString(),
  author: presentAuthor(q.author),
  category: presentCategory(q.category),
  tags: q.tags.map((t) => t.tag.name),
  links: { self: apiPaths.question(q.id), html: questionPath(q), answers: apiPaths.answers(q.id) },
});

type QuestionRow = Omit<SummaryRow, "excerpt"> & {
  bodyMd: string;
  bodyHtml: string;
  updatedAt: Date;
  lastActivityAt: Date;
  lockedAt: Date | null;
  closedAt: Date | null;
  closeReason: string | null;
  duplicateOfId: number | null;
};

export const presentQuestion = (q: QuestionRow) => ({
  id: q.id,
  title: q.title,
  bodyMarkdown: q.bodyMd,
  bodyHtml: q.bodyHtml,
  score: q.score,
  answerCount: q.answerCount,
  viewCount: q.viewCount,
  bestAnswerId: q.bestAnswerId,
  createdAt: q.createdAt.toISOString(),
  updatedAt: q.updatedAt.toISOString(),
  lastActivityAt: q.lastActivityAt.toISOString(),
  lockedAt: iso(q.lockedAt),
  closedAt: iso(q.closedAt),
  closeReason: q.closedAt ? q.closeReason : null,
  duplicateOf: q.duplicateOfId === null ? null : { id: q.duplicateOfId, links: { self: apiPaths.question(q.duplicateOfId) } },
  author: presentAuthor(q.author),
  category: presentCategory(q.category),
  tags: q.tags.map((t) => t.tag.name),
  links: { self: apiPaths.question(q.id), html: questionPath(q), answers: apiPaths.answers(q.id) },
});

export type AnswerRow = {
  id: number;
  questionId: number;
  bodyMd: string;
  bodyHtml: string;
  score: number;
  createdAt: Date;
  updatedAt: Date;
  author: { username: string };
  question: { slug: string; bestAnswerId: number | null };
};

export const presentAnswer = (a: AnswerRow) => ({
  id: a.id,
  questionId: a.questionId,
  bodyMarkdown: a.bodyMd,
  bodyHtml: a.bodyHtml,
  score: a.score,
  isBest: a.question.bestAnswerId === a.id,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
  author: presentAuthor(a.author),
  links: { self: apiPaths.answer(a.id), html: answerPath({ id: a.questionId, slug: a.question.slug }, a.id), question: apiPaths.question(a.questionId) },
});

export const presentRole = (role: string) => role.toLowerCase() as "member" | "moderator" | "admin";

export const presentUserSummary = (u: { username: string; points: number; role: string }) => ({
  username: u.username,
  points: u.points,
  role: presentRole(u.role),
  links: { self: apiPaths.user(u.username), html: userPath(u.username) },
});

export const presentTag = (t: { name: string; count: number }) => ({
  name: t.name,
  questionCount: t.count,
  links: { self: apiPaths.tag(t.name), html: tagPath(t.name), questions: apiPaths.taggedQuestions(t.name) },
});

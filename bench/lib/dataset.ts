/**
 * One generated thread at a time (question, tags, answers, votes, comments, ledger events),
 * drawn from a seeded PRNG so that the same seed always gives the same data set. Everything a
 * thread needs is local to it, so the loader can stream threads into the database in batches.
 */
import { rules } from "../../lib/rules";
import { slugify } from "../../lib/slug";
import { answerCount, distinct, randInt, zipf, type Rng } from "./prng";
import { makeTitle, type Body, type QuestionBody, type TextPools } from "./texts";

export type World = {
  rng: Rng;
  pools: TextPools;
  firstMemberId: number;
  memberCount: number;
  tagIds: number[];
  categoryIds: number[];
  start: number;
  span: number;
  questionCount: number;
  /** Forced answer counts by question index (the benchmark's 30-answer and 1-answer threads). */
  forced: Map<number, number>;
};

type Vote = { userId: number; questionId: number; answerId: number | null; value: number; createdAt: Date };
type Post = { authorId: number; createdAt: Date; questionId: number; answerId: number | null };
export type Event = { userId: number; delta: number; cause: string; subject: string; questionId: number; answerId: number | null; actorId: number | null; createdAt: Date };
export type GenAnswer = Body & { id: number; authorId: number; createdAt: Date; score: number };
export type GenThread = {
  question: QuestionBody & { id: number; title: string; slug: string; authorId: number; categoryId: number; createdAt: Date; lastActivityAt: Date; score: number; viewCount: number; bestAnswerId: number | null };
  tagIds: number[];
  answers: GenAnswer[];
  votes: Vote[];
  comments: (Post & { bodyMd: string; bodyHtml: string; renderVersion: number })[];
  events: Event[];
};

const HOUR = 3_600_000;

export function makeSamplers(w: Pick<World, "memberCount" | "tagIds" | "categoryIds">) {
  return { member: zipf(w.memberCount, 0.9), tag: zipf(w.tagIds.length, 1.07), category: zipf(w.categoryIds.length, 0.6) };
}

export function generateThread(w: World, s: ReturnType<typeof makeSamplers>, index: number, id: number, nextAnswerId: () => number): GenThread {
  const { rng } = w;
  const member = () => w.firstMemberId + s.member(rng);
  const asker = member();
  const createdAt = new Date(w.start + (w.span * index) / w.questionCount + randInt(rng, 0, HOUR));
  const title = makeTitle(rng);
  const events: Event[] = [];
  const votes: Vote[] = [];
  const comments: GenThread["comments"] = [];

  const answers: GenAnswer[] = [];
  const n = w.forced.get(index) ?? answerCount(rng);
  const answered = new Set<number>();
  let at = createdAt.getTime();
  for (let i = 0; i < n; i++) {
    // A few members answer their own question; most answers come from others.
    let authorId = member();
    if (authorId === asker && rng() > 0.05) authorId = w.firstMemberId + ((authorId - w.firstMemberId + 1) % w.memberCount);
    at += randInt(rng, 5 * 60_000, 30 * HOUR);
    const answer = { id: nextAnswerId(), authorId, createdAt: new Date(at), score: 0, ...w.pools.answer(rng) };
    answers.push(answer);
    if (authorId !== asker && !answered.has(authorId)) {
      answered.add(authorId);
      events.push({ userId: authorId, delta: rules.answerPoints, cause: "ANSWER", subject: `question:${id}:member:${authorId}`, questionId: id, answerId: answer.id, actorId: null, createdAt: answer.createdAt });
    }
  }

  const vote = (post: Post, count: number, score: (v: number) => void) => {
    for (const rank of distinct(rng, count, s.member)) {
      const userId = w.firstMemberId + rank;
      if (userId === post.authorId) continue;
      const value = rng() < 0.85 ? 1 : -1;
      const when = new Date(post.createdAt.getTime() + randInt(rng, 60_000, 72 * HOUR));
      votes.push({ userId, questionId: post.questionId, answerId: post.answerId, value, createdAt: when });
      score(value);
      const isAnswer = post.answerId !== null;
      const delta = value < 0 ? rules.downvotePoints : isAnswer ? rules.answerUpvotePoints : rules.questionUpvotePoints;
      const subject = `vote:${isAnswer ? `a${post.answerId}` : `q${post.questionId}`}:u${userId}`;
      events.push({ userId: post.authorId, delta, cause: value < 0 ? "VOTE_DOWN" : "VOTE_UP", subject, questionId: post.questionId, answerId: post.answerId, actorId: userId, createdAt: when });
    }
  };
  const discuss = (post: Post) => {
    if (rng() > 0.25) return;
    for (let i = randInt(rng, 1, 3); i > 0; i--) {
      comments.push({ ...post, authorId: member(), createdAt: new Date(post.createdAt.getTime() + randInt(rng, 60_000, 48 * HOUR)), ...w.pools.comment(rng) });
    }
  };

  let questionScore = 0;
  const qPost = { authorId: asker, createdAt, questionId: id, answerId: null };
  vote(qPost, Math.floor(-Math.log(1 - rng()) * 2), (v) => (questionScore += v));
  discuss(qPost);
  for (const a of answers) {
    const aPost = { authorId: a.authorId, createdAt: a.createdAt, questionId: id, answerId: a.id };
    vote(aPost, Math.floor(-Math.log(1 - rng()) * 1.5), (v) => (a.score += v));
    discuss(aPost);
  }

  // About 40% of answered questions have a pick, usually the top-scored answer. The forced
  // 30-answer thread always has one, so the benchmark renders the best-answer path too.
  let bestAnswerId: number | null = null;
  if (answers.length > 0 && (rng() < 0.4 || w.forced.has(index))) {
    const best = answers.reduce((b, a) => (a.score > b.score || (a.score === b.score && rng() < 0.3) ? a : b));
    bestAnswerId = best.id;
    if (best.authorId !== asker) {
      events.push({ userId: best.authorId, delta: rules.bestAnswerPoints, cause: "BEST_ANSWER", subject: `answer:${best.id}`, questionId: id, answerId: best.id, actorId: asker, createdAt: new Date(best.createdAt.getTime() + HOUR) });
    }
  }

  const last = answers[answers.length - 1];
  return {
    question: {
      id, title, slug: slugify(title), ...w.pools.question(rng, title), authorId: asker,
      categoryId: w.categoryIds[s.category(rng)]!, createdAt, lastActivityAt: last ? last.createdAt : createdAt,
      score: questionScore, viewCount: randInt(rng, 3, 60) + n * randInt(rng, 5, 40), bestAnswerId,
    },
    tagIds: distinct(rng, randInt(rng, 1, 4), s.tag).map((r) => w.tagIds[r]!),
    answers,
    votes,
    comments,
    events,
  };
}

/**
 * Streams a generated data set into the database in one transaction: members (and one
 * moderator) and tags first, then threads in batches of multi-row INSERTs, then every member's
 * total from the ledger.
 */
import { db, type Tx } from "../../lib/db";
import { MARKDOWN_PIPELINE_VERSION } from "../../lib/markdown/pipeline";
import { Batch, resetSequences } from "./bulk";
import { generateThread, makeSamplers, type World } from "./dataset";
import { mulberry32 } from "./prng";
import { buildPools } from "./texts";
import { tagNames, username } from "./vocab";

export type LoadOptions = { questions: number; seed: number; threadAnswers: number; members: number };
type Member = { id: number; username: string };
/** `reader`: a member with no part in the thread (not its asker; no answer, comment or vote). */
type ThreadRef = { id: number; url: string; answers: number; reader?: Member };
export type LoadResult = {
  counts: Record<string, number>;
  /** With --thread-answers: `locked` has as many answers as `many` and is locked by the moderator. */
  threads: { many: ThreadRef; one: ThreadRef; locked: ThreadRef };
  /** Generated members (never the moderator), by id. */
  members: { id: number; username: string }[];
  /** A MODERATOR with no part in any thread, for the moderator's view of a thread. */
  moderator: Member;
  questionIds: { first: number; last: number };
  topTags: string[];
};

const END = Date.parse("2026-11-20T12:00:00Z");
const SPAN = 2 * 365 * 24 * 3_600_000;
const CHUNK = 400;

async function nextId(tx: Tx, table: string): Promise<number> {
  const [row] = await tx.$queryRawUnsafe<{ max: number | null }[]>(`SELECT MAX("id")::int AS max FROM "${table}"`);
  return (row?.max ?? 0) + 1;
}

async function insertMembers(tx: Tx, count: number, first: number) {
  const users = new Batch(tx, "User", { id: "int", username: "text", usernameKey: "text", createdAt: "timestamp", bio: "text" });
  for (let i = 0; i < count; i++) {
    const name = username(i);
    await users.push({ id: first + i, username: name, usernameKey: name.toLowerCase(), createdAt: new Date(END - SPAN - (i % 60) * 86_400_000), bio: "" });
  }
  await users.flush();
}

/**
 * The moderator, after the members: the samplers draw authors and voters from the members
 * only, so the moderator has no part in any thread and reads each as a moderator alone does.
 */
async function insertModerator(tx: Tx, id: number): Promise<Member> {
  const name = "moderator_bench";
  return tx.user.create({ data: { id, username: name, usernameKey: name, role: "MODERATOR", createdAt: new Date(END - SPAN) }, select: { id: true, username: true } });
}

/** Locks a thread as a moderator does (lib/commands/moderate-thread.ts): the time and the audit entry. */
async function lockThread(tx: Tx, questionId: number, moderatorId: number): Promise<void> {
  const lockedAt = new Date(END - 3_600_000);
  await tx.question.update({ where: { id: questionId }, data: { lockedAt } });
  await tx.auditLog.create({ data: { actorId: moderatorId, action: "thread.lock", targetType: "question", targetId: questionId, reason: "", before: { locked: false }, after: { locked: true }, createdAt: lockedAt } });
}

/** Tag ids by popularity rank; the seed's tags keep their rows. */
async function insertTags(tx: Tx, count: number): Promise<{ ids: number[]; names: string[] }> {
  const names = tagNames(count);
  const existing = await tx.tag.findMany({ select: { id: true, name: true } });
  const have = new Map(existing.map((t) => [t.name, t.id]));
  let id = await nextId(tx, "Tag");
  const tags = new Batch(tx, "Tag", { id: "int", name: "text" });
  const ids: number[] = [];
  for (const name of names) {
    const known = have.get(name);
    if (known !== undefined) ids.push(known);
    else {
      ids.push(id);
      await tags.push({ id: id++, name });
    }
  }
  await tags.flush();
  return { ids, names };
}

function threadBatches(tx: Tx) {
  return {
    questions: new Batch(tx, "Question", { id: "int", title: "text", slug: "text", bodyMd: "text", bodyHtml: "text", renderVersion: "int", excerpt: "text", authorId: "int", categoryId: "int", score: "int", viewCount: "int", answerCount: "int", createdAt: "timestamp", updatedAt: "timestamp", lastActivityAt: "timestamp" }, Infinity),
    questionTags: new Batch(tx, "QuestionTag", { questionId: "int", tagId: "int" }, Infinity),
    answers: new Batch(tx, "Answer", { id: "int", questionId: "int", authorId: "int", bodyMd: "text", bodyHtml: "text", renderVersion: "int", score: "int", createdAt: "timestamp", updatedAt: "timestamp" }, Infinity),
    revisions: new Batch(tx, "Revision", { questionId: "int", answerId: "int", editorId: "int", title: "text", bodyMd: "text", createdAt: "timestamp" }, Infinity),
    votes: new Batch(tx, "Vote", { userId: "int", questionId: "int", answerId: "int", value: "int", createdAt: "timestamp" }, Infinity),
    comments: new Batch(tx, "Comment", { authorId: "int", questionId: "int", answerId: "int", bodyMd: "text", bodyHtml: "text", renderVersion: "int", createdAt: "timestamp", updatedAt: "timestamp" }, Infinity),
    events: new Batch(tx, "PointEvent", { userId: "int", delta: "int", cause: "PointCause", subject: "text", seq: "int", questionId: "int", answerId: "int", actorId: "int", createdAt: "timestamp" }, Infinity),
    picks: new Batch(tx, "_bench_pick", { id: "int", best: "int" }, Infinity),
  };
}

export async function loadDataSet(opts: LoadOptions, progress: (done: number) => void): Promise<LoadResult> {
  const rng = mulberry32(opts.seed);
  const pools = buildPools(rng);
  return db.$transaction(
    async (tx) => {
      // Totals are set once from the ledger at the end instead of by the trigger on each row.
      await tx.$executeRawUnsafe(`ALTER TABLE "PointEvent" DISABLE TRIGGER "PointEvent_apply_to_total"`);
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE "_bench_pick" ("id" int, "best" int) ON COMMIT DROP`);
      const memberCount = Math.max(2, opts.members);
      const firstMemberId = await nextId(tx, "User");
      await insertMembers(tx, memberCount, firstMemberId);
      const moderator = await insertModerator(tx, firstMemberId + memberCount);
      const tags = await insertTags(tx, 500);
      const categories = await tx.category.findMany({ orderBy: { position: "asc" }, select: { id: true } });
      const firstQuestionId = await nextId(tx, "Question");
      let answerId = await nextId(tx, "Answer");
      const mid = Math.floor(opts.questions / 2);
      const world: World = {
        rng, pools, firstMemberId, memberCount, tagIds: tags.ids, categoryIds: categories.map((c) => c.id),
        start: END - SPAN, span: SPAN, questionCount: opts.questions,
        // The thread the pages read, one with a single answer, and a locked one as long as the first.
        forced: new Map(opts.threadAnswers > 0 ? [[mid, opts.threadAnswers], [mid + 1, 1], [mid + 2, opts.threadAnswers]] : []),
      };
      const samplers = makeSamplers(world);
      const b = threadBatches(tx);
      for (let i = 0; i < opts.questions; i++) {
        const t = generateThread(world, samplers, i, firstQuestionId + i, () => answerId++);
        const q = t.question;
        await b.questions.push({ ...q, answerCount: t.answers.length, updatedAt: q.createdAt });
        await b.revisions.push({ questionId: q.id, answerId: null, editorId: q.authorId, title: q.title, bodyMd: q.bodyMd, createdAt: q.createdAt });
        for (const tagId of t.tagIds) await b.questionTags.push({ questionId: q.id, tagId });
        for (const a of t.answers) {
          await b.answers.push({ ...a, questionId: q.id, updatedAt: a.createdAt });
          await b.revisions.push({ questionId: null, answerId: a.id, editorId: a.authorId, title: null, bodyMd: a.bodyMd, createdAt: a.createdAt });
        }
        for (const v of t.votes) await b.votes.push({ ...v, questionId: v.answerId === null ? v.questionId : null });
        for (const c of t.comments) await b.comments.push({ ...c, questionId: c.answerId === null ? c.questionId : null, updatedAt: c.createdAt });
        for (const e of t.events) await b.events.push({ ...e, seq: 0 });
        if (q.bestAnswerId !== null) await b.picks.push({ id: q.id, best: q.bestAnswerId });
        // Parents before children (questions, answers, then what points at them), every few
        // hundred threads so that each statement carries about a thousand rows.
        if ((i + 1) % CHUNK === 0 || i + 1 === opts.questions) {
          for (const batch of Object.values(b)) await batch.flush();
          if ((i + 1) % 5000 === 0) progress(i + 1);
        }
      }
      await tx.$executeRawUnsafe(`UPDATE "Question" q SET "bestAnswerId" = p."best" FROM "_bench_pick" p WHERE q."id" = p."id"`);
      if (opts.threadAnswers > 0) await lockThread(tx, firstQuestionId + mid + 2, moderator.id);
      await tx.$executeRawUnsafe(`UPDATE "User" u SET "points" = s.total FROM (SELECT "userId", SUM("delta")::int AS total FROM "PointEvent" GROUP BY "userId") s WHERE u."id" = s."userId"`);
      await tx.$executeRawUnsafe(`ALTER TABLE "PointEvent" ENABLE TRIGGER "PointEvent_apply_to_total"`);
      await resetSequences(tx, ["User", "Tag", "Question", "Answer"]);
      await tx.setting.create({ data: { key: "bench:dataset", value: { seed: opts.seed, questions: opts.questions } } });
      await assertNothingStale(tx);
      return summarize(tx, world, firstQuestionId, mid, tags.names, b, moderator);
    },
    { timeout: 6 * 3_600_000, maxWait: 60_000 },
  );
}

/**
 * Every post marked as made by the current Markdown pipeline: the forum renders older ones again
 * in the background after start-up (lib/rerender-stale-posts.ts), which at 100k posts would run
 * through the whole benchmark and be measured with it.
 */
async function assertNothingStale(tx: Tx): Promise<void> {
  for (const table of ["Question", "Answer", "Comment"]) {
    const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}" WHERE "renderVersion" < $1`, MARKDOWN_PIPELINE_VERSION);
    if (row!.n > 0) throw new Error(`${row!.n} rows of ${table} are marked as rendered by an older Markdown pipeline.`);
  }
}

async function summarize(tx: Tx, w: World, firstQuestionId: number, mid: number, tagNames: string[], b: ReturnType<typeof threadBatches>, moderator: Member): Promise<LoadResult> {
  const urlOf = async (id: number) => {
    const q = await tx.question.findUniqueOrThrow({ where: { id }, select: { slug: true, answerCount: true } });
    return { id, url: `/questions/${id}/${q.slug}`, answers: q.answerCount };
  };
  const members = await tx.user.findMany({ where: { id: { gte: w.firstMemberId }, role: "MEMBER" }, orderBy: { id: "asc" }, take: 1000, select: { id: true, username: true } });
  const counts = Object.fromEntries(Object.entries(b).filter(([k]) => k !== "picks").map(([k, v]) => [k, v.total]));
  const [many, locked] = [firstQuestionId + mid, firstQuestionId + mid + 2];
  // One reader for both long threads, so the locked one differs from the other only in the lock.
  const reader = await readerOf(tx, [many, locked], w.firstMemberId);
  return {
    counts: { members: w.memberCount, moderators: 1, tags: tagNames.length, ...counts, bestAnswers: b.picks.total },
    threads: { many: { ...(await urlOf(many)), reader }, one: await urlOf(firstQuestionId + mid + 1), locked: { ...(await urlOf(locked)), reader } },
    members,
    moderator,
    questionIds: { first: firstQuestionId, last: firstQuestionId + w.questionCount - 1 },
    topTags: tagNames.slice(0, 10),
  };
}

/** The first generated member with no part in any of the threads, and the points to comment anywhere. */
async function readerOf(tx: Tx, questionIds: number[], firstMemberId: number): Promise<Member | undefined> {
  const rows = await tx.$queryRaw<Member[]>`
    SELECT u."id", u."username" FROM "User" u
    WHERE u."id" >= ${firstMemberId} AND u."points" >= 2 AND u."role" = 'MEMBER'
      AND NOT EXISTS (SELECT 1 FROM "Question" q WHERE q."id" = ANY(${questionIds}) AND q."authorId" = u."id")
      AND NOT EXISTS (SELECT 1 FROM "Answer" a WHERE a."questionId" = ANY(${questionIds}) AND a."authorId" = u."id")
      AND NOT EXISTS (SELECT 1 FROM "Comment" c LEFT JOIN "Answer" a ON a."id" = c."answerId"
                      WHERE c."authorId" = u."id" AND (c."questionId" = ANY(${questionIds}) OR a."questionId" = ANY(${questionIds})))
      AND NOT EXISTS (SELECT 1 FROM "Vote" v LEFT JOIN "Answer" a ON a."id" = v."answerId"
                      WHERE v."userId" = u."id" AND (v."questionId" = ANY(${questionIds}) OR a."questionId" = ANY(${questionIds})))
    ORDER BY u."id" LIMIT 1`;
  return rows[0];
}

/**
 * Markdown is rendered once, on write. When the pipeline changes (MARKDOWN_PIPELINE_VERSION is
 * bumped), posts rendered by the older one are rendered again here, in the background after
 * start-up, so reads still never render. Until a post is redone it shows its older HTML, which
 * that pipeline's sanitizer already made safe. No "server-only": server.ts runs it.
 */
import { db } from "./db";
import { isAppError } from "./errors";
import { MARKDOWN_PIPELINE_VERSION, renderMarkdownAs } from "./markdown/render";
import { invalidatePages, LISTS_TAG, questionTag } from "./page-cache";
import { renderPostBody, renderQuestionBody } from "./post-body";

const BATCH = 200;
const stale = { renderVersion: { lt: MARKDOWN_PIPELINE_VERSION } };

type Row = { id: number; bodyMd: string; questionId: number | null };
type Kind = {
  find(afterId: number): Promise<Row[]>;
  // Only if the body is still the one rendered and nobody has redone it: an edit made meanwhile
  // wrote its own, current render.
  save(row: Row): Promise<number>;
};

const kinds: Record<"questions" | "answers" | "comments", Kind> = {
  questions: {
    find: async (afterId) => (await db.question.findMany({ where: { ...stale, id: { gt: afterId } }, select: { id: true, bodyMd: true }, orderBy: { id: "asc" }, take: BATCH })).map((q) => ({ ...q, questionId: q.id })),
    save: async ({ id, bodyMd }) => {
      const { bodyHtml, excerpt, renderVersion } = await renderQuestionBody(bodyMd);
      return (await db.question.updateMany({ where: { id, bodyMd, ...stale }, data: { bodyHtml, excerpt, renderVersion } })).count;
    },
  },
  answers: {
    find: (afterId) => db.answer.findMany({ where: { ...stale, id: { gt: afterId } }, select: { id: true, bodyMd: true, questionId: true }, orderBy: { id: "asc" }, take: BATCH }),
    save: async ({ id, bodyMd }) => {
      const { bodyHtml, renderVersion } = await renderPostBody(bodyMd);
      return (await db.answer.updateMany({ where: { id, bodyMd, ...stale }, data: { bodyHtml, renderVersion } })).count;
    },
  },
  comments: {
    find: async (afterId) => {
      const rows = await db.comment.findMany({ where: { ...stale, id: { gt: afterId } }, select: { id: true, bodyMd: true, questionId: true, answer: { select: { questionId: true } } }, orderBy: { id: "asc" }, take: BATCH });
      return rows.map((c) => ({ id: c.id, bodyMd: c.bodyMd, questionId: c.questionId ?? c.answer?.questionId ?? null }));
    },
    save: async ({ id, bodyMd }) => {
      const data = { bodyHtml: (await renderMarkdownAs("comment", bodyMd)).html, renderVersion: MARKDOWN_PIPELINE_VERSION };
      return (await db.comment.updateMany({ where: { id, bodyMd, ...stale }, data })).count;
    },
  },
};

/** Renders again every post made by an older pipeline; returns how many of each it redid. */
export async function rerenderStalePosts(): Promise<Record<keyof typeof kinds, number>> {
  const redone = { questions: 0, answers: 0, comments: 0 };
  for (const [name, kind] of Object.entries(kinds) as [keyof typeof kinds, Kind][]) {
    let afterId = 0;
    for (let rows = await kind.find(afterId); rows.length > 0; rows = await kind.find(afterId)) {
      const touched = new Set<number>();
      for (const row of rows) {
        afterId = row.id;
        // A text the current pipeline refuses (too complex) keeps the older, already safe render.
        const saved = await kind.save(row).catch((e: unknown) => (isAppError(e) ? 0 : Promise.reject(e)));
        if (!saved) continue;
        redone[name]++;
        if (row.questionId !== null) touched.add(row.questionId);
      }
      if (touched.size) invalidatePages([...[...touched].map(questionTag), LISTS_TAG]);
    }
  }
  return redone;
}

/**
 * A Markdown worker thread (started by server/markdown-workers.ts): renders what it is sent with
 * the pipeline and answers with the HTML, or why it could not. The thread that sent it keeps
 * serving meanwhile, and ends this one if it runs past its deadline.
 */
import { parentPort } from "node:worker_threads";
import { renderCommentMarkdown, renderMarkdown, renderQuestionMarkdown } from "./pipeline";
import type { RenderJob, RenderReply, RenderResult } from "./protocol";

function render({ kind, source, mentions }: RenderJob): RenderResult {
  const context = { mentions };
  try {
    if (kind === "question") return { ok: true, ...renderQuestionMarkdown(source, undefined, context) };
    return { ok: true, html: kind === "comment" ? renderCommentMarkdown(source, context) : renderMarkdown(source, context) };
  } catch (e) {
    // Nesting deep enough to exhaust the stack (inline constructs can nest too): the text's
    // fault, and said so; anything else is the forum's.
    return { ok: false, reason: e instanceof RangeError ? "too-complex" : "failed" };
  }
}

parentPort!.on("message", (job: RenderJob) => parentPort!.postMessage({ id: job.id, ...render(job) } satisfies RenderReply));

// The modules above are loaded: the first text's deadline need not cover loading them.
parentPort!.postMessage({ ready: true });

/**
 * Markdown to safe HTML for everything the forum stores or previews. The pipeline
 * (lib/markdown/pipeline.ts) runs in worker threads with a deadline, so that no text, however
 * built, holds the thread that serves every reader: that thread only checks the text's shape
 * (lib/markdown/shape.ts) and waits. What the workers refuse is the writer's to simplify,
 * said in a message for the field.
 */
import { db } from "../db";
import { AppError } from "../errors";
import { findMentions } from "../notifications/mentions";
import type { MentionableMembers } from "./mentions";
import { processState } from "../process-state";
import { MARKDOWN_PIPELINE_VERSION } from "./pipeline";
import type { MarkdownKind, MarkdownRenderer } from "./protocol";
import { markdownShapeProblem } from "./shape";

export { MARKDOWN_PIPELINE_VERSION };
export type { MarkdownKind };

// Registered by the process that starts the workers (server/markdown-workers.ts).
const holder = processState<{ renderer: MarkdownRenderer | null }>("markdown-renderer", () => ({ renderer: null }));

export function setMarkdownRenderer(renderer: MarkdownRenderer | null): void {
  holder.renderer = renderer;
}

const TOO_COMPLEX = "This text takes too long to lay out: it nests or repeats one piece of markup too much. Simplify it and try again.";
const BUSY = "The forum is busy laying out other posts. Try again in a moment.";

/**
 * The members `source` mentions (@name), by lowercased name, for the pipeline to link: the
 * workers have no database. Texts that mention no one, most of them, cost no query.
 */
async function mentionableMembers(source: string): Promise<MentionableMembers | undefined> {
  const keys = findMentions(source).flat();
  if (keys.length === 0) return undefined;
  const members = await db.user.findMany({ where: { usernameKey: { in: keys } }, select: { username: true, usernameKey: true } });
  return Object.fromEntries(members.map((m) => [m.usernameKey, m.username]));
}

/** Renders `source` as `kind`; refuses with an AppError for the `field` that holds it. */
export async function renderMarkdownAs(kind: MarkdownKind, source: string, field = "body"): Promise<{ html: string; excerpt?: string }> {
  const problem = markdownShapeProblem(source);
  if (problem) throw new AppError("BAD_INPUT", "Please correct the highlighted fields.", { [field]: [problem] });
  if (!holder.renderer) throw new Error("The Markdown workers are not started (server.ts starts them).");
  const outcome = await holder.renderer.render(kind, source, await mentionableMembers(source));
  if (!("refused" in outcome)) return outcome;
  if (outcome.refused === "busy") throw new AppError("RATE_LIMITED", BUSY, {}, 5);
  throw new AppError("BAD_INPUT", "Please correct the highlighted fields.", { [field]: [TOO_COMPLEX] });
}

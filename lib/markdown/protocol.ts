/** What the forum and its Markdown workers (lib/markdown/worker.ts) send each other. */
export type MarkdownKind = "post" | "question" | "comment";

import type { MentionableMembers } from "./mentions";

/** `mentions`: the members the text names (lib/markdown/mentions.ts), looked up by the sender. */
export type RenderJob = { id: number; kind: MarkdownKind; source: string; mentions?: MentionableMembers };

export type RenderResult = { ok: true; html: string; excerpt?: string } | { ok: false; reason: "too-complex" | "failed" };
export type RenderReply = RenderResult & { id: number };

export type RenderOutcome = { html: string; excerpt?: string } | { refused: "too-complex" | "busy" };

/** The process's renderer, as server/markdown-workers.ts registers it. */
export type MarkdownRenderer = { render(kind: MarkdownKind, source: string, mentions?: MentionableMembers): Promise<RenderOutcome> };

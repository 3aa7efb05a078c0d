/**
 * What the thread's HTML components (components/html/thread) are given: the thread as every
 * reader sees it (lib/data/thread-cache.ts), and small per-reader inputs (post-part.ts), never
 * a second way of rendering.
 */
import type { CommentView } from "@/lib/data/comments";
import type { PublicThread } from "@/lib/data/thread-cache";
import type { AnswerOrder } from "@/lib/data/thread";
import type { OpenForms } from "@/lib/open-forms";

export type Question = PublicThread["thread"]["question"];
export type Answer = PublicThread["thread"]["answers"][number];
export type Bounty = NonNullable<PublicThread["thread"]["bounty"]>;
export type AwardedBounty = PublicThread["thread"]["awardedBounties"][number];
export type { AnswerOrder, CommentView, OpenForms, PublicThread };

/** The member reading, as their session gives them (lib/auth/session-member.ts); null signed out. */
export type Reader = { id: number; username: string; role: string; points: number; suspendedUntil: Date | null; unread: number } | null;

export type { Notice } from "@/lib/notices";

/** A refused form sent back with what was typed and why (its refusal page, without JavaScript). */
export type Echo = { values: Record<string, string>; errors: Record<string, string[]>; message?: string };

export const NO_ECHO: Echo = { values: {}, errors: {} };

import { z } from "zod";
import { limits } from "../rules";
import { idSchema } from "./post";

/** Tags as typed, before they are parsed on posting: room for five tags and their separators. */
export const DRAFT_TAGS_MAX = 200;

const tooLong = (max: number) => `Keep it under ${max.toLocaleString("en-US")} characters.`;

/**
 * What the ask form or an answer box holds right now, as its script sends it: kept as typed
 * (not trimmed: the member is still writing), within what a post may hold. `questionId` names
 * the thread of an answer box; none (or null) is the ask form.
 */
// The ask form's place is "no question": null from a script, an empty field from a form.
const place = z.preprocess((v) => (v === "" ? null : v), idSchema.nullish()).transform((id) => id ?? null);

export const draftSchema = z.object({
  questionId: place,
  body: z.string().max(limits.bodyMax, tooLong(limits.bodyMax)).default(""),
  title: z.string().max(limits.titleMax, tooLong(limits.titleMax)).default(""),
  tags: z.string().max(DRAFT_TAGS_MAX, tooLong(DRAFT_TAGS_MAX)).default(""),
});

export const draftPlaceSchema = z.object({ questionId: place });

export type DraftInput = z.infer<typeof draftSchema>;

import { z } from "zod";
import { limits } from "../rules";

const tagName = z
  .string()
  .trim()
  .toLowerCase()
  .max(limits.tagMaxLength, `A tag has at most ${limits.tagMaxLength} characters.`)
  .regex(/^[a-z0-9][a-z0-9+#.-]*$/, "Tags use letters, digits and + # . - (e.g. tcp, c++, ipv6).");

/** "tcp, networking  udp" -> ["tcp", "networking", "udp"], duplicates dropped. */
const tagList = z
  .string()
  .default("")
  .transform((s) => [...new Set(s.split(/[\s,]+/).map((t) => t.trim().toLowerCase()).filter(Boolean))])
  .pipe(z.array(tagName).max(limits.tagsMax, `Use at most ${limits.tagsMax} tags.`));

const body = (min: number) =>
  z
    .string()
    .trim()
    .min(min, `Write at least ${min} characters.`)
    .max(limits.bodyMax, `Keep it under ${limits.bodyMax.toLocaleString("en-US")} characters.`);

export const questionSchema = z.object({
  title: z
    .string()
    .trim()
    .min(limits.titleMin, `A title has at least ${limits.titleMin} characters.`)
    .max(limits.titleMax, `A title has at most ${limits.titleMax} characters.`),
  body: body(limits.bodyMin),
  categoryId: z.coerce.number({ error: "Choose a category." }).int().positive("Choose a category."),
  tags: tagList,
});

export const answerSchema = z.object({ body: body(limits.answerMin) });

/** An edit's optional summary ("fixed the link"), kept with its revision and shown in the history. */
export const editSummarySchema = z.object({
  summary: z
    .string()
    .trim()
    .max(limits.editSummaryMax, `An edit summary has at most ${limits.editSummaryMax} characters.`)
    .default("")
    .transform((s) => s || null),
});

export const idSchema = z.coerce.number().int().positive().max(2 ** 31 - 1);

/** A moderator's optional reason for deleting a post: recorded, and told to its author. */
export const moderatorReasonSchema = z.object({ reason: z.string().trim().max(500, "Keep the reason under 500 characters.").default("") });

export type QuestionInput = z.infer<typeof questionSchema>;

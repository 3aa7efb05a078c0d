import { z } from "zod";
import { commentRules } from "../comment-rules";
import { idSchema } from "./post";

const { commentMin, commentMax } = commentRules;

const commentBody = z
  .string({ error: "Write a comment." })
  .trim()
  .min(commentMin, `Write at least ${commentMin} characters.`)
  .max(commentMax, `Keep comments under ${commentMax} characters.`);

export const addCommentSchema = z.object({
  postType: z.enum(["question", "answer"], { error: "Comment on a question or an answer." }),
  postId: idSchema,
  body: commentBody,
});

export const editCommentSchema = z.object({ commentId: idSchema, body: commentBody });

export const deleteCommentSchema = z.object({ commentId: idSchema });

export type CommentPostType = z.infer<typeof addCommentSchema>["postType"];

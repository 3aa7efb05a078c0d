/** Small fixtures the permission matrix builds its targets with (the database open, the forum stopped). */
import { addComment } from "../../lib/commands/comment";
import type { Actor } from "../../lib/commands/guard";

/** A comment by `author` on question `questionId`. */
export async function createComment(author: Actor, questionId: number): Promise<{ id: number }> {
  return (await addComment(author, { postType: "question", postId: questionId, body: "A comment written for the permission matrix." })) as { id: number };
}

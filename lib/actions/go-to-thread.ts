import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

/**
 * Sends the writer to the thread they changed. The redirect may only add a #hash to the URL
 * they are on, which Next's router treats as a scroll, not a reload; revalidating the path
 * makes the action's response carry the fresh page.
 */
export function goToThread(thread: { questionId: number; slug: string }, answerId?: number): never {
  const path = `/questions/${thread.questionId}/${thread.slug}`;
  revalidatePath(path);
  redirect(answerId ? `${path}#answer-${answerId}` : path);
}

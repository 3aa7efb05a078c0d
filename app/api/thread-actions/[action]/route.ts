import { guardWrite } from "@/lib/actions/write-guard";
import type { CurrentUser } from "@/lib/auth/current-user";
import { awardBounty, offerBounty } from "@/lib/commands/bounty";
import { deleteComment } from "@/lib/commands/comment";
import { deleteAnswer } from "@/lib/commands/delete-answer";
import { clearBestAnswer, selectBestAnswer } from "@/lib/commands/select-best-answer";
import { handleThreadFormPost } from "@/lib/no-script-form";
import { isThreadAction, type ThreadAction } from "@/lib/thread-actions";

export const dynamic = "force-dynamic";

type Handler = {
  refused: string;
  run: (user: CurrentUser | null, fields: Record<string, string>) => Promise<unknown>;
  toAnswer?: boolean;
};

const toAnswer = (fields: Record<string, string>) => (/^\d{1,9}$/.test(fields.answerId ?? "") ? `#answer-${fields.answerId}` : "");

// The same commands the buttons' server actions run (lib/actions/thread-moderation.ts,
// bounty.ts, comment.ts), which check again who may do what.
const handlers: Record<ThreadAction, Handler> = {
  "pick-best": { refused: "The answer was not picked", run: (user, f) => selectBestAnswer(user, f.answerId), toAnswer: true },
  "clear-best": { refused: "The best answer mark stays", run: (user, f) => clearBestAnswer(user, f.questionId) },
  "delete-answer": { refused: "The answer was not deleted", run: (user, f) => deleteAnswer(user, f.answerId) },
  "award-bounty": { refused: "The bounty was not awarded", run: (user, f) => awardBounty(user, f), toAnswer: true },
  "delete-comment": { refused: "The comment was not deleted", run: (user, f) => deleteComment(user, f) },
  "offer-bounty": { refused: "The bounty was not offered", run: (user, f) => offerBounty(user, f) },
};

/**
 * The buttons of a thread's prebuilt posts (components/member-post-markup.ts) without
 * JavaScript: pick or clear the best answer, award a bounty, delete one's answer or comment;
 * and the bounty offer of a thread written whole (components/member-thread-markup.ts).
 */
export async function POST(request: Request, { params }: { params: Promise<{ action: string }> }): Promise<Response> {
  const { action } = await params;
  const handler = isThreadAction(action) ? handlers[action] : undefined;
  if (!handler) return new Response("Not found", { status: 404 });
  return handleThreadFormPost(request, { refused: handler.refused, anchor: handler.toAnswer ? toAnswer : undefined }, async (user, fields) => {
    await guardWrite(user, "other");
    return handler.run(user, fields);
  });
}

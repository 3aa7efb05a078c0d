import { CommentForm } from "@/components/html/thread/comments";
import { FlagForm } from "@/components/html/thread/flag-form";
import { CloseForm, OfferBountyForm } from "@/components/html/thread/thread-parts";
import { guardWrite } from "@/lib/actions/write-guard";
import type { CurrentUser } from "@/lib/auth/current-user";
import { awardBounty, offerBounty } from "@/lib/commands/bounty";
import { addComment, deleteComment, editComment } from "@/lib/commands/comment";
import { deleteAnswer } from "@/lib/commands/delete-answer";
import { flagPost } from "@/lib/commands/flags";
import { setQuestionDeleted, undeleteAnswer } from "@/lib/commands/moderate-posts";
import { closeQuestion, reopenQuestion, setThreadLocked } from "@/lib/commands/moderate-thread";
import { clearBestAnswer, selectBestAnswer } from "@/lib/commands/select-best-answer";
import { formKey, type FormTarget } from "@/lib/open-forms";
import { bountyRules } from "@/lib/rules";
import { handleThreadFormPost, type ThreadFormOutcome } from "@/lib/thread-form-post";
import { isThreadAction, type ThreadAction } from "@/lib/thread-actions";

export const dynamic = "force-dynamic";

type Fields = Record<string, string>;
type Action = ThreadFormOutcome<unknown> & {
  run: (user: CurrentUser | null, fields: Fields) => Promise<unknown>;
  /** The field whose text counts against a new member's link cap. */
  text?: string;
};

const digits = (value: string | undefined) => (/^\d{1,9}$/.test(value ?? "") ? value : null);
const toAnswer = (_: unknown, f: Fields) => (digits(f.answerId) ? `#answer-${f.answerId}` : "");
const toComment = (result: unknown) => `#comment-${(result as { id: number }).id}`;
const flagTarget = (f: Fields): FormTarget => (f.postType === "question" || f.postType === "answer" ? f.postType : "comment");

// Each runs the command that decides who may do it (lib/commands, by lib/permissions.ts).
const actions: Record<ThreadAction, Action> = {
  "pick-best": { refused: "The answer was not picked", run: (u, f) => selectBestAnswer(u, f.answerId), anchor: toAnswer },
  "clear-best": { refused: "The best answer mark stays", run: (u, f) => clearBestAnswer(u, f.questionId) },
  "delete-answer": { refused: "The answer was not deleted", run: (u, f) => deleteAnswer(u, f.answerId, f.reason) },
  "undelete-answer": { refused: "The answer was not restored", run: (u, f) => undeleteAnswer(u, f), anchor: toAnswer },
  "award-bounty": { refused: "The bounty was not awarded", run: (u, f) => awardBounty(u, f), anchor: toAnswer },
  "offer-bounty": {
    refused: "The bounty was not offered",
    run: (u, f) => offerBounty(u, f),
    form: (back, echo) => OfferBountyForm({ questionId: Number(echo.values.questionId) || 0, maxAmount: bountyRules.max, back, echo }),
  },
  "add-comment": {
    refused: "Your comment was not posted",
    run: (u, f) => addComment(u, f),
    text: "body",
    anchor: toComment,
    form: (back, echo) => CommentForm({ mode: "add", postType: echo.values.postType === "answer" ? "answer" : "question", postId: Number(echo.values.postId) || 0, back, echo }),
  },
  "edit-comment": {
    refused: "Your comment was not saved",
    run: (u, f) => editComment(u, f),
    text: "body",
    anchor: toComment,
    form: (back, echo) => CommentForm({ mode: "edit", commentId: Number(echo.values.commentId) || 0, body: echo.values.body ?? "", back, echo }),
  },
  "delete-comment": { refused: "The comment was not deleted", run: (u, f) => deleteComment(u, f) },
  flag: {
    refused: "The flag was not sent",
    run: (u, f) => flagPost(u, f),
    text: "note",
    form: (back, echo) => FlagForm({ target: flagTarget(echo.values), targetId: Number(echo.values.postId) || 0, back, echo }),
    // Back at the thread, the flag's own form (open) says it went through.
    anchor: (_, f) => `${f.postType === "question" ? "#question-title" : `#${f.postType}-${digits(f.postId) ?? ""}`}`,
    notice: (_, f) => ({ form: `flag:${formKey(flagTarget(f), Number(f.postId))}`, message: "Thanks: a moderator will look at it." }),
  },
  lock: { refused: "The thread's lock did not change", run: (u, f) => setThreadLocked(u, f) },
  close: { refused: "The question was not closed", run: (u, f) => closeQuestion(u, f), form: (back, echo) => CloseForm({ questionId: Number(echo.values.questionId) || 0, back, echo }) },
  reopen: { refused: "The question was not reopened", run: (u, f) => reopenQuestion(u, f) },
  "delete-question": { refused: "The question was not deleted", run: (u, f) => setQuestionDeleted(u, f, true) },
  "undelete-question": { refused: "The question was not restored", run: (u, f) => setQuestionDeleted(u, f, false) },
};

/**
 * Every button and small form of a thread page (lib/thread-actions.ts): the thread's markup
 * (components/html/thread) posts here, the page's script asking for JSON
 * (lib/enhance/thread-forms.ts), a browser without it as a plain form.
 */
export async function POST(request: Request, { params }: { params: Promise<{ action: string }> }): Promise<Response> {
  const { action } = await params;
  const handler = isThreadAction(action) ? actions[action] : undefined;
  if (!handler) return new Response("Not found", { status: 404 });
  const run = async (user: CurrentUser | null, fields: Fields) => {
    await guardWrite(user, "other", handler.text ? fields[handler.text] : undefined);
    return handler.run(user, fields);
  };
  return handleThreadFormPost(request, run, handler);
}

import "server-only";
import { memberAnswerHtml, memberQuestionBodyHtml } from "@/components/member-post-markup";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { PublicThread } from "@/lib/data/thread-cache";
import { isModerator } from "@/lib/commands/guard";
import { formKey, type OpenForms } from "@/lib/open-forms";
import { hasPrivilege } from "@/lib/rules";

type MemberPosts = { question: string; answers: Map<number, string> };

// Keyed by the shared thread value (lib/data/thread-cache.ts): the markup lives exactly as long
// as the read it was built from, and any write to the thread drops both.
const built = new WeakMap<PublicThread, MemberPosts>();

/** The question's body and every answer as most members see them, built once per thread read. */
export function memberPostsHtml(shared: PublicThread): MemberPosts {
  let html = built.get(shared);
  if (!html) {
    const { question, answers } = shared.thread;
    const thread = { questionId: question.id, slug: question.slug };
    html = {
      question: memberQuestionBodyHtml(question, shared.comments.question, thread),
      answers: new Map(answers.map((a) => [a.id, memberAnswerHtml(a, shared.comments.answers[a.id] ?? [], { isBest: a.id === question.bestAnswerId, thread })])),
    };
    built.set(shared, html);
  }
  return html;
}

type Viewing = {
  user: CurrentUser;
  shared: PublicThread;
  myVote: number;
  opened: OpenForms;
};

/**
 * Whether this member sees the post exactly as member-post-markup.ts writes it: nothing of
 * theirs in it, no vote of theirs on it, no control only they have (the asker's pick, a
 * bounty's award, a moderator's), and no form of it opened by the URL. Otherwise it renders
 * through React with their state.
 */
function seesShared(postType: "question" | "answer", post: { id: number; authorId: number }, comments: { id: number; authorId: number }[], { user, shared, myVote, opened }: Viewing): boolean {
  const { question, bounty } = shared.thread;
  return (
    !isModerator(user) &&
    user.id !== post.authorId &&
    myVote === 0 &&
    question.lockedAt === null &&
    hasPrivilege(user, "commentEverywhere") &&
    opened.comment !== formKey(postType, post.id) &&
    opened.flag !== formKey(postType, post.id) &&
    comments.every((c) => c.authorId !== user.id && opened.flag !== formKey("comment", c.id)) &&
    // Answers: the asker may pick any of them, and a bounty's offerer award it.
    (postType === "question" || (user.id !== question.authorId && bounty?.offererId !== user.id))
  );
}

export function seesSharedAnswer(answer: { id: number; authorId: number }, viewing: Viewing): boolean {
  return seesShared("answer", answer, viewing.shared.comments.answers[answer.id] ?? [], viewing);
}

export function seesSharedQuestion(viewing: Viewing): boolean {
  const { question } = viewing.shared.thread;
  return seesShared("question", question, viewing.shared.comments.question, viewing);
}

import "server-only";
import { memberAnswerHtml } from "@/components/member-answer-markup";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { PublicThread } from "@/lib/data/thread-cache";
import { isModerator } from "@/lib/commands/guard";
import { formKey, type OpenForms } from "@/lib/open-forms";
import { hasPrivilege } from "@/lib/rules";

// Keyed by the shared thread value (lib/data/thread-cache.ts): the markup lives exactly as long
// as the read it was built from, and any write to the thread drops both.
const built = new WeakMap<PublicThread, Map<number, string>>();

/** Every answer of the thread as most members see it, built once per thread read. */
export function memberAnswersHtml(shared: PublicThread): Map<number, string> {
  let html = built.get(shared);
  if (!html) {
    const { question, answers } = shared.thread;
    const thread = { questionId: question.id, slug: question.slug };
    html = new Map(answers.map((a) => [a.id, memberAnswerHtml(a, shared.comments.answers[a.id] ?? [], { isBest: a.id === question.bestAnswerId, thread })]));
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
 * Whether this member sees the answer exactly as memberAnswerHtml writes it: nothing of theirs
 * in it, no vote of theirs on it, no control only they have (the asker's pick, a bounty's
 * award, a moderator's), and no form of it opened by the URL. Otherwise it renders through
 * React with their state.
 */
export function seesSharedAnswer(answer: { id: number; authorId: number }, { user, shared, myVote, opened }: Viewing): boolean {
  const { question, bounty } = shared.thread;
  const comments = shared.comments.answers[answer.id] ?? [];
  return (
    !isModerator(user) &&
    user.id !== question.authorId &&
    user.id !== answer.authorId &&
    myVote === 0 &&
    bounty?.offererId !== user.id &&
    question.lockedAt === null &&
    hasPrivilege(user, "commentEverywhere") &&
    opened.comment !== formKey("answer", answer.id) &&
    opened.flag !== formKey("answer", answer.id) &&
    comments.every((c) => c.authorId !== user.id && opened.flag !== formKey("comment", c.id))
  );
}

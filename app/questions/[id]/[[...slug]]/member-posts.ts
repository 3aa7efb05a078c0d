import "server-only";
import { hasNoPart, memberAnswerHtml, memberQuestionBodyHtml, type MemberPart } from "@/components/member-post-markup";
import { answerFormSectionHtml, answersHeadingHtml, bountyPanelHtml, closedStatusHtml, questionHeaderHtml } from "@/components/member-thread-markup";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isOwnThreadPost, withinEditWindow } from "@/lib/comment-rules";
import { isModerator } from "@/lib/commands/guard";
import type { AnswerOrder } from "@/lib/data/thread";
import type { PublicThread } from "@/lib/data/thread-cache";
import { formKey, type OpenForms } from "@/lib/open-forms";
import { hasPrivilege } from "@/lib/rules";

// Kept as bytes: they go out on every request, and encoding them each time cost more than the
// rest of finishing the page (lib/deferred-html.ts takes either form).
type SharedPosts = { question: Buffer; answers: Map<number, Buffer> };
/** A post's prebuilt HTML: the shared bytes, or a string built for one member. */
export type PostHtml = string | Buffer;
type Answer = PublicThread["thread"]["answers"][number];

// Keyed by the shared thread value (lib/data/thread-cache.ts): the markup lives exactly as long
// as the read it was built from, and any write to the thread drops both.
const built = new WeakMap<PublicThread, SharedPosts>();

/** The question's body and every answer as a member with no part in them sees them, built once per thread read. */
function sharedPosts(shared: PublicThread): SharedPosts {
  let html = built.get(shared);
  if (!html) {
    const { question, answers } = shared.thread;
    const thread = { questionId: question.id, slug: question.slug };
    html = {
      question: Buffer.from(memberQuestionBodyHtml(question, shared.comments.question, thread)),
      answers: new Map(answers.map((a) => [a.id, Buffer.from(memberAnswerHtml(a, shared.comments.answers[a.id] ?? [], { isBest: a.id === question.bestAnswerId, thread }))])),
    };
    built.set(shared, html);
  }
  return html;
}

/** The question's body as this member sees it: the shared bytes, or a string built with their part. */
export function memberQuestionHtml(shared: PublicThread, part: MemberPart): PostHtml {
  if (hasNoPart(part)) return sharedPosts(shared).question;
  const { question } = shared.thread;
  return memberQuestionBodyHtml(question, shared.comments.question, { questionId: question.id, slug: question.slug }, part);
}

/** One answer as this member sees it, likewise. */
export function memberAnswerPostHtml(shared: PublicThread, answer: Answer, part: MemberPart): PostHtml {
  if (hasNoPart(part)) return sharedPosts(shared).answers.get(answer.id)!;
  const { question } = shared.thread;
  const thread = { questionId: question.id, slug: question.slug };
  return memberAnswerHtml(answer, shared.comments.answers[answer.id] ?? [], { isBest: answer.id === question.bestAnswerId, thread }, part);
}

type Viewing = {
  user: CurrentUser;
  shared: PublicThread;
  myVote: number;
  opened: OpenForms;
};

/**
 * The member's part in a post, when member-post-markup.ts can write it: their vote, their own
 * post or comments, the asker's pick, the offerer's bounty award, whether they may comment.
 * Null sends the post through React: a moderator's controls, a locked thread, a comment still
 * in its edit window (its edit form), or a form of the post opened by the URL.
 */
function partIn(postType: "question" | "answer", post: { id: number; authorId: number; hiddenAt?: Date | null }, comments: { id: number; authorId: number; createdAt: Date }[], { user, shared, myVote, opened }: Viewing): MemberPart | null {
  const { question, bounty } = shared.thread;
  const ownComments = comments.filter((c) => c.authorId === user.id);
  const sendsToReact =
    isModerator(user) ||
    question.lockedAt !== null ||
    !!post.hiddenAt ||
    opened.comment === formKey(postType, post.id) ||
    opened.flag === formKey(postType, post.id) ||
    comments.some((c) => opened.flag === formKey("comment", c.id)) ||
    ownComments.some((c) => withinEditWindow(c.createdAt));
  if (sendsToReact) return null;
  const answer = postType === "answer";
  return {
    myVote: myVote === 1 ? 1 : myVote === -1 ? -1 : 0,
    own: user.id === post.authorId,
    mayPick: answer && user.id === question.authorId,
    awardBountyId: answer && bounty && bounty.offererId === user.id ? bounty.id : null,
    ownCommentIds: new Set(ownComments.map((c) => c.id)),
    canComment: hasPrivilege(user, "commentEverywhere") || isOwnThreadPost(user.id, { authorId: post.authorId, questionAuthorId: question.authorId }),
  };
}

export function answerPart(answer: Answer, viewing: Viewing): MemberPart | null {
  return partIn("answer", answer, viewing.shared.comments.answers[answer.id] ?? [], viewing);
}

export function questionPart(viewing: Viewing): MemberPart | null {
  return partIn("question", viewing.shared.thread.question, viewing.shared.comments.question, viewing);
}

const POST_OPEN = `<div class="prebuilt-post" data-prebuilt-post="">`;
const POST_CLOSE = `</div>`;

type ThreadViewing = Omit<Viewing, "myVote"> & { myVotes?: { question: number; answers: Map<number, number> }; following: boolean; order: AnswerOrder };

/**
 * Everything the page writes inside its thread element, as this member sees it, in order: a
 * closed thread's banner, the question with its header, the bounty panel, the answers under
 * their heading and the answer form (components/member-thread-markup.ts), each post as
 * answerPart and questionPart build it. Null when some of it must render through React (a post
 * partIn sends there, a locked or hidden thread): the page then renders as before, posts as
 * strings where they can be. Written whole, the page has no client component for React to
 * render on the server, which cost members more than the posts did.
 */
export function memberThreadHtml(viewing: ThreadViewing): PostHtml[] | null {
  const { shared, user, myVotes, following, order } = viewing;
  const { question, answers, bounty } = shared.thread;
  if (question.lockedAt || question.hiddenAt) return null;
  const questionAsPart = questionPart({ ...viewing, myVote: myVotes?.question ?? 0 });
  if (!questionAsPart) return null;
  const parts: MemberPart[] = [];
  for (const a of answers) {
    const part = answerPart(a, { ...viewing, myVote: myVotes?.answers.get(a.id) ?? 0 });
    if (!part) return null;
    parts.push(part);
  }
  const path = `/questions/${question.id}/${question.slug}`;
  const html: PostHtml[] = [
    `${closedStatusHtml(question)}<article class="question" aria-labelledby="question-title">${questionHeaderHtml(question, following, path)}${POST_OPEN}`,
    memberQuestionHtml(shared, questionAsPart),
    `${POST_CLOSE}</article>${bountyPanelHtml(bounty, user, question, path)}<section aria-labelledby="answers-heading" class="answers">${answersHeadingHtml(answers.length, path, order)}`,
  ];
  answers.forEach((a, i) => html.push(POST_OPEN, memberAnswerPostHtml(shared, a, parts[i]!), POST_CLOSE));
  html.push(`</section>`, answerFormSectionHtml(question, path));
  return html;
}

import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { AnswerCard } from "@/components/answer-card";
import { AwardBountyButton, BountyPanel } from "@/components/bounty-panel";
import { CategoryLink } from "@/components/category-link";
import { CommentList } from "@/components/comment-list";
import { FlagMenu } from "@/components/flag-menu";
import { FollowButton } from "@/components/follow-button";
import { PostBody } from "@/components/post-body";
import { RelativeTime } from "@/components/relative-time";
import { PrebuiltPostControls } from "@/components/prebuilt-post-controls";
import { TagList } from "@/components/tag-list";
import { VoteButtons } from "@/components/vote-buttons";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isOwnThreadPost } from "@/lib/comment-rules";
import { isModerator } from "@/lib/commands/guard";
import type { AnswerOrder } from "@/lib/data/thread";
import { loadPublicThread } from "@/lib/data/thread-cache";
import { DEFER_HTML_HEADER, deferHtml, FILL_ATTRIBUTE } from "@/lib/deferred-html";
import { myThreadState } from "@/lib/data/votes";
import { plural } from "@/lib/format";
import { formKey, parseOpenForms } from "@/lib/open-forms";
import { hasPrivilege, rules } from "@/lib/rules";
import { AnswerForm } from "./answer-form";
import { answerPart, memberAnswerPostHtml, memberQuestionHtml, memberThreadHtml, questionPart, type PostHtml } from "./member-posts";
import { ModeratorPanel } from "./moderator-panel";
import { AnswerControls, QuestionControls } from "./post-controls";
import { ThreadStatus } from "./thread-status";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; slug?: string[] }>; searchParams: Promise<{ answers?: string; flag?: string; comment?: string }> };

function parseId(raw: string): number | null {
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}

// The metadata and the page share one load per request (arguments are compared by value).
const loadThread = cache((id: number, order: AnswerOrder, includeHidden: boolean) => loadPublicThread(id, order, { includeHidden }));

async function resolve({ params, searchParams }: Props) {
  const { id, slug } = await params;
  const query = await searchParams;
  const order: AnswerOrder = query.answers === "newest" ? "newest" : "votes";
  const questionId = parseId(id);
  // Signed-out readers get the same bytes (cached); the viewer's extras come from this render.
  const user = await getCurrentUser();
  const mayModerate = !!user && isModerator(user);
  const shared = questionId ? await loadThread(questionId, order, mayModerate) : null;
  return { shared, slug, order, user, mayModerate, opened: parseOpenForms(query) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { shared } = await resolve(props);
  return { title: shared?.thread.question.title ?? "Question" };
}

export default async function QuestionPage(props: Props) {
  const { shared, slug, order, user, mayModerate, opened } = await resolve(props);
  if (!shared) notFound();
  const { thread: { question, answers, bounty }, comments, marks } = shared;
  if (slug?.length !== 1 || slug[0] !== question.slug) permanentRedirect(`/questions/${question.id}/${question.slug}`);

  const viewer = user ? { id: user.id, mayModerate } : null;
  const mine = user ? myThreadState(marks, user.id) : null;
  const myVotes = mine?.votes;
  const following = mine?.following ?? false;
  const locked = question.lockedAt !== null;
  const canComment = (authorId: number) =>
    !!user && (hasPrivilege(user, "commentEverywhere") || isOwnThreadPost(user.id, { authorId, questionAuthorId: question.authorId }));
  const path = `/questions/${question.id}/${question.slug}`;
  // A member's posts come as one prebuilt string each (member-posts.ts), shared by every member
  // with no part in them and built with the member's part otherwise, left out of React's payload
  // on document requests (lib/deferred-html.ts); what the strings cannot write renders through React.
  const viewing = user && !mayModerate ? { user, shared, opened } : null;
  const deferring = viewing !== null && (await headers()).get(DEFER_HTML_HEADER) === "1";
  // In a document, where nothing in the thread needs React, the whole of it is one string.
  const whole = deferring && viewing ? memberThreadHtml({ ...viewing, myVotes, following, order }) : null;
  if (whole) return <div className="thread" {...{ [FILL_ATTRIBUTE]: deferHtml(whole) }} />;
  const questionAsString = viewing && questionPart({ ...viewing, myVote: myVotes?.question ?? 0 });
  const answerAsString = (a: (typeof answers)[number]) => viewing && answerPart(a, { ...viewing, myVote: myVotes?.answers.get(a.id) ?? 0 });
  // Bodies and comments inside were sanitized when written (lib/markdown). A document is sent
  // as plain HTML (server/member-page.ts): React never hydrates the element it leaves empty.
  const prebuiltPost = (key: number | string, html: PostHtml) => (
    <div key={key} className="prebuilt-post" data-prebuilt-post="" {...(deferring ? { [FILL_ATTRIBUTE]: deferHtml(html) } : { dangerouslySetInnerHTML: { __html: html.toString() } })} />
  );

  return (
    <div className="thread">
      {mayModerate && <ModeratorPanel question={question} />}
      <ThreadStatus question={question} />
      <article className="question" aria-labelledby="question-title">
        <header className="post-meta">
          <span className="avatar" aria-hidden="true">
            {question.author.username.slice(0, 1).toUpperCase()}
          </span>
          <a href={`/users/${question.author.username}`} className="author">
            {question.author.username}
          </a>
          <RelativeTime date={question.createdAt} />
          <span aria-hidden="true">•</span>
          <span>{plural(question.viewCount, "view")}</span>
          <span className="follow-slot">
            <FollowButton target="question" id={question.id} following={following} signedIn={!!user} />
          </span>
        </header>
        {questionAsString ? (
          prebuiltPost("question", memberQuestionHtml(shared, questionAsString))
        ) : (
          <>
            <h1 id="question-title">{question.title}</h1>
            <div className="post-row">
              <VoteButtons postType="question" postId={question.id} score={question.score} myVote={myVotes?.question ?? 0} canVote={!!user && user.id !== question.authorId} signedIn={!!user} />
              <div className="post-main">
                <PostBody html={question.bodyHtml} />
                <footer className="question-footer">
                  <CategoryLink category={question.category} />
                  <TagList tags={question.tags} />
                </footer>
                <QuestionControls viewer={viewer} question={question} />
                {user && user.id !== question.authorId && <FlagMenu postType="question" postId={question.id} questionId={question.id} slug={question.slug} open={opened.flag === formKey("question", question.id)} />}
                <CommentList comments={comments.question} viewer={viewer} postType="question" postId={question.id} thread={question} locked={locked} canComment={canComment(question.authorId)} opened={opened} />
              </div>
            </div>
          </>
        )}
      </article>

      <BountyPanel bounty={bounty} viewer={user ? { id: user.id, points: user.points } : null} question={question} />

      <section aria-labelledby="answers-heading" className="answers">
        <div className="answers-heading">
          <h2 id="answers-heading">{plural(answers.length, "Answer")}</h2>
          {answers.length > 1 && (
            <nav aria-label="Order answers" className="answer-order">
              <Link href={path} aria-current={order === "votes" ? "true" : undefined}>Top</Link>
              <Link href={`${path}?answers=newest`} aria-current={order === "newest" ? "true" : undefined}>Newest</Link>
            </nav>
          )}
        </div>
        {answers.map((a) => {
          const part = answerAsString(a);
          return part ? (
            prebuiltPost(a.id, memberAnswerPostHtml(shared, a, part))
          ) : (
            <AnswerCard
              key={a.id}
              answer={a}
              isBest={a.id === question.bestAnswerId}
              votes={<VoteButtons postType="answer" postId={a.id} score={a.score} myVote={myVotes?.answers.get(a.id) ?? 0} canVote={!!user && user.id !== a.authorId} signedIn={!!user} />}
              actions={
                <>
                  <AnswerControls viewer={viewer} answer={a} question={question} />
                  {bounty && user?.id === bounty.offererId && a.authorId !== user.id && <AwardBountyButton bountyId={bounty.id} answerId={a.id} />}
                  {user && user.id !== a.authorId && <FlagMenu postType="answer" postId={a.id} questionId={question.id} slug={question.slug} open={opened.flag === formKey("answer", a.id)} />}
                </>
              }
              comments={<CommentList comments={comments.answers[a.id] ?? []} viewer={viewer} postType="answer" postId={a.id} thread={question} locked={locked} canComment={canComment(a.authorId)} opened={opened} />}
            />
          );
        })}
        {/* A document is sent as plain HTML, whose own script does this (lib/enhance). */}
        {viewing && !deferring && <PrebuiltPostControls />}
      </section>

      {user ? (
        <section className="answer-form-section" aria-labelledby="your-answer-heading">
          <h2 id="your-answer-heading">Answer this question</h2>
          {question.lockedAt || question.closedAt ? (
            <p className="muted">This thread takes no new answers.</p>
          ) : (
            <>
              <p className="muted">
                Earn {rules.answerPoints} points for answering; +{rules.bestAnswerPoints} if your answer is selected as the best.
              </p>
              <AnswerForm questionId={question.id} />
            </>
          )}
        </section>
      ) : (
        <aside className="join" aria-labelledby="join-heading">
          <h2 id="join-heading">Join the discussion</h2>
          <p>Please log in to post your answer.</p>
          <Link href={`/login?next=${path}`} className="button">
            Log In
          </Link>
          <p className="join-points">
            Earn {rules.answerPoints} points for answering. If your answer is selected as the best, you&apos;ll get +{rules.bestAnswerPoints} points!{" "}
            <span aria-hidden="true">🚀</span>
          </p>
        </aside>
      )}
    </div>
  );
}

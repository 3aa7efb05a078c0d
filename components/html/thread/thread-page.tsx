/** @jsxImportSource hono/jsx */
/**
 * A whole thread page, for every reader. The posts come in as HTML already rendered by
 * renderQuestion and renderAnswer (so that one post's HTML can be kept and shared by every
 * reader whose part in it is the same: server/thread-page.ts); everything else is rendered
 * here for this reader.
 */
import { raw } from "hono/html";
import type { ForumAssets } from "@/lib/assets";
import { isModerator } from "@/lib/permissions";
import { Document } from "../document";
import { StudyPanel } from "../study/study-panel";
import type { AnswerOrder, PublicThread, Reader } from "./model";
import { AnswerArticle, QuestionArticle } from "./posts";
import type { PostPart } from "./post-part";
import { AnswersHeading, AnswerSection, AwardedBounties, BountyPanel, ModeratorPanel, ThreadStatus } from "./thread-parts";

type Answer = PublicThread["thread"]["answers"][number];

export const renderQuestion = (shared: PublicThread, part: PostPart, back: string): string =>
  String(<QuestionArticle question={shared.thread.question} comments={shared.comments.question} part={part} back={back} />);

export const renderAnswer = (shared: PublicThread, answer: Answer, part: PostPart, back: string): string =>
  String(
    <AnswerArticle
      answer={answer}
      isBest={answer.id === shared.thread.question.bestAnswerId}
      comments={shared.comments.answers[answer.id] ?? []}
      part={part}
      question={shared.thread.question}
      back={back}
      bountyAmounts={shared.thread.awardedBounties.filter((b) => b.awardedAnswerId === answer.id).map((b) => b.amount)}
    />,
  );

type Props = {
  shared: PublicThread;
  reader: Reader;
  order: AnswerOrder;
  /** The page's address (with its order), for forms to come back to. */
  back: string;
  posts: { question: string; answers: string[] };
  assets: ForumAssets;
  description?: string;
  /** The reader's own draft answer to this question (theirs alone: members' pages are never cached). */
  draft?: string | null;
  /** The thread's head elements (thread-head.tsx). */
  head?: string;
};

export function ThreadPage({ shared, reader, order, back, posts, assets, description, draft, head }: Props) {
  const { question, answers, bounty } = shared.thread;
  return (
    <Document title={question.title} description={description} head={head} assets={assets} member={reader} here={back} withScript={reader !== null} live>
      <div class="thread">
        {reader && isModerator(reader) && <ModeratorPanel question={question} back={back} />}
        <ThreadStatus question={question} />
        {raw(posts.question)}
        <AwardedBounties awarded={shared.thread.awardedBounties} answers={answers} />
        <BountyPanel bounty={bounty} reader={reader} question={question} back={back} />
        <StudyPanel questionId={question.id} />
        <section aria-labelledby="answers-heading" class="answers">
          <AnswersHeading count={answers.filter((a) => !a.deletedAt).length} question={question} order={order} />
          {posts.answers.map((html) => raw(html))}
        </section>
        <AnswerSection question={question} reader={reader} back={back} draft={reader ? draft : null} />
      </div>
    </Document>
  );
}

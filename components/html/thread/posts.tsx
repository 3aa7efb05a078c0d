/** @jsxImportSource hono/jsx */
/**
 * The question and the answers of a thread, for every reader: the same markup signed out,
 * as a member, as the asker and as a moderator, with the reader's part (post-part.ts) deciding
 * which controls show. Post bodies were sanitized when written (lib/markdown).
 */
import { raw } from "hono/html";
import { plural } from "@/lib/format";
import { categoryPath, tagPath, userPath } from "@/lib/paths";
import { FollowButton } from "../follow-button";
import { RelativeTime } from "../relative-time";
import { ActionButton } from "./action-form";
import { CommentSection } from "./comments";
import { FlagDisclosure } from "./flag-form";
import type { Answer, CommentView, Question } from "./model";
import type { PostPart } from "./post-part";
import { VoteControl } from "./vote-control";

function Byline({ username, date }: { username: string; date: Date }) {
  return (
    <>
      <span class="avatar" aria-hidden="true">
        {username.slice(0, 1).toUpperCase()}
      </span>
      <a href={userPath(username)} class="author">
        {username}
      </a>
      <RelativeTime date={date} />
    </>
  );
}

type AnswerProps = { answer: Answer; isBest: boolean; comments: CommentView[]; part: PostPart; question: Question; back: string; bountyAmounts?: number[] };

function AnswerActions({ answer, isBest, part, question, back }: Omit<AnswerProps, "comments">) {
  return (
    <>
      <div class="post-actions">
        {part.mayPick && !isBest && <ActionButton action="pick-best" back={back} fields={{ answerId: answer.id }} label="✓ Pick as best answer" pending="Picking…" />}
        {part.mayPick && isBest && <ActionButton action="clear-best" back={back} fields={{ questionId: question.id }} label="Remove best answer mark" pending="Removing…" buttonClass="button-quiet" />}
        {part.mayEdit && <a href={`/edit/answers/${answer.id}`}>Edit</a>}
        <a href={`/history/answers/${answer.id}`}>History</a>
        {part.mayDelete && (
          <ActionButton action="delete-answer" back={back} fields={{ answerId: answer.id }} confirm="Delete this answer?" label="Delete" pending="Deleting…" buttonClass="button-quiet" />
        )}
        {part.mayUndelete && <ActionButton action="undelete-answer" back={back} fields={{ answerId: answer.id }} label="Undelete" pending="Restoring…" />}
      </div>
      {part.awardBountyId !== null && (
        <ActionButton
          action="award-bounty"
          back={back}
          fields={{ bountyId: part.awardBountyId, answerId: answer.id }}
          confirm="Award your bounty to this answer? This cannot be undone."
          label="Award bounty"
          pending="Awarding…"
          buttonClass="button-quiet"
        />
      )}
      {part.mayFlag && (
        <FlagDisclosure target="answer" targetId={answer.id} question={question} back={back} open={part.flagOpen || part.notice?.form === `flag:answer-${answer.id}`} notice={part.notice?.form === `flag:answer-${answer.id}` ? part.notice.message : undefined} />
      )}
    </>
  );
}

/** One answer, with its votes, controls and comments. */
export function AnswerArticle({ answer, isBest, comments, part, question, back, bountyAmounts = [] }: AnswerProps) {
  const classes = ["answer", isBest && "best", answer.deletedAt && "deleted"].filter(Boolean).join(" ");
  return (
    <article class={classes} id={`answer-${answer.id}`} aria-label={answer.deletedAt ? `Deleted answer by ${answer.author.username}` : isBest ? "Best answer" : `Answer by ${answer.author.username}`}>
      {isBest && (
        <p class="best-badge">
          <span aria-hidden="true">✅</span> Best Answer
        </p>
      )}
      <header class="post-meta">
        <Byline username={answer.author.username} date={answer.createdAt} />
        {bountyAmounts.map((amount) => (
          <span class="bounty-badge" title={`Awarded a bounty of ${amount} points`}>
            +{amount} bounty
          </span>
        ))}
      </header>
      {answer.deletedAt && (
        <p class="inline-error deleted-note">
          Deleted <RelativeTime date={answer.deletedAt} />: only moderators see this answer.
        </p>
      )}
      {answer.hiddenAt && <p class="inline-error">Hidden after spam flags, pending a moderator&apos;s review.</p>}
      <div class="post-row">
        <VoteControl postType="answer" postId={answer.id} score={answer.score} part={part} back={back} />
        <div class="post-main">
          <div class="prose">{raw(answer.bodyHtml)}</div>
          <AnswerActions answer={answer} isBest={isBest} part={part} question={question} back={back} />
          <CommentSection postType="answer" postId={answer.id} comments={comments} part={part} question={question} back={back} focus={`#answer-${answer.id} textarea[name=body]`} />
        </div>
      </div>
    </article>
  );
}

/** The question: header with Follow, title, votes, body, category and tags, controls, comments. */
export function QuestionArticle({ question, comments, part, back }: { question: Question; comments: CommentView[]; part: PostPart; back: string }) {
  const { category } = question;
  return (
    <article class="question" aria-labelledby="question-title">
      <header class="post-meta">
        <Byline username={question.author.username} date={question.createdAt} />
        <span aria-hidden="true">•</span>
        <span>{plural(question.viewCount, "view")}</span>
        <span class="follow-slot">
          <FollowButton target="question" id={question.id} following={part.following} signedIn={part.signedIn} back={back} />
        </span>
      </header>
      <h1 id="question-title">{question.title}</h1>
      <div class="post-row">
        <VoteControl postType="question" postId={question.id} score={question.score} part={part} back={back} />
        <div class="post-main">
          <div class="prose">{raw(question.bodyHtml)}</div>
          <footer class="question-footer">
            <a class="category" href={categoryPath(category.slug)}>
              {category.emoji && <span aria-hidden="true">{category.emoji} </span>}
              {category.name}
            </a>
            {question.tags.length > 0 && (
              <ul class="tags" aria-label="Tags">
                {question.tags.map(({ tag }) => (
                  <li>
                    <a class="tag" href={tagPath(tag.name)}>
                      {tag.name}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </footer>
          <div class="post-actions">
            {part.mayEdit && <a href={`/edit/questions/${question.id}`}>Edit</a>}
            <a href={`/history/questions/${question.id}`}>History</a>
          </div>
          {part.mayFlag && (
            <FlagDisclosure target="question" targetId={question.id} question={question} back={back} open={part.flagOpen || part.notice?.form === `flag:question-${question.id}`} notice={part.notice?.form === `flag:question-${question.id}` ? part.notice.message : undefined} />
          )}
          <CommentSection postType="question" postId={question.id} comments={comments} part={part} question={question} back={back} focus={`section[aria-label="Comments on this question"] textarea[name=body]`} />
        </div>
      </div>
    </article>
  );
}

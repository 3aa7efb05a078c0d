/** @jsxImportSource hono/jsx */
/**
 * The parts of a thread around its posts: the moderators' panel, the status banners, the bounty
 * panel, the answers' heading and order, and the answer form (or the invitation to log in).
 */
import { formatTimeLeft, mayOfferBounty } from "@/lib/bounty-display";
import { closeReasons } from "@/lib/close-reasons";
import { formatExact, plural } from "@/lib/format";
import { loginPath, questionPath, userPath } from "@/lib/paths";
import { isSuspended } from "@/lib/permissions";
import { bountyRules, limits, rules } from "@/lib/rules";
import { FieldError, FormMessage } from "../form-bits";
import { DraftControls, draftFormAttributes } from "../draft-controls";
import { MarkdownEditor } from "../markdown-editor";
import { ActionButton, ActionForm } from "./action-form";
import { NO_ECHO, type Answer, type AnswerOrder, type AwardedBounty, type Bounty, type Echo, type Question, type Reader } from "./model";

/** Moderators' tools for a thread (each action checks the role again on the server). */
export function ModeratorPanel({ question, back, echo = NO_ECHO }: { question: Question; back: string; echo?: Echo }) {
  const fields = { questionId: question.id };
  return (
    <section class="mod-panel" aria-labelledby="mod-panel-heading">
      <h2 id="mod-panel-heading">Moderation</h2>
      <div class="post-actions">
        <ActionButton action="lock" back={back} fields={{ ...fields, locked: question.lockedAt ? "false" : "true" }} label={question.lockedAt ? "Unlock thread" : "Lock thread"} pending="Saving…" />
        {question.closedAt ? <ActionButton action="reopen" back={back} fields={fields} label="Reopen question" pending="Saving…" /> : <CloseForm questionId={question.id} back={back} echo={echo} />}
        {question.deletedAt ? (
          <ActionButton action="undelete-question" back={back} fields={fields} label="Undelete question" pending="Restoring…" />
        ) : (
          <ActionForm action="delete-question" back={back} fields={fields} confirm="Delete this question?" class="inline-form">
            <label for="delete-reason" class="visually-hidden">
              Reason for deleting (told to the author)
            </label>
            <input id="delete-reason" name="reason" maxLength={500} placeholder="Reason (told to the author)" size={26} />
            <button type="submit" class="button-quiet" data-pending="Deleting…">
              Delete question
            </button>
          </ActionForm>
        )}
      </div>
    </section>
  );
}

/** Close with a reason (a duplicate names its original); the form alone, for its refusal page too. */
export function CloseForm({ questionId, back, echo = NO_ECHO }: { questionId: number; back: string; echo?: Echo }) {
  const reason = echo.values.reason ?? "";
  return (
    <ActionForm action="close" back={back} fields={{ questionId }} class="inline-form">
      <label for="close-reason" class="visually-hidden">
        Reason for closing
      </label>
      <select id="close-reason" name="reason">
        <option value="" disabled selected={reason === ""}>
          Reason…
        </option>
        {Object.entries(closeReasons).map(([value, label]) => (
          <option value={value} selected={reason === value}>
            {label}
          </option>
        ))}
      </select>
      <label for="duplicate-of" class="visually-hidden">
        Number of the original question (for duplicates)
      </label>
      <input id="duplicate-of" name="duplicateOfId" inputMode="numeric" placeholder="Original question # (duplicates)" size={26} value={echo.values.duplicateOfId} />
      <button type="submit" data-pending="Closing…">
        Close question
      </button>
      <FieldError id="close-error" errors={Object.values(echo.errors).flat()} />
    </ActionForm>
  );
}

/** Why a thread takes no new answers, or why moderators see it though others do not. */
export function ThreadStatus({ question }: { question: Question }) {
  const reason = question.closeReason as keyof typeof closeReasons | null;
  return (
    <>
      {question.deletedAt && (
        <p class="status-banner deleted-note" role="note">
          <strong>Deleted</strong> {formatExact(question.deletedAt)}: only moderators see this question. Undelete it from the moderation panel.
        </p>
      )}
      {question.hiddenAt && <p class="status-banner">Hidden after spam flags, pending a moderator&apos;s review.</p>}
      {question.closedAt && (
        <p class="status-banner" role="note">
          <strong>Closed:</strong> {reason ? closeReasons[reason] : "closed by a moderator"}
          {question.duplicateOf && (
            <>
              {" "}
              — see <a href={questionPath(question.duplicateOf)}>{question.duplicateOf.title}</a>
            </>
          )}
          . It takes no new answers.
        </p>
      )}
      {question.lockedAt && (
        <p class="status-banner" role="note">
          <strong>Locked:</strong> this thread takes no new answers or comments.
        </p>
      )}
    </>
  );
}

/** The amount field and button of a bounty offer; the form alone, for its refusal page too. */
export function OfferBountyForm({ questionId, maxAmount, back, echo = NO_ECHO }: { questionId: number; maxAmount: number; back: string; echo?: Echo }) {
  const id = `bounty-amount-${questionId}`;
  const errors = echo.errors.amount;
  return (
    <ActionForm action="offer-bounty" back={back} fields={{ questionId }} class="bounty-offer" noValidate>
      <label for={id}>Bounty (points)</label>
      <input
        id={id}
        name="amount"
        type="number"
        inputMode="numeric"
        min={bountyRules.min}
        max={maxAmount}
        step={1}
        required
        value={echo.values.amount ?? String(bountyRules.min)}
        aria-invalid={errors ? "true" : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
      />
      <button type="submit" data-pending="Offering…">
        Offer bounty
      </button>
      <FieldError id={`${id}-error`} errors={errors} />
      <FormMessage message={echo.message} />
    </ActionForm>
  );
}

/** The bounties the question carried and awarded: how much, from whom, to which answer, when. */
export function AwardedBounties({ awarded, answers }: { awarded: AwardedBounty[]; answers: Answer[] }) {
  if (awarded.length === 0) return null;
  return (
    <aside class="bounty-awarded" aria-label="Awarded bounties">
      {awarded.map((b) => {
        const winner = answers.find((a) => a.id === b.awardedAnswerId);
        return (
          <p>
            <span class="bounty-amount">+{b.amount}</span> bounty from <a href={userPath(b.offerer.username)}>{b.offerer.username}</a>, awarded{" "}
            {winner ? (
              <>
                to <a href={`#answer-${winner.id}`}>{winner.author.username}&apos;s answer</a>
              </>
            ) : (
              "to an answer"
            )}
            {b.closedAt && <> on {formatExact(b.closedAt)}</>}.
          </p>
        );
      })}
    </aside>
  );
}

/** The open bounty, or, for a reader who may, the form to offer one; otherwise nothing. */
export function BountyPanel({ bounty, reader, question, back, now = new Date() }: { bounty: Bounty | null; reader: Reader; question: Question; back: string; now?: Date }) {
  if (bounty) {
    return (
      <aside class="bounty-panel" aria-labelledby="bounty-heading">
        <h2 id="bounty-heading">
          Bounty <span class="bounty-amount">+{bounty.amount}</span>
        </h2>
        <p>
          <a href={userPath(bounty.offerer.username)}>{bounty.offerer.username}</a> offered {bounty.amount} points for a good answer.{" "}
          <time dateTime={bounty.expiresAt.toISOString()} title={formatExact(bounty.expiresAt)}>
            {formatTimeLeft(bounty.expiresAt, now)}
          </time>
          .
        </p>
        <p class="hint">
          {reader?.id === bounty.offererId
            ? "Award it with “Award bounty” under the answer you choose. If you don't, it goes to the best-scored answer posted since the bounty started."
            : "Unless the offerer awards it first, it goes to the best-scored answer posted since the bounty started."}
        </p>
      </aside>
    );
  }
  if (!reader || isSuspended(reader, now) || question.deletedAt || !mayOfferBounty(reader, question, now)) return null;
  return (
    <aside class="bounty-panel" aria-labelledby="offer-bounty-heading">
      <h2 id="offer-bounty-heading">Offer a bounty</h2>
      <p class="hint">
        Draw more answers with {bountyRules.min}–{bountyRules.max} of your {reader.points} points. They leave your total now and go to the answer you award within{" "}
        {bountyRules.durationMs / 86_400_000} days.
      </p>
      <OfferBountyForm questionId={question.id} maxAmount={Math.min(bountyRules.max, reader.points)} back={back} />
    </aside>
  );
}

/** "30 Answers" and, with more than one, the links that order them. */
export function AnswersHeading({ count, question, order }: { count: number; question: Question; order: AnswerOrder }) {
  const path = questionPath(question);
  return (
    <div class="answers-heading">
      <h2 id="answers-heading">{plural(count, "Answer")}</h2>
      {count > 1 && (
        <nav aria-label="Order answers" class="answer-order">
          <a href={path} aria-current={order === "votes" ? "true" : undefined}>
            Top
          </a>
          <a href={`${path}?answers=newest`} aria-current={order === "newest" ? "true" : undefined}>
            Newest
          </a>
        </nav>
      )}
    </div>
  );
}

export const ANSWER_FIELD_ID = "answer-body";
export const ANSWER_ERROR_ID = "answer-body-error";

/**
 * The answer form; the form alone, for its refusal page too. Its text is kept as the member's
 * draft for this question while they write (lib/enhance/drafts.ts); `draft` is that text, kept
 * from an earlier visit.
 */
export function AnswerForm({ questionId, back, echo = NO_ECHO, draft }: { questionId: number; back: string; echo?: Echo; draft?: string | null }) {
  const restored = echo.values.body === undefined && !!draft;
  return (
    <form class="stack-form" noValidate action={`/api/questions/${questionId}/answers`} method="post" data-answer-form="" {...draftFormAttributes(questionId)}>
      <input type="hidden" name="back" value={back} />
      <FormMessage message={echo.message} />
      <MarkdownEditor id={ANSWER_FIELD_ID} name="body" label="Your answer" value={echo.values.body ?? draft ?? ""} minLength={limits.answerMin} maxLength={limits.bodyMax} rows={10} errorId={ANSWER_ERROR_ID} invalid={!!echo.errors.body} required />
      <FieldError id={ANSWER_ERROR_ID} errors={echo.errors.body} />
      <DraftControls questionId={questionId} restored={restored} />
      <button type="submit" data-pending="Posting…">
        Post your answer
      </button>
    </form>
  );
}

/** "Answer this question" and its form for members; for signed-out readers, the invitation to log in. */
export function AnswerSection({ question, reader, back, draft }: { question: Question; reader: Reader; back: string; draft?: string | null }) {
  if (!reader) {
    return (
      <aside class="join" aria-labelledby="join-heading">
        <h2 id="join-heading">Join the discussion</h2>
        <p>Please log in to post your answer.</p>
        <a href={loginPath(questionPath(question))} class="button">
          Log In
        </a>
        <p class="join-points">
          Earn {rules.answerPoints} points for answering. If your answer is selected as the best, you&apos;ll get +{rules.bestAnswerPoints} points! <span aria-hidden="true">🚀</span>
        </p>
      </aside>
    );
  }
  return (
    <section class="answer-form-section" aria-labelledby="your-answer-heading">
      <h2 id="your-answer-heading">Answer this question</h2>
      {isSuspended(reader) ? (
        <p class="muted">Your account is suspended: you cannot answer until it ends.</p>
      ) : question.lockedAt || question.closedAt || question.deletedAt ? (
        <p class="muted">This thread takes no new answers.</p>
      ) : (
        <>
          <p class="muted">
            Earn {rules.answerPoints} points for answering; +{rules.bestAnswerPoints} if your answer is selected as the best.
          </p>
          <AnswerForm questionId={question.id} back={back} draft={draft} />
        </>
      )}
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { AnswerCard } from "@/components/answer-card";
import { CategoryLink } from "@/components/category-link";
import { PostBody } from "@/components/post-body";
import { RelativeTime } from "@/components/relative-time";
import { TagList } from "@/components/tag-list";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isModerator } from "@/lib/commands/guard";
import { findThread } from "@/lib/data/questions";
import { plural } from "@/lib/format";
import { rules } from "@/lib/rules";
import { AnswerForm } from "./answer-form";
import { AnswerControls, QuestionControls } from "./post-controls";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; slug?: string[] }> };

function parseId(raw: string): number | null {
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}

async function loadThread(params: Props["params"]) {
  const { id, slug } = await params;
  const questionId = parseId(id);
  const thread = questionId ? await findThread(questionId) : null;
  if (!thread) notFound();
  return { thread, slug };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { thread } = await loadThread(params);
  return { title: thread.question.title };
}

export default async function QuestionPage({ params }: Props) {
  const { thread, slug } = await loadThread(params);
  const { question, answers } = thread;
  if (slug?.length !== 1 || slug[0] !== question.slug) permanentRedirect(`/questions/${question.id}/${question.slug}`);
  // Signed-out readers get the same bytes (cached); the viewer's controls come from this render.
  const user = await getCurrentUser();
  const viewer = user ? { id: user.id, mayModerate: isModerator(user) } : null;

  return (
    <div className="thread">
      <article className="question" aria-labelledby="question-title">
        <header className="post-meta">
          <span className="avatar" aria-hidden="true">
            {question.author.username.slice(0, 1).toUpperCase()}
          </span>
          <Link href={`/users/${question.author.username}`} className="author">
            {question.author.username}
          </Link>
          <RelativeTime date={question.createdAt} />
          <span aria-hidden="true">•</span>
          <span>{plural(question.viewCount, "view")}</span>
        </header>
        <h1 id="question-title">{question.title}</h1>
        <PostBody html={question.bodyHtml} />
        <footer className="question-footer">
          <CategoryLink category={question.category} />
          <TagList tags={question.tags} />
        </footer>
        <QuestionControls viewer={viewer} question={question} />
      </article>

      <section aria-labelledby="answers-heading" className="answers">
        <h2 id="answers-heading">{plural(answers.length, "Answer")}</h2>
        {answers.map((a) => (
          <AnswerCard
            key={a.id}
            answer={a}
            isBest={a.id === question.bestAnswerId}
            actions={<AnswerControls viewer={viewer} answer={a} question={question} />}
          />
        ))}
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
        <Link href={`/login?next=/questions/${question.id}/${question.slug}`} className="button">
          Log In
        </Link>
        <p className="join-points">
          Earn {rules.answerPoints} points for answering. If your answer is selected as the best, you&apos;ll get +
          {rules.bestAnswerPoints} points! <span aria-hidden="true">🚀</span>
        </p>
      </aside>
      )}
    </div>
  );
}

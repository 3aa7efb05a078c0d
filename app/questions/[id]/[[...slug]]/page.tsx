import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { AnswerCard } from "@/components/answer-card";
import { CategoryLink } from "@/components/category-link";
import { PostBody } from "@/components/post-body";
import { RelativeTime } from "@/components/relative-time";
import { TagList } from "@/components/tag-list";
import { findThread } from "@/lib/data/questions";
import { plural } from "@/lib/format";
import { rules } from "@/lib/rules";

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
      </article>

      <section aria-labelledby="answers-heading" className="answers">
        <h2 id="answers-heading">{plural(answers.length, "Answer")}</h2>
        {answers.map((a) => (
          <AnswerCard key={a.id} answer={a} isBest={a.id === question.bestAnswerId} />
        ))}
      </section>

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
    </div>
  );
}

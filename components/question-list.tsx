import Link from "next/link";
import type { QuestionSummary } from "@/lib/data/questions";
import { plural } from "@/lib/format";
import { CategoryLink } from "./category-link";
import { RelativeTime } from "./relative-time";
import { TagList } from "./tag-list";

export function questionPath(q: { id: number; slug: string }) {
  return `/questions/${q.id}/${q.slug}`;
}

export function QuestionList({ questions }: { questions: QuestionSummary[] }) {
  if (questions.length === 0) return <p className="empty">No questions here yet.</p>;
  return (
    <ol className="question-list">
      {questions.map((q) => (
        <li key={q.id} className="question-summary">
          <div className="stats" aria-label="Question stats">
            <span className={q.bestAnswerId ? "stat answered" : "stat"} title={q.bestAnswerId ? "Has a best answer" : undefined}>
              {q.bestAnswerId && <span aria-hidden="true">✓ </span>}
              {plural(q.answerCount, "answer")}
            </span>
            <span className="stat">{plural(q.viewCount, "view")}</span>
          </div>
          <div className="summary-main">
            <h3>
              <Link href={questionPath(q)}>{q.title}</Link>
            </h3>
            {q.excerpt && <p className="excerpt">{q.excerpt}</p>}
            <div className="summary-meta">
              <CategoryLink category={q.category} />
              <TagList tags={q.tags} />
              <span className="byline">
                <Link href={`/users/${q.author.username}`}>{q.author.username}</Link> asked <RelativeTime date={q.createdAt} />
              </span>
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}

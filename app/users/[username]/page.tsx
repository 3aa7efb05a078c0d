import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RelativeTime } from "@/components/relative-time";
import { findMemberProfile } from "@/lib/data/members";
import { plural } from "@/lib/format";
import { describePointEvent } from "@/lib/point-labels";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ username: string }> };

async function loadProfile(params: Props["params"]) {
  const username = decodeURIComponent((await params).username);
  const profile = /^[A-Za-z0-9_.-]{1,40}$/.test(username) ? await findMemberProfile(username) : null;
  if (!profile) notFound();
  return profile;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadProfile(params)).member.username };
}

export default async function MemberPage({ params }: Props) {
  const { member, events, answerCount, bestCount, questionCount, answers, questions } = await loadProfile(params);
  return (
    <div className="profile">
      <header className="profile-header">
        <span className="avatar avatar-large" aria-hidden="true">
          {member.username.slice(0, 1).toUpperCase()}
        </span>
        <div>
          <h1>
            {member.username}
            {member.displayName && <span className="display-name"> ({member.displayName})</span>}
          </h1>
          <p className="muted">
            Member since <RelativeTime date={member.createdAt} />
            {member.role !== "MEMBER" && <span className="role-badge">{member.role.toLowerCase()}</span>}
          </p>
        </div>
      </header>
      <dl className="profile-stats">
        <div>
          <dt>Points</dt>
          <dd data-testid="member-points">{member.points.toLocaleString("en-US")}</dd>
        </div>
        <div>
          <dt>Questions</dt>
          <dd>{questionCount}</dd>
        </div>
        <div>
          <dt>Answers</dt>
          <dd>{answerCount}</dd>
        </div>
        <div>
          <dt>Best answers</dt>
          <dd>{bestCount}</dd>
        </div>
      </dl>
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">Answers</h2>
        {answers.length === 0 ? (
          <p className="empty">No answers yet.</p>
        ) : (
          <ul className="question-list">
            {answers.map((a) => (
              <li key={a.id} className="question-summary">
                <div className="summary-main">
                  <Link href={`/questions/${a.question.id}/${a.question.slug}#answer-${a.id}`}>{a.question.title}</Link>
                  <div className="summary-meta">
                    {a.isBest && (
                      <span className="stat answered">
                        <span aria-hidden="true">✅</span> Best answer
                      </span>
                    )}
                    <span className="muted">
                      Answered <RelativeTime date={a.createdAt} />
                    </span>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">Questions</h2>
        {questions.length === 0 ? (
          <p className="empty">No questions yet.</p>
        ) : (
          <ul className="question-list">
            {questions.map((q) => (
              <li key={q.id} className="question-summary">
                <div className="summary-main">
                  <Link href={`/questions/${q.id}/${q.slug}`}>{q.title}</Link>
                  <div className="summary-meta muted">
                    <span>{plural(q.answerCount, "answer")}</span>
                    <span>
                      Asked <RelativeTime date={q.createdAt} />
                    </span>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Points history</h2>
        {events.length === 0 ? (
          <p className="empty">No points yet.</p>
        ) : (
          <table className="ledger">
            <thead>
              <tr>
                <th scope="col">Points</th>
                <th scope="col">Why</th>
                <th scope="col">Post</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td className={e.delta >= 0 ? "gain" : "loss"}>{e.delta > 0 ? `+${e.delta}` : e.delta}</td>
                  <td>
                    {describePointEvent(e.cause, e.seq)}
                    {e.note && <span className="muted"> — {e.note}</span>}
                  </td>
                  <td>
                    {e.question ? (
                      <Link href={`/questions/${e.question.id}/${e.question.slug}${e.answerId ? `#answer-${e.answerId}` : ""}`}>
                        {e.question.title}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>
                    <RelativeTime date={e.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted">{plural(events.length, "event")} shown. The total is always the sum of these events.</p>
      </section>
    </div>
  );
}

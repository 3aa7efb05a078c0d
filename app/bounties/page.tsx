import type { Metadata } from "next";
import Link from "next/link";
import { formatTimeLeft } from "@/lib/bounty-display";
import { Pagination, parsePage } from "@/components/pagination";
import { listOpenBounties, listRecentlyAwardedBounties } from "@/lib/data/bounties";
import { formatExact, formatRelative, plural } from "@/lib/format";
import { userPath } from "@/lib/paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Open bounties" };

export default async function BountiesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = parsePage((await searchParams).page);
  const now = new Date();
  const [{ bounties, hasMore }, awarded] = await Promise.all([listOpenBounties(page, now), page === 1 ? listRecentlyAwardedBounties() : []]);
  return (
    <>
      <div className="page-heading">
        <h1>Open bounties</h1>
      </div>
      <p className="lede">Questions whose askers or readers put points on a good answer. The newest bounties come first.</p>
      {bounties.length === 0 ? (
        <p className="empty">No open bounties right now.</p>
      ) : (
        <ul className="question-list">
          {bounties.map((b) => (
            <li key={b.id} className="question-summary">
              <div className="stats">
                <span className="stat answered">
                  +{b.amount}
                  <span className="visually-hidden"> points bounty</span>
                </span>
                <span>{plural(b.question.answerCount, "answer")}</span>
              </div>
              <div className="summary-main">
                <h3>
                  <Link href={`/questions/${b.question.id}/${b.question.slug}`}>{b.question.title}</Link>
                </h3>
                <p className="summary-meta">
                  <time dateTime={b.expiresAt.toISOString()} title={formatExact(b.expiresAt)}>
                    {formatTimeLeft(b.expiresAt, now)}
                  </time>
                  <span>{plural(b.question.score, "vote")}</span>
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination basePath="/bounties" page={page} hasMore={hasMore} />
      {awarded.length > 0 && (
        <section aria-labelledby="awarded-heading">
          <h2 id="awarded-heading">Recently awarded</h2>
          <ul className="question-list">
            {awarded.map((b) => (
              <li key={b.id} className="question-summary">
                <div className="stats">
                  <span className="stat answered">
                    +{b.amount}
                    <span className="visually-hidden"> points bounty</span>
                  </span>
                </div>
                <div className="summary-main">
                  <h3>
                    <Link href={`/questions/${b.question.id}/${b.question.slug}#answer-${b.awardedAnswerId}`}>{b.question.title}</Link>
                  </h3>
                  <p className="summary-meta">
                    <span>
                      From <Link href={userPath(b.offerer.username)}>{b.offerer.username}</Link> to{" "}
                      {b.awardedAnswer ? <Link href={userPath(b.awardedAnswer.author.username)}>{b.awardedAnswer.author.username}</Link> : "an answer"}
                    </span>
                    {b.closedAt && (
                      <time dateTime={b.closedAt.toISOString()} title={formatExact(b.closedAt)}>
                        awarded {formatRelative(b.closedAt, now)}
                      </time>
                    )}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { formatTimeLeft } from "@/lib/bounty-display";
import { Pagination, parsePage } from "@/components/pagination";
import { listOpenBounties } from "@/lib/data/bounties";
import { formatExact, plural } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Open bounties" };

export default async function BountiesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = parsePage((await searchParams).page);
  const now = new Date();
  const { bounties, hasMore } = await listOpenBounties(page, now);
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
    </>
  );
}

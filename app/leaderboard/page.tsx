import type { Metadata } from "next";
import Link from "next/link";
import { listTopMembersAllTime, listTopMembersThisWeek, type LeaderboardEntry } from "@/lib/data/leaderboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Leaderboard" };

export default async function LeaderboardPage() {
  const [week, allTime] = await Promise.all([listTopMembersThisWeek(), listTopMembersAllTime()]);
  return (
    <>
      <div className="page-heading">
        <h1>Leaderboard</h1>
      </div>
      <RankingSection
        id="week-heading"
        title="This week"
        note="Points earned in the last 7 days."
        entries={week}
        empty="Nobody has earned points in the last 7 days yet."
      />
      <RankingSection id="all-time-heading" title="All time" entries={allTime} empty="Nobody has earned points yet." />
    </>
  );
}

type SectionProps = { id: string; title: string; note?: string; entries: LeaderboardEntry[]; empty: string };

function RankingSection({ id, title, note, entries, empty }: SectionProps) {
  const ranks = rankOf(entries);
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {note && <p className="muted">{note}</p>}
      {entries.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <table className="ledger" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Member</th>
              <th scope="col">Points</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => (
              <tr key={e.id}>
                <td>{ranks[i]}</td>
                <td>
                  <Link href={`/users/${encodeURIComponent(e.username)}`}>{e.username}</Link>
                </td>
                <td>{e.points.toLocaleString("en-US")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Competition ranking: equal points share a rank and the next rank skips ("1, 2, 2, 4"). */
function rankOf(entries: LeaderboardEntry[]): number[] {
  const ranks: number[] = [];
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    ranks.push(prev && prev.points === e.points ? (ranks[i - 1] ?? i + 1) : i + 1);
  });
  return ranks;
}

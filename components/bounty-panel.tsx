import Link from "next/link";
import { ActionButton } from "@/components/action-button";
import { awardBountyAction } from "@/lib/actions/bounty";
import type { OpenBounty } from "@/lib/data/bounties";
import { formatExact } from "@/lib/format";
import { formatTimeLeft, mayOfferBounty } from "@/lib/bounty-display";
import { bountyRules } from "@/lib/rules";
import styles from "./bounty-panel.module.css";
import { OfferBountyForm } from "./offer-bounty-form";

type Props = {
  bounty: OpenBounty | null;
  /** The signed-in reader (fresh points), or null. */
  viewer: { id: number; points: number } | null;
  question: { id: number; createdAt: Date; bestAnswerId: number | null; lockedAt: Date | null; closedAt: Date | null };
};

/**
 * A thread's bounty: the open one with its amount and end, or for an eligible reader a form
 * to offer one. The server re-checks every rule; this only hides what would be refused.
 */
export function BountyPanel({ bounty, viewer, question }: Props) {
  const now = new Date();
  if (bounty) {
    return (
      <aside className={styles.panel} aria-labelledby="bounty-heading">
        <h2 id="bounty-heading">
          Bounty <span className={styles.amount}>+{bounty.amount}</span>
        </h2>
        <p>
          <Link href={`/users/${encodeURIComponent(bounty.offerer.username)}`}>{bounty.offerer.username}</Link> offered{" "}
          {bounty.amount} points for a good answer.{" "}
          <time dateTime={bounty.expiresAt.toISOString()} title={formatExact(bounty.expiresAt)}>
            {formatTimeLeft(bounty.expiresAt, now)}
          </time>
          .
        </p>
        <p className="hint">
          {viewer?.id === bounty.offererId
            ? "Award it with “Award bounty” under the answer you choose. If you don't, it goes to the best-scored answer posted since the bounty started."
            : "Unless the offerer awards it first, it goes to the best-scored answer posted since the bounty started."}
        </p>
      </aside>
    );
  }
  if (!viewer || !mayOfferBounty(viewer, question, now)) return null;
  return (
    <aside className={styles.panel} aria-labelledby="offer-bounty-heading">
      <h2 id="offer-bounty-heading">Offer a bounty</h2>
      <p className="hint">
        Draw more answers with {bountyRules.min}–{bountyRules.max} of your {viewer.points} points. They leave your total now and
        go to the answer you award within {bountyRules.durationMs / 86_400_000} days.
      </p>
      <OfferBountyForm questionId={question.id} maxAmount={Math.min(bountyRules.max, viewer.points)} />
    </aside>
  );
}

/** For the offerer, under each answer by someone else while their bounty is open. */
export function AwardBountyButton({ bountyId, answerId }: { bountyId: number; answerId: number }) {
  return (
    <ActionButton
      action={awardBountyAction}
      fields={{ bountyId, answerId }}
      label="Award bounty"
      pendingText="Awarding…"
      className="button-quiet"
      confirm="Award your bounty to this answer? This cannot be undone."
    />
  );
}

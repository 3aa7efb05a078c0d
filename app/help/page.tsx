import type { Metadata } from "next";
import Link from "next/link";
import { privileges, rules } from "@/lib/rules";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "How points work" };

export default function HelpPage() {
  return (
    <div className="thread">
      <h1>How points and privileges work</h1>
      <h2>Earning points</h2>
      <ul>
        <li>+{rules.answerPoints} for answering someone else&apos;s question (once per question).</li>
        <li>+{rules.bestAnswerPoints} when your answer is picked as the best. It is taken back if the pick changes.</li>
        <li>+{rules.answerUpvotePoints} for each upvote on your answer, +{rules.questionUpvotePoints} on your question, {rules.downvotePoints} for each downvote.</li>
        <li>Bounties: members can offer their own points on a question; the answer they award receives them.</li>
      </ul>
      <p>Every change is an entry in your points history; your total is always their sum.</p>
      <h2>What your points let you do</h2>
      <table className="ledger">
        <thead><tr><th scope="col">Privilege</th><th scope="col">Points needed</th></tr></thead>
        <tbody>
          <tr><td>Vote up</td><td>{privileges.voteUp}</td></tr>
          <tr><td>Comment on others&apos; posts</td><td>{privileges.commentEverywhere}</td></tr>
          <tr><td>Vote down</td><td>{privileges.voteDown}</td></tr>
          <tr><td>Edit others&apos; posts</td><td>{privileges.editOthersPosts}</td></tr>
          <tr><td>Add images to posts</td><td>{privileges.uploadImages}</td></tr>
        </tbody>
      </table>
      <p>New accounts can ask a question every few minutes and add only a few links to their first posts; both limits lift as points grow.</p>
      <h2>Your account and mail</h2>
      <ul>
        <li>
          Forgot your password? <Link href="/forgot-password">Ask for a link</Link> by mail. It works once, within an hour, and
          setting a new password logs your account out everywhere.
        </li>
        <li>
          In <Link href="/settings">Settings</Link>: confirm or change your email address, choose a display name shown beside your
          username, and choose which mail you get (answers and comments on your posts, mentions, a daily digest of the tags you
          follow). Mail goes only to a confirmed address, and none is sent until you ask for it.
        </li>
      </ul>
    </div>
  );
}

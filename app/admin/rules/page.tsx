import type { Metadata } from "next";
import { ActionForm } from "@/components/action-form";
import { recalculateAction, updateRulesAction } from "@/lib/actions/admin";
import { requireStaffPage } from "@/lib/auth/require-role";
import { privileges, rules } from "@/lib/rules";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Points rules" };

const ruleLabels: Record<keyof typeof rules, string> = {
  answerPoints: "Answering someone else's question",
  bestAnswerPoints: "Answer picked as best",
  answerUpvotePoints: "Upvote on an answer",
  questionUpvotePoints: "Upvote on a question",
  downvotePoints: "Downvote on a post (zero or less)",
};
const privilegeLabels: Record<keyof typeof privileges, string> = {
  voteUp: "Vote up",
  commentEverywhere: "Comment on others' posts",
  voteDown: "Vote down",
  editOthersPosts: "Edit others' posts",
  uploadImages: "Add images to posts",
};

export default async function RulesAdminPage() {
  await requireStaffPage("/admin/rules", "ADMIN");
  return (
    <>
      <h1>Points rules and privileges</h1>
      <p className="muted">Changes apply from now on. Past ledger events keep the points they gave, and taking an award back always removes exactly what it gave.</p>
      <ActionForm action={updateRulesAction} submitLabel="Save rules" className="stack-form">
        <h2>Points</h2>
        {Object.entries(ruleLabels).map(([key, label]) => (
          <p key={key}>
            <label htmlFor={key}>{label}</label> <input id={key} name={key} type="number" defaultValue={rules[key as keyof typeof rules]} required />
          </p>
        ))}
        <h2>Points needed to…</h2>
        {Object.entries(privilegeLabels).map(([key, label]) => (
          <p key={key}>
            <label htmlFor={key}>{label}</label> <input id={key} name={key} type="number" min={0} defaultValue={privileges[key as keyof typeof privileges]} required />
          </p>
        ))}
      </ActionForm>
      <h2>Recalculate totals</h2>
      <p className="muted">Rebuilds every member&apos;s total from the ledger and reports any difference it fixed.</p>
      <ActionForm action={recalculateAction} submitLabel="Recalculate now">
        <span />
      </ActionForm>
    </>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { QuestionForm } from "@/components/question-form";
import { askQuestionAction } from "@/lib/actions/ask-question";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listCategoryChoices } from "@/lib/data/categories";
import { findDraft } from "@/lib/data/drafts";
import { isSuspended } from "@/lib/permissions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ask a question" };

export default async function AskPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?next=/ask");
  // The banner under the header says until when and why; the server would refuse the post.
  if (isSuspended(user)) {
    return (
      <div className="form-page">
        <h1>Ask a question</h1>
        <p className="muted">Your account is suspended: you cannot ask until it ends.</p>
      </div>
    );
  }
  const [categories, draft] = await Promise.all([listCategoryChoices(), user.drafts > 0 ? findDraft(user.id, null) : null]);
  return (
    <div className="form-page">
      <h1>Ask a question</h1>
      <QuestionForm action={askQuestionAction} categories={categories} draft={draft} submitLabel="Post your question" />
    </div>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { QuestionForm } from "@/components/question-form";
import { askQuestionAction } from "@/lib/actions/ask-question";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listCategoryChoices } from "@/lib/data/categories";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ask a question" };

export default async function AskPage() {
  if (!(await getCurrentUser())) redirect("/login?next=/ask");
  const categories = await listCategoryChoices();
  return (
    <div className="form-page">
      <h1>Ask a question</h1>
      <QuestionForm action={askQuestionAction} categories={categories} submitLabel="Post your question" />
    </div>
  );
}

import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { QuestionForm } from "@/components/question-form";
import { editQuestionAction } from "@/lib/actions/edit-post";
import { getCurrentUser } from "@/lib/auth/current-user";
import { mayEditPost } from "@/lib/permissions";
import { listCategoryChoices } from "@/lib/data/categories";
import { findQuestionForEdit } from "@/lib/data/post-editing";
import { idSchema } from "@/lib/validation/post";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit question" };

export default async function EditQuestionPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idSchema.safeParse((await params).id);
  const question = id.success ? await findQuestionForEdit(id.data) : null;
  if (!question) notFound();
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=/edit/questions/${question.id}`);
  // The action checks again; this only spares a form that could not be saved.
  if (!mayEditPost(user, question)) notFound();
  const categories = await listCategoryChoices();
  return (
    <div className="form-page">
      <h1>Edit question</h1>
      <QuestionForm
        action={editQuestionAction}
        categories={categories}
        initial={{ questionId: question.id, title: question.title, body: question.bodyMd, categoryId: String(question.categoryId), tags: question.tags.map((t) => t.tag.name).join(", ") }}
        submitLabel="Save edits"
      />
    </div>
  );
}

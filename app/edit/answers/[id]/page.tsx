import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { mayEditPost } from "@/lib/permissions";
import { findAnswerForEdit } from "@/lib/data/post-editing";
import { idSchema } from "@/lib/validation/post";
import { AnswerEditForm } from "./answer-edit-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit answer" };

export default async function EditAnswerPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idSchema.safeParse((await params).id);
  const answer = id.success ? await findAnswerForEdit(id.data) : null;
  if (!answer) notFound();
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=/edit/answers/${answer.id}`);
  if (!mayEditPost(user, answer)) notFound();
  return (
    <div className="form-page">
      <h1>Edit answer</h1>
      <p className="muted">
        On <Link href={`/questions/${answer.question.id}/${answer.question.slug}`}>{answer.question.title}</Link>
      </p>
      <AnswerEditForm answerId={answer.id} body={answer.bodyMd} />
    </div>
  );
}

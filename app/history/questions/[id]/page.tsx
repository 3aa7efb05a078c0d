import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RevisionList } from "@/components/revision-list";
import { findQuestionForEdit, listRevisions } from "@/lib/data/post-editing";
import { idSchema } from "@/lib/validation/post";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Question history" };

export default async function QuestionHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idSchema.safeParse((await params).id);
  const question = id.success ? await findQuestionForEdit(id.data) : null;
  if (!question) notFound();
  const revisions = await listRevisions({ questionId: question.id });
  return (
    <div className="thread">
      <h1>History of a question</h1>
      <p>
        <Link href={`/questions/${question.id}/${question.slug}`}>{question.title}</Link>
      </p>
      <RevisionList revisions={revisions} />
    </div>
  );
}

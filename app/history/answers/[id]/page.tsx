import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RevisionList } from "@/components/revision-list";
import { findAnswerForEdit, listRevisions } from "@/lib/data/post-editing";
import { idSchema } from "@/lib/validation/post";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Answer history" };

export default async function AnswerHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idSchema.safeParse((await params).id);
  const answer = id.success ? await findAnswerForEdit(id.data) : null;
  if (!answer) notFound();
  const revisions = await listRevisions({ answerId: answer.id });
  return (
    <div className="thread">
      <h1>History of an answer</h1>
      <p>
        On <Link href={`/questions/${answer.question.id}/${answer.question.slug}#answer-${answer.id}`}>{answer.question.title}</Link>
      </p>
      <RevisionList revisions={revisions} />
    </div>
  );
}

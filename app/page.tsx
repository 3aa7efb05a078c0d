import type { Metadata } from "next";
import Link from "next/link";
import { QuestionList } from "@/components/question-list";
import { Pagination, parsePage } from "@/components/pagination";
import { listQuestions } from "@/lib/data/questions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { absolute: "Packets & Pointers: networking and CS Q&A" } };

export default async function HomePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = parsePage((await searchParams).page);
  const { questions, hasMore } = await listQuestions({ page });
  return (
    <>
      <div className="page-heading">
        <h1>Latest questions</h1>
        <Link href="/ask" className="button">
          Ask a question
        </Link>
      </div>
      <QuestionList questions={questions} />
      <Pagination basePath="/" page={page} hasMore={hasMore} />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { QuestionList } from "@/components/question-list";
import { Pagination, parsePage } from "@/components/pagination";
import { SortTabs } from "@/components/sort-tabs";
import { listQuestions } from "@/lib/data/questions";
import { parseSort, type ListSort } from "@/lib/validation/list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { absolute: "Packets & Pointers: networking and CS Q&A" } };

const headings: Record<ListSort, string> = {
  newest: "Latest questions",
  active: "Recently active questions",
  unanswered: "Questions without a best answer",
  top: "Top questions",
};

type Props = { searchParams: Promise<{ page?: string; sort?: string }> };

export default async function HomePage({ searchParams }: Props) {
  const params = await searchParams;
  const page = parsePage(params.page);
  const sort = parseSort(params.sort);
  const { questions, hasMore } = await listQuestions({ page, sort });
  return (
    <>
      <div className="page-heading">
        <h1>{headings[sort]}</h1>
        <Link href="/ask" className="button">
          Ask a question
        </Link>
      </div>
      <SortTabs basePath="/" sort={sort} />
      <QuestionList questions={questions} />
      <Pagination basePath="/" page={page} hasMore={hasMore} params={sort === "newest" ? {} : { sort }} />
    </>
  );
}

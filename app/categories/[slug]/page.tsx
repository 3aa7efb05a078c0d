import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pagination, parsePage } from "@/components/pagination";
import { QuestionList } from "@/components/question-list";
import { findCategoryBySlug } from "@/lib/data/categories";
import { listQuestions } from "@/lib/data/questions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };

async function loadCategory(params: Props["params"]) {
  const category = await findCategoryBySlug((await params).slug);
  if (!category) notFound();
  return category;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadCategory(params)).name };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const category = await loadCategory(params);
  const page = parsePage((await searchParams).page);
  const { questions, hasMore } = await listQuestions({ page, categoryId: category.id });
  return (
    <>
      <div className="page-heading">
        <h1>
          {category.emoji && <span aria-hidden="true">{category.emoji} </span>}
          {category.name}
        </h1>
      </div>
      {category.description && <p className="lede">{category.description}</p>}
      <QuestionList questions={questions} />
      <Pagination basePath={`/categories/${category.slug}`} page={page} hasMore={hasMore} />
    </>
  );
}

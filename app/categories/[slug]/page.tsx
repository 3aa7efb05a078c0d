import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pagination, parsePage } from "@/components/pagination";
import { QuestionList } from "@/components/question-list";
import { SortTabs } from "@/components/sort-tabs";
import { findCategoryBySlug } from "@/lib/data/categories";
import { FollowButton } from "@/components/html/follow-button";
import { HtmlIsland } from "@/components/html-island";
import { categoryPath } from "@/lib/paths";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isFollowing } from "@/lib/data/follows";
import { listQuestions } from "@/lib/data/questions";
import { parseSort } from "@/lib/validation/list";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string; sort?: string }> };

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
  const query = await searchParams;
  const page = parsePage(query.page);
  const sort = parseSort(query.sort);
  const user = await getCurrentUser();
  const [{ questions, hasMore }, following] = await Promise.all([
    listQuestions({ page, sort, categoryId: category.id }),
    user ? isFollowing(user.id, "category", category.id) : false,
  ]);
  const basePath = categoryPath(category.slug);
  return (
    <>
      <div className="page-heading">
        <h1>
          {category.emoji && <span aria-hidden="true">{category.emoji} </span>}
          {category.name}
        </h1>
        <HtmlIsland html={String(FollowButton({ target: "category", id: category.id, following, signedIn: !!user, back: basePath }))} />
      </div>
      {category.description && <p className="lede">{category.description}</p>}
      <SortTabs basePath={basePath} sort={sort} />
      <QuestionList questions={questions} />
      <Pagination basePath={basePath} page={page} hasMore={hasMore} params={sort === "newest" ? {} : { sort }} />
    </>
  );
}

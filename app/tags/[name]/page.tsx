import type { Metadata } from "next";
import { tagFeedPath } from "@/lib/web/web-paths";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pagination, parsePage } from "@/components/pagination";
import { QuestionList } from "@/components/question-list";
import { SortTabs } from "@/components/sort-tabs";
import { FollowButton } from "@/components/html/follow-button";
import { HtmlIsland } from "@/components/html-island";
import { tagPath } from "@/lib/paths";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isFollowing } from "@/lib/data/follows";
import { listQuestions } from "@/lib/data/questions";
import { findTag } from "@/lib/data/tags";
import { parseSort } from "@/lib/validation/list";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<{ page?: string; sort?: string }> };

// Tag names never contain "%", so decoding a second time (if the router already did) is harmless;
// a malformed escape is simply an unknown tag.
function decodeTagName(raw: string): string | null {
  try {
    return decodeURIComponent(raw).trim().toLowerCase();
  } catch {
    return null;
  }
}

async function loadTag(params: Props["params"]) {
  const name = decodeTagName((await params).name);
  const tag = name ? await findTag(name) : null;
  if (!tag) notFound();
  return tag;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await loadTag(params);
  return { title: `Questions tagged ${name}`, alternates: { types: { "application/atom+xml": [{ url: tagFeedPath(name), title: `Questions tagged ${name}` }] } } };
}

export default async function TagPage({ params, searchParams }: Props) {
  const tag = await loadTag(params);
  const query = await searchParams;
  const page = parsePage(query.page);
  const sort = parseSort(query.sort);
  const user = await getCurrentUser();
  const [{ questions, hasMore }, following] = await Promise.all([
    listQuestions({ page, sort, tagId: tag.id }),
    user ? isFollowing(user.id, "tag", tag.id) : false,
  ]);
  const basePath = tagPath(tag.name);
  return (
    <>
      <div className="page-heading">
        <h1>
          Questions tagged <span className="tag">{tag.name}</span>
        </h1>
        <Link href={`/search?tag=${encodeURIComponent(tag.name)}`} className="button-quiet">
          Search within this tag
        </Link>
        <HtmlIsland html={String(FollowButton({ target: "tag", id: tag.id, following, signedIn: !!user, back: basePath }))} />
      </div>
      <SortTabs basePath={basePath} sort={sort} />
      <QuestionList questions={questions} />
      <Pagination basePath={basePath} page={page} hasMore={hasMore} params={sort === "newest" ? {} : { sort }} />
    </>
  );
}

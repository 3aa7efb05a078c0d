import { pageResponse, readPaging } from "@/lib/api/paging";
import { presentUserSummary } from "@/lib/api/present";
import { apiRead } from "@/lib/api/route";
import { listApiMembers } from "@/lib/data/api-reads";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/route";

/** Members by points, most first. */
export const GET = apiRead(async (request) => {
  const url = new URL(request.url);
  const paging = readPaging(url);
  const { members, hasMore } = await listApiMembers(paging);
  return pageResponse(url, members.map(presentUserSummary), paging, hasMore);
});

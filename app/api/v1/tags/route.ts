import { pageResponse, readPaging } from "@/lib/api/paging";
import { presentTag } from "@/lib/api/present";
import { apiRead } from "@/lib/api/route";
import { listTags } from "@/lib/data/tags";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/route";

/** Tags in use, most used first. */
export const GET = apiRead(async (request) => {
  const url = new URL(request.url);
  const paging = readPaging(url);
  const rows = await listTags({ limit: paging.pageSize + 1, offset: (paging.page - 1) * paging.pageSize });
  return pageResponse(url, rows.slice(0, paging.pageSize).map(presentTag), paging, rows.length > paging.pageSize);
});

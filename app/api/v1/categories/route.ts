import { apiRead, jsonResponse } from "@/lib/api/route";
import { listCategoryChoices } from "@/lib/data/categories";
import { categoryPath } from "@/lib/paths";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/route";

/** Every category (few, set by admins): asking needs one's id. */
export const GET = apiRead(async () => {
  const categories = await listCategoryChoices();
  return jsonResponse({ items: categories.map((c) => ({ id: c.id, slug: c.slug, name: c.name, links: { html: categoryPath(c.slug) } })) });
});

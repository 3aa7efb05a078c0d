import { ImageUploadPage } from "@/components/html/image-upload-page";
import { forumAssets } from "@/lib/assets";
import { getCurrentUser } from "@/lib/auth/current-user";

export const dynamic = "force-dynamic";

/** The upload page for a browser without JavaScript (the editor's "Add image" link opens it). */
export async function GET(): Promise<Response> {
  const user = await getCurrentUser().catch(() => null);
  const page = await ImageUploadPage({ outcome: null, assets: forumAssets(), member: user });
  return new Response(String(page), { headers: { "Cache-Control": "no-store", "Content-Type": "text/html; charset=utf-8" } });
}

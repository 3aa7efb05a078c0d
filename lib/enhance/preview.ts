/** The live preview's request: the server's Markdown pipeline, so it matches the stored post. */
export type MarkdownKind = "post" | "comment";
export type Preview = { html: string } | { error: string };

export const PREVIEW_DELAY_MS = 250;
export const PREVIEW_UNAVAILABLE = "The preview is unavailable right now.";

export async function fetchPreview(markdown: string, kind: MarkdownKind, signal: AbortSignal): Promise<Preview> {
  const res = await fetch("/api/preview", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ markdown, kind }),
    signal,
  });
  const data = (await res.json().catch(() => ({}))) as { html?: unknown; error?: unknown };
  if (res.ok && typeof data.html === "string") return { html: data.html };
  return { error: typeof data.error === "string" ? data.error : PREVIEW_UNAVAILABLE };
}

/** "1,234 / 30,000": the counter under a Markdown field. */
export const countText = (length: number, max: number) => `${length.toLocaleString("en-US")} / ${max.toLocaleString("en-US")}`;

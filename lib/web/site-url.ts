/**
 * The forum's absolute origin, for the addresses that must be absolute: canonical links, Open
 * Graph and JSON-LD URLs, the sitemap and feeds. From SITE_URL (e.g. https://forum.example.org),
 * never from the request's Host header: signed-out pages, feeds and the sitemap are cached and
 * served to everyone, so a Host a client made up would end up in every reader's copy (cache
 * poisoning). Without SITE_URL the addresses name http://localhost:PORT, right for a forum tried
 * on one's own machine; a public forum sets SITE_URL.
 */

function parseSiteUrl(value: string | undefined): string {
  const port = process.env.PORT || "3000";
  if (!value?.trim()) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`SITE_URL must be an absolute http(s) address such as https://forum.example.org, not "${value}".`);
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password || url.search || url.hash) {
    throw new Error(`SITE_URL must be an absolute http(s) address such as https://forum.example.org, not "${value}".`);
  }
  // A forum served under a path (https://example.org/forum) keeps it, without the final slash.
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

let origin: string | undefined;

/** The origin every absolute address starts with, without a final slash. */
export function siteOrigin(): string {
  return (origin ??= parseSiteUrl(process.env.SITE_URL));
}

/** A path of the forum ("/questions/1/x") as an absolute address. */
export const absoluteUrl = (path: string) => `${siteOrigin()}${path}`;

export const __test = { parseSiteUrl };

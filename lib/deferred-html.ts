/**
 * HTML that a page keeps out of React's tree, and so out of the payload React sends along for
 * hydration, where every string is escaped twice more: the page renders an empty element
 * marked with a token, and the front door (server/html-capture.ts) puts the HTML in before the
 * response leaves. Only document requests may defer (the front door says which, through
 * DEFER_HTML_HEADER); client-side navigations get the HTML inline in the payload.
 * The page and the front door run in one process and share this registry through globalThis
 * (the page's copy of this module is bundled apart from the server's).
 */
export const DEFER_HTML_HEADER = "x-forum-defer-html";
/** The attribute of the element the front door fills; it must come last in the element. */
export const FILL_ATTRIBUTE = "data-fill";

// Bytes when the page keeps them ready: a thread's shared posts are encoded once, not per
// request. A list goes in piece by piece, so a page of shared and member-built parts is never
// copied into one string first.
export type DeferredHtml = string | Buffer | readonly (string | Buffer)[];
type Fill = { html: DeferredHtml; at: number };
type Registry = { fills: Map<string, Fill>; prefix: string; count: number };
const g = globalThis as typeof globalThis & { __forumDeferredHtml?: Registry };
const registry: Registry = (g.__forumDeferredHtml ??= { fills: new Map(), prefix: Math.random().toString(36).slice(2, 10), count: 0 });

// A response that never completed (the client went away) leaves its fills behind.
const ABANDONED_AFTER_MS = 60_000;

/** Registers `html` for the front door to put into the element marked with the returned token. */
export function deferHtml(html: DeferredHtml): string {
  const now = Date.now();
  if (++registry.count % 256 === 0) {
    for (const [token, fill] of registry.fills) {
      if (now - fill.at < ABANDONED_AFTER_MS) break;
      registry.fills.delete(token);
    }
  }
  const token = `${registry.prefix}${registry.count.toString(36)}`;
  registry.fills.set(token, { html, at: now });
  return token;
}

const MARK = Buffer.from(` ${FILL_ATTRIBUTE}="`);
const QUOTE = 0x22;
const CLOSE = Buffer.from("></div>");

/**
 * Puts each deferred HTML into its element: `<div ... data-fill="TOKEN"></div>` (the attribute
 * last, as the thread page renders it). Tokens are random per process and used
 * once, and post text cannot form `"></div>` (its `<` is escaped), so nothing else matches.
 * It works on the bytes: decoding the whole page to search it cost more than the rest.
 */
export function fillDeferredHtml(body: Buffer): Buffer {
  if (registry.fills.size === 0) return body;
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(MARK); at >= 0; at = body.indexOf(MARK, at + MARK.length)) {
    const start = at + MARK.length;
    const end = body.indexOf(QUOTE, start);
    if (end <= start) continue;
    const token = body.toString("latin1", start, end);
    const fill = registry.fills.get(token);
    if (!fill || !body.subarray(end + 1, end + 1 + CLOSE.length).equals(CLOSE)) continue;
    registry.fills.delete(token);
    parts.push(body.subarray(from, end + 2));
    for (const piece of Array.isArray(fill.html) ? fill.html : [fill.html]) parts.push(typeof piece === "string" ? Buffer.from(piece) : piece);
    from = end + 2;
  }
  if (parts.length === 0) return body;
  parts.push(body.subarray(from));
  return Buffer.concat(parts);
}

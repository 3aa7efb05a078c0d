/**
 * A member's thread page is sent as plain HTML too (plain-html.ts), with one small script of
 * the forum's own (page-script.ts) instead of React's. Hydrating it took 142 kB gzipped of
 * framework code (React DOM 70 kB and Next's client router 36 kB before any of the forum's),
 * over the 100 kB a thread page may cost, and React had almost nothing to do there: the posts
 * are prebuilt HTML and every control is a link or a form that works without JavaScript. The
 * script adds votes in place, confirmations, pending labels, the live preview and forms opened
 * in place (lib/enhance). The search page is sent the same way, to everyone (it is never
 * cached): its results are prebuilt HTML too (components/search-results-markup.ts), and its form
 * and links need no script. Other pages, and a thread or search reached by a client-side
 * navigation from one of them, stay React's.
 */
import { withoutScripts } from "./plain-html";
import { threadPageScript } from "./page-script";

export const isThreadPath = (pathname: string) => /^\/questions\/\d+(?:\/|$)/.test(pathname);

const HEAD_CLOSE = Buffer.from("</head>");

export function plainMemberPage(html: Buffer, status: number): Buffer {
  const plain = withoutScripts(html, status);
  // Unchanged: a page React must finish in the browser (an error page), or no page at all.
  if (plain === html) return html;
  const at = plain.indexOf(HEAD_CLOSE);
  if (at === -1) return plain;
  const tag = Buffer.from(`<script src="${threadPageScript().path}" defer=""></script>`);
  return Buffer.concat([plain.subarray(0, at), tag, plain.subarray(at)]);
}

const isSearchPath = (pathname: string) => pathname === "/search";

/** How a page that is not served from the shared cache is rewritten, by its path. */
export const memberPageTransform = (pathname: string) => (isThreadPath(pathname) || isSearchPath(pathname) ? plainMemberPage : undefined);

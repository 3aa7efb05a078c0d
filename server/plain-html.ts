/**
 * Signed-out readers get pages as plain HTML: every script and script preload taken out.
 * Nothing on a public page needs JavaScript for someone signed out (their controls are links
 * to log in and GET forms, and every form also works without it), and the scripts were most of
 * the bytes: on a 30-answer thread, 99 kB of the 160 kB HTML is React's payload for hydrating
 * a page that has nothing to hydrate, plus 140 kB gzipped of framework code to run it. The
 * scan works on bytes for the reason security-headers.ts gives; React writes these tags in
 * lower case and escapes "<" inside its inline scripts, and user content never carries a raw
 * tag (the sanitizer removes scripts, text is escaped).
 */

const SCRIPT_OPEN = Buffer.from("<script");
const SCRIPT_CLOSE = Buffer.from("</script>");
const LINK_OPEN = Buffer.from("<link");

/** Index just past the element that starts at `at`, or -1 to keep it. */
type ElementEnd = (html: Buffer, at: number) => number;

// JSON-LD is data for search engines, not code: signed-out pages (what crawlers read) keep it.
const DATA_BLOCK = /\btype="application\/ld\+json"/;

const endOfScript: ElementEnd = (html, at) => {
  const tagEnd = html.indexOf(">", at);
  if (tagEnd !== -1 && DATA_BLOCK.test(html.toString("latin1", at, tagEnd))) return -1;
  const close = html.indexOf(SCRIPT_CLOSE, at);
  return close === -1 ? -1 : close + SCRIPT_CLOSE.length;
};

const endOfScriptPreload: ElementEnd = (html, at) => {
  const tagEnd = html.indexOf(">", at);
  if (tagEnd === -1) return -1;
  const attrs = html.toString("latin1", at, tagEnd);
  const loadsScript = /\brel="modulepreload"/.test(attrs) || (/\brel="preload"/.test(attrs) && /\bas="script"/.test(attrs));
  return loadsScript ? tagEnd + 1 : -1;
};

function removeElements(html: Buffer, open: Buffer, endOf: ElementEnd): Buffer {
  const kept: Buffer[] = [];
  let copied = 0;
  let at = 0;
  while ((at = html.indexOf(open, at)) !== -1) {
    const next = html[at + open.length];
    // " ", ">" or "/" after the name: "<scripts>" or "<linked>" are other (unknown) tags.
    const isTag = next === 0x20 || next === 0x3e || next === 0x2f;
    const end = isTag ? endOf(html, at) : -1;
    if (end === -1) {
      at += open.length;
      continue;
    }
    kept.push(html.subarray(copied, at));
    copied = at = end;
  }
  if (copied === 0) return html;
  kept.push(html.subarray(copied));
  return Buffer.concat(kept);
}

// Pages React finishes in the browser: Next's error shell (its 404s and error pages put the
// message in the payload only), and a boundary that failed on the server ("<!--$!-->").
const NEEDS_CLIENT = [Buffer.from('id="__next_error__"'), Buffer.from("<!--$!-->")];

/** The page without scripts, or unchanged when it is not a complete server-rendered page. */
export function withoutScripts(html: Buffer, status = 200): Buffer {
  if (status !== 200 || NEEDS_CLIENT.some((marker) => html.includes(marker))) return html;
  return removeElements(removeElements(html, SCRIPT_OPEN, endOfScript), LINK_OPEN, endOfScriptPreload);
}

/**
 * The pages sent as plain HTML to members too (signed-out readers get every cached page so): the
 * search page, whose results are prebuilt HTML (components/search-results-markup.ts) and whose
 * form and links need no script. Other React pages keep theirs.
 */
export const plainPageTransform = (pathname: string) => (pathname === "/search" ? withoutScripts : undefined);

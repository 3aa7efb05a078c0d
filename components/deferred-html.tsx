"use client";
import type { HTMLAttributes } from "react";
import { FILL_ATTRIBUTE } from "@/lib/deferred-html-attribute";

// What each deferred element held when the page loaded. A later render from the router's
// cache of that first payload (back and forward) carries only the token, not the HTML.
const kept = new Map<string, string>();

type Props = HTMLAttributes<HTMLDivElement> & { html: string; fill?: string };

/**
 * A `<div>` of prebuilt HTML. With `fill` (a token from lib/deferred-html.ts) the server sends
 * it empty and the front door fills it; in the browser its content is then read back from the
 * page, so React never needs the HTML in its payload.
 */
export function DeferredHtml({ html, fill, ...rest }: Props) {
  let content = html;
  if (fill) {
    content = kept.get(fill) ?? (typeof document === "undefined" ? "" : (document.querySelector(`[${FILL_ATTRIBUTE}="${fill}"]`)?.innerHTML ?? ""));
    if (content) kept.set(fill, content);
  }
  // The fill attribute goes last: the front door looks for it right before the element's end.
  return <div {...rest} dangerouslySetInnerHTML={{ __html: content }} {...{ [FILL_ATTRIBUTE]: fill }} />;
}

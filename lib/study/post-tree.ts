/**
 * A stored post's HTML (already sanitized when it was written: lib/markdown/pipeline.ts) read
 * back as a HAST tree, for the study sheet's PDF and the quiz to walk. A real HTML parser
 * (parse5, through hast-util-from-html) reads it: linear in the text, unlike the Markdown
 * parser, so it runs on the serving thread without a deadline.
 */
import type { Element, ElementContent, Root } from "hast";
import { fromHtml } from "hast-util-from-html";

export type { Element, ElementContent, Root };

export const postTree = (html: string): Root => fromHtml(html, { fragment: true });

/** An element's text as a reader sees it, runs of white space made one space. */
export function textOf(node: Root | ElementContent): string {
  const parts: string[] = [];
  const walk = (n: Root | ElementContent) => {
    if (n.type === "text") parts.push(n.value);
    else if (n.type === "element" && n.tagName === "br") parts.push(" ");
    else if ("children" in n) for (const child of n.children) walk(child as ElementContent);
  };
  walk(node);
  return parts.join("").replace(/\s+/g, " ").trim();
}

/** Every element named `tagName` under `node`, in document order (not looking inside matches). */
export function findElements(node: Root | Element, tagName: string): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (child.tagName === tagName) found.push(child);
    else found.push(...findElements(child, tagName));
  }
  return found;
}

export const childElements = (node: Element | Root, tagName?: string): Element[] =>
  (node.children as Root["children"]).filter((c): c is Element => c.type === "element" && (tagName === undefined || c.tagName === tagName));

/**
 * Which images a post may show: only members' uploads, served by the forum itself
 * (/uploads/<id>/<variant>.<ext>, server/uploads.ts). The page's CSP (img-src 'self') would
 * block any other anyway; an image from elsewhere becomes a link to it instead (a broken image
 * helps no one, and a third-party image would tell that site who reads the post), or, inside a
 * link already, its alt text. Runs after the sanitizer, on what it kept, and before the links'
 * rel is set (pipeline.ts), so the links made here get it too.
 */
import type { Element, ElementContent, Root, RootContent } from "hast";

export const UPLOADED_IMAGE_PATH = /^\/uploads\/[A-Za-z0-9_-]{22}\/(original|display)\.(png|jpg|webp|gif)$/;

function textOf(value: unknown): string {
  return typeof value === "string" ? value : Array.isArray(value) ? value.join(" ") : "";
}

function replaceImage(img: Element, insideLink: boolean): ElementContent {
  const src = textOf(img.properties.src);
  const alt = textOf(img.properties.alt);
  if (UPLOADED_IMAGE_PATH.test(src)) {
    const properties: Element["properties"] = { src, alt, loading: "lazy", decoding: "async" };
    if (img.properties.title !== undefined) properties.title = textOf(img.properties.title);
    return { ...img, properties, children: [] };
  }
  const label = alt || src;
  if (insideLink || !/^https?:\/\//i.test(src)) return { type: "text", value: label };
  return { type: "element", tagName: "a", properties: { href: src }, children: [{ type: "text", value: label }] };
}

function walk(nodes: (RootContent | ElementContent)[], insideLink: boolean): void {
  nodes.forEach((node, i) => {
    if (node.type !== "element") return;
    if (node.tagName === "img") {
      nodes[i] = replaceImage(node, insideLink);
      return;
    }
    walk(node.children, insideLink || node.tagName === "a");
  });
}

export const rehypeForumImages = () => (tree: Root) => walk(tree.children, false);

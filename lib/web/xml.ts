/**
 * A tiny XML builder for the sitemap and feeds: elements are values, and every text and
 * attribute is escaped when written, so user text (titles, names, post HTML inside an Atom
 * <content type="html">) can never become markup. Characters XML 1.0 cannot hold at all (most
 * control characters, lone surrogates) are dropped rather than written.
 */

export type XmlNode = { name: string; attrs: Record<string, string | number | undefined>; children: XmlChild[] };
export type XmlChild = XmlNode | string | number | null | undefined | false;

export function el(name: string, attrs: XmlNode["attrs"] = {}, ...children: (XmlChild | XmlChild[])[]): XmlNode {
  return { name, attrs, children: children.flat() };
}

// Not allowed anywhere in an XML 1.0 document, escaped or not.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const escapeAttr = (value: string) => escapeXmlText(value).replace(/"/g, "&quot;").replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");

function write(node: XmlChild, out: string[]): void {
  if (node === null || node === undefined || node === false) return;
  if (typeof node !== "object") return void out.push(escapeXmlText(String(node)));
  out.push(`<${node.name}`);
  for (const [k, v] of Object.entries(node.attrs)) if (v !== undefined) out.push(` ${k}="${escapeAttr(String(v))}"`);
  if (node.children.length === 0) return void out.push("/>");
  out.push(">");
  for (const child of node.children) write(child, out);
  out.push(`</${node.name}>`);
}

/** The whole document, with its XML declaration. */
export function renderXml(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, out);
  out.push("\n");
  return out.join("");
}

/**
 * The one Markdown -> sanitized HTML pipeline, synchronous. The forum runs it in worker threads
 * with a deadline (lib/markdown/render.ts): parsing is superlinear in some inputs. The benchmark's
 * data generator and unit tests call it directly. No "server-only": they run outside Next.js.
 */
import type { ElementContent, Root as HastRoot, RootContent as HastNode } from "hast";
import type { Root as MdastRoot, RootContent as MdastNode } from "mdast";
import rehypeSanitize, { defaultSchema, type Options as Schema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { rehypeForumImages } from "./images";
import { rehypeMentions, type MentionableMembers } from "./mentions";
import { HIGHLIGHT_CLASSES, rehypeCodeHighlight, rehypeUnwrapBareSpans } from "./code-highlight";

// Stored beside rendered HTML so stale renders can be found and redone.
// Bump whenever the output for the same source can change.
// 2: code blocks highlighted (./code-highlight.ts); images only from /uploads (./images.ts).
// 3: @mentions of members as links; tables wrapped in a focusable scroll box (wrapTables).
export const MARKDOWN_PIPELINE_VERSION = 3;

const CLOBBER_PREFIX = defaultSchema.clobberPrefix ?? "user-content-";

// "*" already allows align; th/td list it so GFM column alignment survives
// any later tightening of the global list.
const postSchema: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [["className", "hljs", /^language-[\w+#.-]+$/]],
    span: [["className", ...HIGHLIGHT_CLASSES]],
    th: ["align"],
    td: ["align"],
  },
};

const commentSchema: Schema = {
  ...defaultSchema,
  // Anything not listed is unwrapped (text kept), so block syntax degrades to text.
  tagNames: ["p", "a", "code", "em", "strong", "del", "br"],
  attributes: { a: ["href"] },
  ancestors: {},
  required: {},
};

function fixLinks(nodes: HastNode[]): void {
  for (const el of nodes) {
    if (el.type !== "element") continue;
    const href = el.properties.href;
    if (el.tagName === "a" && typeof href === "string") {
      // Sanitize prefixes ids (anti DOM-clobbering) but not fragment links;
      // re-point those so footnote links still land.
      if (!href.startsWith("#")) el.properties.rel = ["nofollow", "ugc", "noopener"];
      else if (!href.startsWith(`#${CLOBBER_PREFIX}`)) el.properties.href = `#${CLOBBER_PREFIX}${href.slice(1)}`;
    }
    fixLinks(el.children);
  }
}

// Runs after sanitize, so the attributes set here are ours, not the author's.
const rehypeForumLinks = () => (tree: HastRoot) => fixLinks(tree.children);

function textOf(node: HastNode | ElementContent): string {
  if (node.type === "text") return node.value;
  return node.type === "element" ? node.children.map(textOf).join("") : "";
}

/** "Table: Feature, Client-Server, Peer-to-Peer": the header row names the scroll box. */
function tableLabel(table: Extract<HastNode, { type: "element" }>): string {
  const head = table.children.find((c) => c.type === "element" && c.tagName === "thead");
  const row = head?.type === "element" ? head.children.find((c) => c.type === "element" && c.tagName === "tr") : undefined;
  const names = row?.type === "element" ? row.children.filter((c) => c.type === "element").map((c) => textOf(c).replace(/\s+/g, " ").trim()).filter(Boolean) : [];
  const label = names.length ? `Table: ${names.join(", ")}` : "Table";
  return label.length > 100 ? `${label.slice(0, 99)}…` : label;
}

/**
 * Every table inside a scroll box of its own, so that a wide table scrolls inside the post on a
 * small screen instead of widening the page: a region named after its header row that takes
 * keyboard focus (a keyboard user scrolls it with the arrow keys), styled in globals.css with
 * the "scroll sideways" hint. Added after the sanitizer, which still refuses every div, role and
 * tabindex an author writes: this wrapper is the only one a post can hold.
 */
function wrapTables(nodes: HastNode[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const el = nodes[i]!;
    if (el.type !== "element") continue;
    if (el.tagName === "table") {
      nodes[i] = { type: "element", tagName: "div", properties: { className: ["table-scroll"], role: "region", ariaLabel: tableLabel(el), tabIndex: 0 }, children: [el] };
    } else {
      wrapTables(el.children);
    }
  }
}

const rehypeTableScroll = () => (tree: HastRoot) => wrapTables(tree.children);

// remark-rehype would prefix footnote ids itself and sanitize would prefix them
// again; let sanitize be the only one doing it.
const postProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { clobberPrefix: "" })
  .use(...rehypeCodeHighlight)
  .use(rehypeSanitize, postSchema)
  .use(rehypeForumImages)
  .use(rehypeUnwrapBareSpans)
  .use(rehypeForumLinks)
  .use(rehypeMentions)
  .use(rehypeTableScroll)
  .use(rehypeStringify)
  .freeze();

// Unwrapped blocks leave loose text and newline runs at the top level; gather
// them into <p>s so a comment reads as plain paragraphs.
function rehypeLooseToParagraphs() {
  return (tree: HastRoot) => {
    const out: HastRoot["children"] = [];
    let run: ElementContent[] = [];
    const flush = () => {
      const first = run[0];
      const last = run[run.length - 1];
      if (first?.type === "text") first.value = first.value.trimStart();
      if (last?.type === "text") last.value = last.value.trimEnd();
      if (run.some((n) => n.type !== "text" || n.value !== "")) {
        out.push({ type: "element", tagName: "p", properties: {}, children: run });
      }
      run = [];
    };
    for (const node of tree.children) {
      if (node.type === "element" && node.tagName === "p") {
        flush();
        out.push(node);
      } else if (node.type === "element") {
        run.push(node);
      } else if (node.type === "text") {
        const prev = run[run.length - 1];
        const blank = /^\s*$/.test(node.value);
        if (blank && (!prev || (prev.type === "text" && /\s$/.test(prev.value)))) continue;
        run.push(blank ? { type: "text", value: " " } : node);
      }
    }
    flush();
    tree.children = out;
  };
}

const commentProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, {
    clobberPrefix: "",
    handlers: {
      // An unwrapped <img> would vanish entirely; keep its alt text instead.
      image: (_state, node: { alt?: string | null }) => ({ type: "text", value: node.alt ?? "" }),
      // Footnotes make no sense in a one-liner; leaving the marker as typed
      // also keeps remark-rehype from appending a "Footnotes" section.
      footnoteReference: (_state, node: { label?: string | null; identifier: string }) => ({
        type: "text",
        value: `[^${node.label ?? node.identifier}]`,
      }),
    },
  })
  .use(rehypeSanitize, commentSchema)
  .use(rehypeLooseToParagraphs)
  .use(rehypeForumLinks)
  .use(rehypeMentions)
  .use(rehypeStringify)
  .freeze();

const mdastParser = unified().use(remarkParse).use(remarkGfm).freeze();

/** What a render is given beside the text: the members it mentions (lib/markdown/mentions.ts). */
export type RenderContext = { mentions?: MentionableMembers };

// Options unified makes its file from; each plugin reads the context from the file's data.
const fileOf = (source: string, context: RenderContext) => ({ value: source, data: { mentions: context.mentions } });

export function renderMarkdown(source: string, context: RenderContext = {}): string {
  return String(postProcessor.processSync(fileOf(source, context)));
}

/** A question's HTML and the excerpt lists show, from one parse (parsing is most of the cost). */
export function renderQuestionMarkdown(source: string, excerptChars = 220, context: RenderContext = {}): { html: string; excerpt: string } {
  const file = fileOf(source, context);
  const tree = postProcessor.parse(file);
  const excerpt = excerptFromTree(tree, excerptChars);
  return { html: postProcessor.stringify(postProcessor.runSync(tree, file), file), excerpt };
}

export function renderCommentMarkdown(source: string, context: RenderContext = {}): string {
  return String(commentProcessor.processSync(fileOf(source, context))).trim();
}

const PHRASING = new Set(["emphasis", "strong", "delete", "link", "linkReference"]);

function collectText(node: MdastRoot | MdastNode, out: string[]): void {
  if (node.type === "text" || node.type === "inlineCode") out.push(node.value);
  else if (node.type === "break") out.push(" ");
  if (!("children" in node)) return; // code blocks, raw html, images: not prose
  for (const child of node.children) collectText(child, out);
  // Blocks (and table cells) would otherwise run into each other: "FeatureClient-Server".
  if (!PHRASING.has(node.type)) out.push(" ");
}

export function excerptFromMarkdown(source: string, maxChars = 200): string {
  return excerptFromTree(mdastParser.parse(source), maxChars);
}

function excerptFromTree(tree: MdastRoot, maxChars: number): string {
  const parts: string[] = [];
  collectText(tree, parts);
  const text = parts.join("").replace(/\s+/g, " ").trim();
  const chars = Array.from(text); // code points, so emoji are never split
  if (chars.length <= maxChars) return text;
  // Leave room for the ellipsis so the result never exceeds maxChars.
  let cut = chars.slice(0, Math.max(0, maxChars - 1)).join("");
  const space = cut.lastIndexOf(" ");
  if (space > cut.length / 2) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:.\-–—]+$/u, "")}…`;
}

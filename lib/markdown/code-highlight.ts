/**
 * Code blocks are highlighted when a post is rendered, on the server (rehype-highlight over
 * lowlight's common grammars: highlight.js, pure JS), so the browser gets coloured spans and
 * no highlighter. Only fenced blocks that name their language are highlighted (no guessing:
 * guessing runs every grammar over the text, and guesses wrong on short snippets); a language
 * lowlight does not know is left plain.
 *
 * The sanitizer runs after the highlighter and keeps, of its classes, exactly the ones
 * components/html/styles/code-highlight.css colours (tests/markdown.test.ts checks that the
 * two lists agree): highlight.js's nested-scope suffixes ("function_", "class_") and anything
 * an author could put in a class are dropped.
 */
import type { Element, ElementContent, Root } from "hast";
import rehypeHighlight from "rehype-highlight";

export const rehypeCodeHighlight = [rehypeHighlight, { detect: false }] as const;

/** The highlight.js scopes the forum colours, as classes ("hljs-" + scope). */
export const HIGHLIGHT_CLASSES = [
  "keyword", "doctag", "template-tag", "type", "built_in", "symbol", "title", "section",
  "attr", "attribute", "literal", "number", "operator", "variable", "template-variable",
  "selector-attr", "selector-class", "selector-id", "string", "regexp", "char", "meta",
  "comment", "code", "formula", "name", "quote", "selector-tag", "selector-pseudo", "bullet",
  "link", "emphasis", "strong", "addition", "deletion",
].map((scope) => `hljs-${scope}`);

function unwrapBareSpans(parent: Root | Element): void {
  parent.children = parent.children.flatMap((node): ElementContent[] => {
    if (node.type !== "element") return [node as ElementContent];
    unwrapBareSpans(node);
    const classes = node.properties.className;
    const bare = node.tagName === "span" && (!Array.isArray(classes) || classes.length === 0) && Object.keys(node.properties).length <= 1;
    return bare ? node.children : [node];
  });
}

/**
 * Runs after the sanitizer: a span whose every class was dropped (a scope the forum does not
 * colour) says nothing, so its text takes its place instead of a `<span class="">`.
 */
export const rehypeUnwrapBareSpans = () => (tree: Root) => unwrapBareSpans(tree);

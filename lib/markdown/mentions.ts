/**
 * @name mentions as links to the member's page, in the rendered HTML. Which names are members
 * is the database's to say, so the caller looks them up (lib/markdown/render.ts) and the
 * pipeline gets them with the text (`file.data.mentions`: lowercased name -> username). Runs
 * after the sanitizer, so the links are the forum's own; never inside code, or inside a link
 * (a mention in a link's text stays that link's text). No "server-only": the workers run it.
 */
import type { Element, ElementContent, Root } from "hast";
import { MENTION_PATTERN, mentionCandidates } from "../notifications/mentions";

export type MentionableMembers = Record<string, string>;

const SKIP = new Set(["a", "code", "pre"]);

function mentionLink(username: string, written: string): Element {
  return {
    type: "element",
    tagName: "a",
    properties: { href: `/users/${encodeURIComponent(username)}`, className: ["mention"] },
    children: [{ type: "text", value: written }],
  };
}

/** A text split at the mentions of members, or null when it names none. */
function linkMentions(text: string, members: MentionableMembers): ElementContent[] | null {
  const out: ElementContent[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION_PATTERN)) {
    const written = match[1] ?? "";
    // "@alice." at a sentence's end: a member named "alice." if there is one, else "alice".
    const key = mentionCandidates(written.toLowerCase()).find((k) => Object.hasOwn(members, k));
    if (key === undefined) continue;
    const start = match.index;
    const end = start + 1 + key.length;
    if (start > last) out.push({ type: "text", value: text.slice(last, start) });
    out.push(mentionLink(members[key]!, text.slice(start, end)));
    last = end;
  }
  if (last === 0) return null;
  if (last < text.length) out.push({ type: "text", value: text.slice(last) });
  return out;
}

function walk(children: ElementContent[], members: MentionableMembers): ElementContent[] {
  return children.flatMap((node) => {
    if (node.type === "text") return linkMentions(node.value, members) ?? [node];
    if (node.type === "element" && !SKIP.has(node.tagName)) node.children = walk(node.children, members);
    return [node];
  });
}

export const rehypeMentions = () => (tree: Root, file: { data: object }) => {
  const members = (file.data as { mentions?: MentionableMembers }).mentions;
  if (!members || Object.keys(members).length === 0) return;
  tree.children = walk(tree.children as ElementContent[], members) as Root["children"];
};

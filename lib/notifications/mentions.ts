/**
 * Finding @username mentions in a post's Markdown source. No "server-only": pure, unit-testable.
 * The name pattern matches what sign-up allows (lib/validation/account.ts).
 */
export const MAX_MENTIONS_PER_POST = 10;

// Not after a name character, "@" or "/": "bob@example.org" is an address and
// "https://mastodon.social/@bob" a link, not mentions.
export const MENTION_PATTERN = /(?<![A-Za-z0-9_.@/-])@([A-Za-z0-9_.-]{3,30})/g;
// Code is quoted text: an "@decorator" in a snippet should not ping anyone.
const FENCED_CODE = /(```|~~~)[\s\S]*?(?:\1|$)/g;
const INLINE_CODE = /`[^`\n]*`/g;

/**
 * The distinct names mentioned in `text`, first ones first, at most MAX_MENTIONS_PER_POST. Each
 * is a list of usernameKey candidates, best first: "@alice." at a sentence's end may mean
 * "alice." or "alice", and only the database knows which exists.
 */
export function findMentions(text: string): string[][] {
  const plain = text.replace(FENCED_CODE, " ").replace(INLINE_CODE, " ");
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const match of plain.matchAll(MENTION_PATTERN)) {
    const key = (match[1] ?? "").toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(mentionCandidates(key));
    if (out.length === MAX_MENTIONS_PER_POST) break;
  }
  return out;
}

/** The usernameKeys a written (lowercased) mention may mean, best first: "alice." then "alice". */
export function mentionCandidates(key: string): string[] {
  const trimmed = key.replace(/[.-]+$/, "");
  return trimmed !== key && trimmed.length >= 3 ? [key, trimmed] : [key];
}

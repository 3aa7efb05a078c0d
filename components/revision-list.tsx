import { diffLines, splitLines } from "@/lib/diff";
import { RelativeTime } from "./relative-time";

type Revision = { id: number; title: string | null; bodyMd: string; summary: string | null; createdAt: Date; editor: { username: string } };

/** Every version of a post, newest first, each with what changed from the one before. */
export function RevisionList({ revisions }: { revisions: Revision[] }) {
  const entries = revisions.map((r, i) => ({ revision: r, previous: revisions[i - 1], number: i + 1 })).reverse();
  return (
    <ol className="revisions" reversed>
      {entries.map(({ revision, previous, number }) => (
        <li key={revision.id} className="revision">
          <h2>
            {number === 1 ? "Original" : `Revision ${number}`} by {revision.editor.username}, <RelativeTime date={revision.createdAt} />
          </h2>
          {revision.summary && <p className="revision-summary">Edit summary: {revision.summary}</p>}
          {previous && previous.title !== revision.title && revision.title && (
            <p>
              Title: <del>{previous.title}</del> → <ins>{revision.title}</ins>
            </p>
          )}
          {/* Each line is a block of its own (globals.css .diff-*): no newline between them, or pre-wrap doubles every line. */}
          <pre className="diff" aria-label="Changes">
            {(previous ? diffLines(previous.bodyMd, revision.bodyMd) : splitLines(revision.bodyMd).map((text) => ({ kind: "same" as const, text }))).map((line, i) => (
              <span key={i} className={`diff-${line.kind}`}>
                {line.kind === "added" ? "+ " : line.kind === "removed" ? "- " : "  "}
                {line.text}
              </span>
            ))}
          </pre>
        </li>
      ))}
    </ol>
  );
}

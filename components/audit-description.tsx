import Link from "next/link";
import type { ReactNode } from "react";
import { closeReasons } from "@/lib/close-reasons";
import type { AuditEntryRow, AuditTargets } from "@/lib/data/audit-log";
import { formatExact } from "@/lib/format";
import { answerPath, categoryPath, commentPath, questionPath, userPath } from "@/lib/paths";

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const roleNames: Record<string, string> = { MEMBER: "a member", MODERATOR: "a moderator", ADMIN: "an admin" };

/**
 * One line of the audit log as a sentence, with the members, posts and categories it names as
 * links ("suspended bob until Mar 15, 2026, 12:00 PM UTC"), from the entry and the targets
 * loaded for its page (lib/data/audit-log.ts). What no longer exists is named by its number.
 */
export function AuditDescription({ entry, targets }: { entry: AuditEntryRow; targets: AuditTargets }) {
  const before = asObject(entry.before);
  const after = asObject(entry.after);
  const id = entry.targetId ?? 0;

  const question = (qid: number | null): ReactNode => {
    const q = qid === null ? undefined : targets.questions.get(qid);
    return q ? <Link href={questionPath(q)}>{q.title}</Link> : <>question #{qid}</>;
  };
  const answer = (aid: number): ReactNode => {
    const a = targets.answers.get(aid);
    if (!a) return <>answer #{aid}</>;
    return (
      <>
        <Link href={answerPath(a.question, a.id)}>{a.author}&rsquo;s answer</Link> to <Link href={questionPath(a.question)}>{a.question.title}</Link>
      </>
    );
  };
  const comment = (cid: number): ReactNode => {
    const c = targets.comments.get(cid);
    if (!c) return <>comment #{cid}</>;
    return (
      <>
        {c.question ? <Link href={commentPath(c.question, c.id)}>{c.author}&rsquo;s comment</Link> : <>{c.author}&rsquo;s comment</>}
        {c.question && <> on <Link href={questionPath(c.question)}>{c.question.title}</Link></>}
      </>
    );
  };
  const member = (uid: number): ReactNode => {
    const name = targets.members.get(uid);
    return name ? <Link href={userPath(name)}>{name}</Link> : <>member #{uid}</>;
  };
  const category = (cid: number): ReactNode => {
    const c = targets.categories.get(cid);
    return c ? <Link href={categoryPath(c.slug)}>{c.name}</Link> : <>category #{cid}</>;
  };
  const date = (v: unknown) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? formatExact(new Date(v)) : "a date not recorded");

  switch (entry.action) {
    case "question.delete":
      return <>deleted the question {question(id)}</>;
    case "question.undelete":
      return <>restored the question {question(id)}</>;
    case "question.close": {
      const reason = closeReasons[after.reason as keyof typeof closeReasons] ?? String(after.reason ?? "");
      const original = num(after.duplicateOfId);
      return (
        <>
          closed {question(id)}: {reason}
          {original !== null && <> ({question(original)})</>}
        </>
      );
    }
    case "question.reopen":
      return <>reopened {question(id)}</>;
    case "thread.lock":
      return <>locked the thread {question(id)}</>;
    case "thread.unlock":
      return <>unlocked the thread {question(id)}</>;
    case "answer.delete":
      return <>deleted {answer(id)}</>;
    case "answer.undelete":
      return <>restored {answer(id)}</>;
    case "answer.pick":
      return <>picked {answer(id)} as the best answer</>;
    case "answer.unpick":
      return <>removed the best-answer mark from {num(before.bestAnswerId) !== null ? answer(num(before.bestAnswerId)!) : question(id)}</>;
    case "comment.delete":
      return <>deleted {comment(id)}</>;
    case "member.suspend":
      return <>suspended {member(id)} until {date(after.suspendedUntil)}</>;
    case "member.unsuspend":
      return <>lifted {member(id)}&rsquo;s suspension</>;
    case "member.role":
      return <>made {member(id)} {roleNames[String(after.role)] ?? String(after.role)} (was {roleNames[String(before.role)] ?? String(before.role)})</>;
    case "points.adjust": {
      const from = num(before.points);
      const to = num(after.points);
      const delta = from !== null && to !== null ? to - from : null;
      return (
        <>
          adjusted {member(id)}&rsquo;s points{delta !== null && <> by {delta > 0 ? `+${delta}` : delta} ({from} → {to})</>}
        </>
      );
    }
    case "points.recalculate": {
      const fixed = Array.isArray(after.fixed) ? after.fixed.length : 0;
      return <>recalculated every member&rsquo;s points from the ledger{fixed > 0 ? `, correcting ${fixed}` : ", finding nothing to correct"}</>;
    }
    case "rules.update":
      return <>changed the points rules: {describeChanges(before, after)}</>;
    case "category.create":
      return <>created the category {category(id)}</>;
    case "category.rename":
      return <>changed the category {category(id)} (was “{String(before.name ?? "")}”)</>;
    case "category.move":
      return <>moved the category {category(id)} {after.direction === "up" ? "up" : "down"}</>;
    case "flag.acted":
    case "flag.dismissed": {
      const count = num(after.flags) ?? 1;
      const what = num(after.question) !== null ? question(num(after.question)) : num(after.answer) !== null ? answer(num(after.answer)!) : num(after.comment) !== null ? comment(num(after.comment)!) : <>a post</>;
      return (
        <>
          {entry.action === "flag.acted" ? "acted on" : "dismissed"} {count === 1 ? "a flag" : `${count} flags`} on {what}
        </>
      );
    }
    default:
      return (
        <>
          {entry.action} ({entry.targetType}
          {entry.targetId ? ` #${entry.targetId}` : ""})
        </>
      );
  }
}

/** "answerPoints 2 → 3, voteUp 1 → 5": what an admin's rule change changed, nested objects flattened. */
function describeChanges(before: Json, after: Json): string {
  const flat = (o: Json, prefix = ""): [string, unknown][] =>
    Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" && !Array.isArray(v) ? flat(v as Json, `${prefix}${k}.`) : [[`${prefix}${k}`, v]]));
  const old = new Map(flat(before));
  const changes = flat(after).filter(([k, v]) => old.get(k) !== v).map(([k, v]) => `${k} ${String(old.get(k) ?? "—")} → ${String(v)}`);
  return changes.length > 0 ? changes.join(", ") : "no value changed";
}

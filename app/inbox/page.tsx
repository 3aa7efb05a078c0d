import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ActionButton } from "@/components/action-button";
import { Pagination, parsePage } from "@/components/pagination";
import { RelativeTime } from "@/components/relative-time";
import { markAllReadAction, markReadAction } from "@/lib/actions/notifications";
import { getCurrentUser } from "@/lib/auth/current-user";
import { countUnread, listNotifications, type InboxNotification } from "@/lib/data/notifications";
import { plural } from "@/lib/format";
import styles from "./inbox.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Inbox" };

type Props = { searchParams: Promise<{ page?: string }> };

function hrefOf(n: InboxNotification): string | null {
  if (!n.question || n.question.deletedAt) return null;
  const path = `/questions/${n.question.id}/${n.question.slug}`;
  if (n.commentId) return `${path}#comment-${n.commentId}`;
  return n.answerId ? `${path}#answer-${n.answerId}` : path;
}

/** One sentence per kind: who did what, where. */
function describe(n: InboxNotification): ReactNode {
  const who = <strong>{n.actor?.username ?? "Someone"}</strong>;
  const href = hrefOf(n);
  const title = n.question ? (href ? <Link href={href}>{n.question.title}</Link> : <em>{n.question.title} (removed)</em>) : null;
  const post = n.commentId ? "a comment" : n.answerId ? "an answer" : "a question";
  switch (n.kind) {
    case "NEW_ANSWER":
      return <>{who} posted a new answer to {title}</>;
    case "NEW_QUESTION":
      return <>{who} asked a new question: {title}</>;
    case "NEW_COMMENT":
      return <>{who} commented on your {n.answerId ? "answer" : "question"} {title}</>;
    case "MENTION":
      return <>{who} mentioned you in {post} on {title}</>;
    case "BEST_ANSWER_PICKED":
      return <>Your answer to {title} was picked as the best answer</>;
    case "BEST_ANSWER_UNPICKED":
      return <>Your answer to {title} is no longer marked as the best answer</>;
    case "POINTS":
      return <>{n.message}{title && <> · {title}</>}</>;
    default:
      return <>{n.message || "A moderator acted on your post"}{title && <> · {title}</>}</>;
  }
}

export default async function InboxPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect("/login?next=/inbox");
  const page = parsePage((await searchParams).page);
  const [{ notifications, hasMore }, unread] = await Promise.all([listNotifications(user.id, page), countUnread(user.id)]);
  return (
    <div className={styles.inbox}>
      <div className="page-heading">
        <h1>Inbox</h1>
        <p className="muted">{unread > 0 ? plural(unread, "unread notification") : "All caught up."}</p>
        {unread > 0 && <ActionButton action={markAllReadAction} fields={{ page }} label="Mark all read" pendingText="Marking…" />}
      </div>
      {notifications.length === 0 ? (
        <p className="empty">Nothing here yet. You hear about answers to your questions, comments on your posts, picks and mentions, and new posts where you follow a question, tag or category.</p>
      ) : (
        <ol className={styles.list}>
          {notifications.map((n) => (
            <li key={n.id} className={n.readAt ? styles.item : `${styles.item} ${styles.unread}`}>
              <p className={styles.text}>
                {!n.readAt && <span className="visually-hidden">Unread: </span>}
                {describe(n)}
              </p>
              <span className={`muted ${styles.time}`}>
                <RelativeTime date={n.createdAt} />
              </span>
              {!n.readAt && <ActionButton action={markReadAction} fields={{ id: n.id, page }} label="Mark read" className="button-quiet" pendingText="Marking…" />}
            </li>
          ))}
        </ol>
      )}
      <Pagination basePath="/inbox" page={page} hasMore={hasMore} />
    </div>
  );
}

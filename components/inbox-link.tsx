import Link from "next/link";
import styles from "./inbox-link.module.css";

/** The header's way to the inbox, with the unread count (rendered for signed-in members only). */
export function InboxLink({ unread }: { unread: number }) {
  return (
    <Link href="/inbox" className={styles.link} aria-label={unread > 0 ? `Inbox, ${unread} unread` : "Inbox"}>
      <span aria-hidden="true">✉</span>
      <span className={styles.text}>Inbox</span>
      {unread > 0 && (
        <span className={styles.badge} aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}

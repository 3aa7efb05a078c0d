/**
 * The database's notices of changes to what a signed-in member's session shows (their name,
 * role, points, session version, suspension and unread count): a trigger sends the member's id
 * on the channel below whenever one commits, whatever wrote it (the migration
 * member_change_notices). The process that owns the database listens (lib/db/start.ts) and tells
 * the caches that keep members (lib/auth/session-member.ts). With several app servers on one
 * PostgreSQL, each listens on its own connection and so hears every server's writes.
 */
import { processState } from "../process-state";
import type { Listen } from "./adapter";

const CHANNEL = "forum_member_changed";

/** `ids` changed; null: any may have (notices were missed), so forget them all. */
type Listener = (ids: number[] | null) => void;
type Feed = { listening: boolean; listeners: Map<string, Listener>; stop: (() => Promise<void>) | null };
const feed = processState<Feed>("member-changes", () => ({ listening: false, listeners: new Map(), stop: null }));

const tell = (ids: number[] | null) => {
  for (const listener of feed.listeners.values()) listener(ids);
};

/** Named, so that each copy of a module (Next bundles its own) replaces its listener. */
export function onMembersChanged(name: string, listener: Listener): void {
  feed.listeners.set(name, listener);
}

/** Whether notices are arriving now: while they may be missed, nothing should be kept. */
export const hearingMemberChanges = () => feed.listening;

export async function listenForMemberChanges(listen: Listen): Promise<void> {
  feed.stop = await listen(
    CHANNEL,
    (payload) => {
      const id = Number(payload);
      tell(Number.isSafeInteger(id) ? [id] : null);
    },
    (on) => {
      feed.listening = on;
      if (!on) tell(null);
    },
  );
}

export async function stopListeningForMemberChanges(): Promise<void> {
  const stop = feed.stop;
  feed.stop = null;
  feed.listening = false;
  tell(null);
  await stop?.();
}

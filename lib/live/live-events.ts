/**
 * The process's one live hub (lib/live/hub.ts), told of every change the page cache and the
 * members kept in memory are told of, in the one place each already hears them:
 * - a write's invalidation, after its transaction commits (lib/page-cache.ts), here or on any
 *   other app server through the Redis channel that carries invalidations (lib/cluster-bus.ts);
 *   a Redis reconnect drops everything, and every watched thread is read again;
 * - a change to what a member's header shows (unread count, points, session), announced by the
 *   database itself to every server (lib/db/member-changes.ts).
 * So no command publishes anything of its own, and a write that forgets to invalidate a page is
 * one that would be stale on the page too.
 */
import "server-only";
import { findSessionMember } from "../auth/session-member";
import { loadPublicThread } from "../data/thread-cache";
import { onMembersChanged } from "../db/member-changes";
import { onPagesDropped } from "../page-cache";
import { processState } from "../process-state";
import { LiveHub, type LiveSource, type ThreadState } from "./hub";

const source: LiveSource = {
  async thread(id) {
    const shared = await loadPublicThread(id, "votes");
    if (!shared) return null;
    const { question, answers } = shared.thread;
    const comments = [...shared.comments.question, ...Object.values(shared.comments.answers).flatMap((list) => list ?? [])];
    const state: ThreadState = {
      q: question.score,
      a: answers.map((a): [number, number] => [a.id, a.score]).sort((x, y) => x[0] - y[0]),
      best: question.bestAnswerId,
      c: comments.map((c) => c.id).sort((x, y) => x - y),
    };
    return state;
  },
  async member(id, sessionVersion) {
    const member = await findSessionMember(id, sessionVersion);
    return member && { unread: member.unread, points: member.points };
  },
};

export const liveHub = (): LiveHub => processState<LiveHub>("live-hub", () => new LiveHub(source));

onPagesDropped("live-threads", (tags) => liveHub().pagesDropped(tags));
onMembersChanged("live-members", (ids) => liveHub().membersChanged(ids));

/**
 * The signed-in member every request of theirs needs (name, role, points, suspension, unread
 * count, drafts count, session version), kept in memory per member: a member's repeat request reads no row.
 * Kept exactly: the database announces every change to these fields (lib/db/member-changes.ts)
 * and the copy is dropped as the change commits, here and on every other app server; while
 * notices might be missed nothing is kept, and a read that overlapped a notice is not kept.
 * Signing out, a password change, a role change or a suspension bumps the session version, so
 * a dropped copy is what ends those sessions at once.
 */
import { db } from "../db";
import { hearingMemberChanges, onMembersChanged } from "../db/member-changes";
import { processState } from "../process-state";

async function readMember(id: number) {
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      username: true,
      role: true,
      points: true,
      sessionVersion: true,
      suspendedUntil: true,
      // How many drafts they keep: a page with a form looks for one only when there are any.
      _count: { select: { notifications: { where: { readAt: null } }, drafts: true } },
    },
  });
  if (!user) return null;
  const { _count, ...member } = user;
  return { ...member, unread: _count.notifications, drafts: _count.drafts, suspensionReason: await suspensionReasonOf(member) };
}

/**
 * Why a suspended member is suspended, for the banner they see on every page: the reason the
 * moderator recorded (lib/commands/members.ts). Read only while a suspension runs; a new
 * suspension changes suspendedUntil, which drops the kept copy.
 */
async function suspensionReasonOf(member: { id: number; suspendedUntil: Date | null }): Promise<string | null> {
  if (!member.suspendedUntil || member.suspendedUntil <= new Date()) return null;
  const entry = await db.auditLog.findFirst({
    where: { action: "member.suspend", targetType: "member", targetId: member.id },
    orderBy: { id: "desc" },
    select: { reason: true },
  });
  return entry?.reason ?? null;
}

export type SessionMember = NonNullable<Awaited<ReturnType<typeof readMember>>>;

// Enough for the members active right now; the oldest copy goes first.
const MAX_MEMBERS = 20_000;
type Kept = { members: Map<number, SessionMember>; epoch: number };
const kept = processState<Kept>("session-members", () => ({ members: new Map(), epoch: 0 }));

onMembersChanged("session-members", (ids) => {
  kept.epoch++;
  if (ids === null) kept.members.clear();
  else for (const id of ids) kept.members.delete(id);
});

/** The member a session names, or null when there is none or the session has been ended. */
export async function findSessionMember(id: number, sessionVersion: number): Promise<SessionMember | null> {
  let member = kept.members.get(id);
  if (!member) {
    const epoch = kept.epoch;
    const read = await readMember(id);
    if (!read) return null;
    member = read;
    if (epoch === kept.epoch && hearingMemberChanges()) {
      if (kept.members.size >= MAX_MEMBERS) kept.members.delete(kept.members.keys().next().value!);
      kept.members.set(id, member);
    }
  }
  return member.sessionVersion === sessionVersion ? member : null;
}

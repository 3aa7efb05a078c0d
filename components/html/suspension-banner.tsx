/** @jsxImportSource hono/jsx */
import { formatExact } from "@/lib/format";
import { isSuspended } from "@/lib/permissions";

export type SuspendedMember = { suspendedUntil?: Date | null; suspensionReason?: string | null };

/**
 * What a suspended member sees on every page, under the header: until when, and why (the
 * moderator's recorded reason). The pages offer them no write forms; the server refuses their
 * writes regardless (lib/commands/guard.ts).
 */
export function SuspensionBanner({ member }: { member: SuspendedMember }) {
  if (!member.suspendedUntil || !isSuspended({ suspendedUntil: member.suspendedUntil })) return null;
  return (
    <div class="suspension-banner" role="status">
      <p>
        <strong>Your account is suspended until {formatExact(member.suspendedUntil)}.</strong> You can read, but not post, answer, comment, vote or flag until then.
      </p>
      {member.suspensionReason && <p>Reason: {member.suspensionReason}</p>}
    </div>
  );
}

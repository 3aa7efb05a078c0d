import "server-only";
import { db } from "../db";

/** What /settings shows of the member's own account. */
export async function findAccountSettings(userId: number) {
  const u = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      username: true,
      displayName: true,
      email: true,
      emailVerified: true,
      passwordHash: true,
      mailOnReply: true,
      mailOnMention: true,
      mailDigest: true,
    },
  });
  return {
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    emailVerified: u.emailVerified,
    hasPassword: u.passwordHash !== null,
    mail: { mailOnReply: u.mailOnReply, mailOnMention: u.mailOnMention, mailDigest: u.mailDigest },
  };
}

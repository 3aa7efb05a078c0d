/**
 * The words of every mail the forum sends, in one place. Plain text: every mail client shows
 * it, nothing in it can be a script, and the links are whole addresses to copy if need be.
 */
import "server-only";
import { db } from "../db";
import { answerPath, commentPath, questionPath } from "../paths";
import { siteLink } from "./config";

const SITE = "Packets & Pointers";
const FOOTER = `\n\n-- \n${SITE}\nYou can choose which mail you get at ${siteLink("/settings")}`;

export type ComposedMail = { subject: string; text: string };

export function passwordResetMail(p: { username: string; link: string; validMinutes: number }): ComposedMail {
  return {
    subject: `Reset your ${SITE} password`,
    text:
      `Someone (we hope you) asked to reset the password of the account ${p.username} on ${SITE}.\n\n` +
      `Choose a new password here, within ${p.validMinutes} minutes; the link works once:\n${p.link}\n\n` +
      `Setting a new password logs the account out everywhere. If you did not ask, ignore this mail: ` +
      `your password stays as it is.` +
      `\n\n-- \n${SITE}`,
  };
}

export function confirmEmailMail(p: { username: string; link: string; validHours: number }): ComposedMail {
  return {
    subject: `Confirm your email address for ${SITE}`,
    text:
      `Please confirm that this address belongs to ${p.username} on ${SITE}, within ${p.validHours} hours:\n${p.link}\n\n` +
      `Until it is confirmed we send it no notices. If you did not sign up, ignore this mail.` +
      `\n\n-- \n${SITE}`,
  };
}

/** A notice's mail (an answer to the member's question, a comment on their post, a mention), written from the notice when it is sent. */
export async function noticeMail(notificationId: number): Promise<ComposedMail | null> {
  const n = await db.notification.findUnique({
    where: { id: notificationId },
    select: {
      kind: true,
      answerId: true,
      commentId: true,
      actor: { select: { username: true } },
      question: { select: { id: true, slug: true, title: true, deletedAt: true } },
    },
  });
  if (!n?.question || n.question.deletedAt) return null;
  const q = n.question;
  const who = n.actor?.username ?? "Someone";
  const path = n.commentId ? commentPath(q, n.commentId) : n.answerId ? answerPath(q, n.answerId) : questionPath(q);
  const what =
    n.kind === "NEW_ANSWER" ? `${who} answered your question` :
    n.kind === "NEW_COMMENT" ? `${who} commented on your post` :
    n.kind === "MENTION" ? `${who} mentioned you` : null;
  if (!what) return null;
  return { subject: `${what}: ${q.title}`, text: `${what} "${q.title}":\n${siteLink(path)}${FOOTER}` };
}

export type DigestQuestion = { id: number; slug: string; title: string; tags: string[] };

export function digestMail(p: { username: string; questions: DigestQuestion[]; tags: string[] }): ComposedMail {
  const n = p.questions.length;
  const lines = p.questions.map((q) => `- ${q.title} [${q.tags.join(", ")}]\n  ${siteLink(questionPath(q))}`);
  return {
    subject: `${n} new question${n === 1 ? "" : "s"} in the tags you follow`,
    text:
      `Hello ${p.username}, new on ${SITE} since your last digest in the tags you follow (${p.tags.join(", ")}):\n\n` +
      `${lines.join("\n")}${FOOTER}`,
  };
}

-- CreateEnum
CREATE TYPE "EmailTokenPurpose" AS ENUM ('PASSWORD_RESET', 'CONFIRM_EMAIL');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digestSentAt" TIMESTAMP(3),
ADD COLUMN     "displayName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "mailDigest" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "mailOnMention" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "mailOnReply" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "EmailToken" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "purpose" "EmailTokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mail" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" INTEGER,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL DEFAULT '',
    "html" TEXT,
    "notificationId" INTEGER,
    "status" "MailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Mail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailToken_tokenHash_key" ON "EmailToken"("tokenHash");

-- CreateIndex
CREATE INDEX "EmailToken_userId_purpose_idx" ON "EmailToken"("userId", "purpose");

-- CreateIndex
CREATE INDEX "Mail_status_nextAttemptAt_idx" ON "Mail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Mail_createdAt_idx" ON "Mail"("createdAt" DESC);

-- AddForeignKey
ALTER TABLE "EmailToken" ADD CONSTRAINT "EmailToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mail" ADD CONSTRAINT "Mail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Invariants the code also keeps.
ALTER TABLE "User" ADD CONSTRAINT "User_displayName_length" CHECK (char_length("displayName") <= 50);
ALTER TABLE "Mail" ADD CONSTRAINT "Mail_attempts_nonnegative" CHECK ("attempts" >= 0);
ALTER TABLE "Mail" ADD CONSTRAINT "Mail_kind_known" CHECK ("kind" IN ('reset', 'confirm', 'reply', 'mention', 'digest'));
-- A notice's mail is worded when sent; every other mail has its words from the start.
ALTER TABLE "Mail" ADD CONSTRAINT "Mail_has_words" CHECK ("notificationId" IS NOT NULL OR ("subject" <> '' AND "text" <> ''));
ALTER TABLE "Mail" ADD CONSTRAINT "Mail_sent_has_time" CHECK (("status" = 'SENT') = ("sentAt" IS NOT NULL));

-- A notice's mail, for the members who opted in and confirmed their address: an answer to
-- their own question or a comment on their post (mailOnReply), a mention (mailOnMention). It is
-- queued by the statement that writes the notices, whatever code wrote them, so it exists only
-- if that transaction commits. The sender writes its words from the notice (lib/mail/compose.ts).
-- One statement-level trigger: a new answer's notices to every follower cost one INSERT here.
CREATE FUNCTION forum_queue_notice_mail() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "Mail" ("kind", "userId", "to", "notificationId", "createdAt", "nextAttemptAt")
  SELECT CASE WHEN n."kind" = 'MENTION' THEN 'mention' ELSE 'reply' END, u."id", u."email", n."id", n."createdAt", n."createdAt"
  FROM new_notices n
  JOIN "User" u ON u."id" = n."userId"
  LEFT JOIN "Question" q ON q."id" = n."questionId"
  WHERE u."email" IS NOT NULL AND u."emailVerified" IS NOT NULL
    AND ((n."kind" = 'MENTION' AND u."mailOnMention")
      OR (n."kind" = 'NEW_COMMENT' AND u."mailOnReply")
      OR (n."kind" = 'NEW_ANSWER' AND u."mailOnReply" AND q."authorId" = n."userId"));
  RETURN NULL;
END $$;

CREATE TRIGGER "Notification_queue_mail" AFTER INSERT ON "Notification"
  REFERENCING NEW TABLE AS new_notices FOR EACH STATEMENT EXECUTE FUNCTION forum_queue_notice_mail();

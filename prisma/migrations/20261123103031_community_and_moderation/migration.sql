-- CreateEnum
CREATE TYPE "BountyStatus" AS ENUM ('OPEN', 'AWARDED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('NEW_ANSWER', 'NEW_COMMENT', 'NEW_QUESTION', 'BEST_ANSWER_PICKED', 'BEST_ANSWER_UNPICKED', 'POINTS', 'MENTION', 'FLAG_HANDLED', 'MODERATION');

-- CreateEnum
CREATE TYPE "FlagReason" AS ENUM ('SPAM', 'OFFENSIVE', 'NEEDS_ATTENTION');

-- CreateEnum
CREATE TYPE "FlagStatus" AS ENUM ('OPEN', 'ACTED', 'DISMISSED');

-- AlterEnum
ALTER TYPE "PointCause" ADD VALUE 'BOUNTY_OFFER';

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "hiddenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "hiddenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "duplicateOfId" INTEGER,
ADD COLUMN     "hiddenAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Bounty" (
    "id" SERIAL NOT NULL,
    "questionId" INTEGER NOT NULL,
    "offererId" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "status" "BountyStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "awardedAnswerId" INTEGER,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Bounty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Follow" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "questionId" INTEGER,
    "tagId" INTEGER,
    "categoryId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "actorId" INTEGER,
    "questionId" INTEGER,
    "answerId" INTEGER,
    "commentId" INTEGER,
    "message" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Flag" (
    "id" SERIAL NOT NULL,
    "reporterId" INTEGER NOT NULL,
    "questionId" INTEGER,
    "answerId" INTEGER,
    "commentId" INTEGER,
    "reason" "FlagReason" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "status" "FlagStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledById" INTEGER,
    "handledAt" TIMESTAMP(3),

    CONSTRAINT "Flag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" INTEGER,
    "reason" TEXT NOT NULL DEFAULT '',
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Bounty_status_expiresAt_idx" ON "Bounty"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "Bounty_questionId_idx" ON "Bounty"("questionId");

-- CreateIndex
CREATE INDEX "Follow_questionId_idx" ON "Follow"("questionId");

-- CreateIndex
CREATE INDEX "Follow_tagId_idx" ON "Follow"("tagId");

-- CreateIndex
CREATE INDEX "Follow_categoryId_idx" ON "Follow"("categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_questionId_key" ON "Follow"("userId", "questionId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_tagId_key" ON "Follow"("userId", "tagId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_categoryId_key" ON "Follow"("userId", "categoryId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Flag_status_createdAt_idx" ON "Flag"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Flag_reporterId_questionId_key" ON "Flag"("reporterId", "questionId");

-- CreateIndex
CREATE UNIQUE INDEX "Flag_reporterId_answerId_key" ON "Flag"("reporterId", "answerId");

-- CreateIndex
CREATE UNIQUE INDEX "Flag_reporterId_commentId_key" ON "Flag"("reporterId", "commentId");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "Question_score_idx" ON "Question"("score" DESC);

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Question"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bounty" ADD CONSTRAINT "Bounty_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bounty" ADD CONSTRAINT "Bounty_offererId_fkey" FOREIGN KEY ("offererId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bounty" ADD CONSTRAINT "Bounty_awardedAnswerId_fkey" FOREIGN KEY ("awardedAnswerId") REFERENCES "Answer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants and indexes Prisma's schema language cannot state (its diff leaves them alone).

-- One open bounty per question, and bounties within the bounds lib/rules enforces.
CREATE UNIQUE INDEX "Bounty_one_open_per_question" ON "Bounty" ("questionId") WHERE "status" = 'OPEN';
ALTER TABLE "Bounty" ADD CONSTRAINT "Bounty_amount_check" CHECK ("amount" > 0);

-- A follow and a flag each point at exactly one thing.
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_one_target_check" CHECK (num_nonnulls("questionId", "tagId", "categoryId") = 1);
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_one_post_check" CHECK (num_nonnulls("questionId", "answerId", "commentId") = 1);

-- The audit log is append-only, like the points ledger.
CREATE FUNCTION forum_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only';
END $$;
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION forum_audit_is_append_only();

-- Full-text search (PostgreSQL's own, the same in PGlite): titles weigh most, then bodies.
CREATE INDEX "Question_search_idx" ON "Question" USING GIN (
  (setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "bodyMd"), 'B')));
CREATE INDEX "Answer_search_idx" ON "Answer" USING GIN (to_tsvector('english', "bodyMd"));

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "summary" TEXT;

-- CreateTable
CREATE TABLE "Draft" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "questionId" INTEGER,
    "title" TEXT,
    "tags" TEXT,
    "bodyMd" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Draft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Draft_questionId_idx" ON "Draft"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "Draft_userId_questionId_key" ON "Draft"("userId", "questionId");

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: what Prisma cannot express.
-- An edit summary is a short line (lib/validation/post.ts says so to the editor first).
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_summary_length" CHECK ("summary" IS NULL OR char_length("summary") BETWEEN 1 AND 300);

-- A draft holds what a post may hold (lib/rules.ts limits), no more.
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_sizes" CHECK (
  char_length("bodyMd") <= 30000 AND ("title" IS NULL OR char_length("title") <= 150) AND ("tags" IS NULL OR char_length("tags") <= 200)
);

-- One ask-form draft per member: NULLs never collide in the unique index above.
CREATE UNIQUE INDEX "Draft_userId_ask_key" ON "Draft"("userId") WHERE "questionId" IS NULL;

-- Members kept in memory count their drafts (lib/auth/session-member.ts), so a thread page
-- looks for a draft only for a member who has one: a draft made or dropped announces the change.
CREATE TRIGGER "Draft_count_changed" AFTER INSERT OR DELETE ON "Draft"
  FOR EACH ROW EXECUTE FUNCTION forum_member_changed();

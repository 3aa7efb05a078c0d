-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "renderVersion" INTEGER NOT NULL DEFAULT 1;

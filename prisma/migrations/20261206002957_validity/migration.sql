-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "cycle" INTEGER NOT NULL DEFAULT 1;

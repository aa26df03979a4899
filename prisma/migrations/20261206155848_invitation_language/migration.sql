-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "language" "Language";

-- CreateEnum
CREATE TYPE "Language" AS ENUM ('en', 'cy');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "language" "Language";

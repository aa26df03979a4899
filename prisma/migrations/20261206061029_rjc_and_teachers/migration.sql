-- CreateEnum
CREATE TYPE "RjcLevel" AS ENUM ('FOUNDATION', 'INTERMEDIATE', 'ADVANCED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ReflectiveRecordKind" ADD VALUE 'RJC_SUPERVISION';
ALTER TYPE "ReflectiveRecordKind" ADD VALUE 'RJC_OBSERVED_PRACTICE';
ALTER TYPE "ReflectiveRecordKind" ADD VALUE 'TEACHER_SIGN_OFF';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "rjcLevel" "RjcLevel";

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "rjcApproved" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "CpdEntry" ADD COLUMN     "rjcApproved" BOOLEAN NOT NULL DEFAULT false;

-- CreateEnum
CREATE TYPE "MuxUploadStatus" AS ENUM ('WAITING', 'ASSET_CREATED', 'READY', 'ERRORED', 'CANCELLED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "cpdCycleStart" DATE,
ADD COLUMN     "stripeCustomerId" TEXT;

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "billingEmail" TEXT,
ADD COLUMN     "stripeCustomerId" TEXT;

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "CourseVersion" ADD COLUMN     "basedOnVersionId" TEXT,
ADD COLUMN     "createdById" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "amountRefundedPence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "checkoutExpiresAt" TIMESTAMP(3),
ADD COLUMN     "checkoutUrl" TEXT,
ADD COLUMN     "disputedAt" TIMESTAMP(3),
ADD COLUMN     "stripeChargeId" TEXT;

-- CreateTable
CREATE TABLE "MuxUpload" (
    "id" TEXT NOT NULL,
    "uploadId" TEXT NOT NULL,
    "assetId" TEXT,
    "lessonId" TEXT NOT NULL,
    "createdById" TEXT,
    "status" "MuxUploadStatus" NOT NULL DEFAULT 'WAITING',
    "playbackId" TEXT,
    "durationSeconds" INTEGER,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MuxUpload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MuxEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "processedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MuxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MuxUpload_uploadId_key" ON "MuxUpload"("uploadId");

-- CreateIndex
CREATE UNIQUE INDEX "MuxUpload_assetId_key" ON "MuxUpload"("assetId");

-- CreateIndex
CREATE INDEX "MuxUpload_lessonId_idx" ON "MuxUpload"("lessonId");

-- CreateIndex
CREATE UNIQUE INDEX "User_stripeCustomerId_key" ON "User"("stripeCustomerId");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_stripeCustomerId_key" ON "Organisation"("stripeCustomerId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_stripeChargeId_key" ON "Order"("stripeChargeId");

-- AddForeignKey
ALTER TABLE "MuxUpload" ADD CONSTRAINT "MuxUpload_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

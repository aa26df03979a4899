-- Reflective records on regulators' own forms, and partners' confirmations of them (ADR 0029).

-- CreateEnum
CREATE TYPE "ReflectiveRecordKind" AS ENUM ('NMC_REFLECTIVE_ACCOUNT', 'NMC_FEEDBACK', 'NMC_DISCUSSION', 'SWE_CPD');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "revalidationDate" DATE;

-- CreateTable
CREATE TABLE "ReflectiveRecord" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "ReflectiveRecordKind" NOT NULL,
    "title" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "fields" JSONB NOT NULL,
    "sourceReflectionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReflectiveRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Confirmation" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "replacedAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "attestation" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Confirmation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReflectiveRecord_userId_kind_date_idx" ON "ReflectiveRecord"("userId", "kind", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Confirmation_tokenHash_key" ON "Confirmation"("tokenHash");

-- CreateIndex
CREATE INDEX "Confirmation_recordId_idx" ON "Confirmation"("recordId");

-- AddForeignKey
ALTER TABLE "ReflectiveRecord" ADD CONSTRAINT "ReflectiveRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Confirmation" ADD CONSTRAINT "Confirmation_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "ReflectiveRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

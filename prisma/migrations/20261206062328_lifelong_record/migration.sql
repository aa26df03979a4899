-- AlterEnum
ALTER TYPE "UserTokenKind" ADD VALUE 'PERSONAL_EMAIL_VERIFICATION';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "personalEmail" TEXT,
ADD COLUMN     "personalEmailVerifiedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "MembershipRemoval" (
    "organisationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "removedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MembershipRemoval_pkey" PRIMARY KEY ("organisationId","userId")
);

-- CreateIndex
CREATE INDEX "MembershipRemoval_userId_idx" ON "MembershipRemoval"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "User_personalEmail_key" ON "User"("personalEmail");

-- AddForeignKey
ALTER TABLE "MembershipRemoval" ADD CONSTRAINT "MembershipRemoval_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipRemoval" ADD CONSTRAINT "MembershipRemoval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

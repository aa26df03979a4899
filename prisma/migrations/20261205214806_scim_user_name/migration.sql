-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "scimUserName" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Membership_organisationId_scimUserName_key" ON "Membership"("organisationId", "scimUserName");

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NewsletterDeliveryStatus" ADD VALUE 'BOUNCED';
ALTER TYPE "NewsletterDeliveryStatus" ADD VALUE 'COMPLAINED';

-- AlterTable
ALTER TABLE "NewsletterSubscriber" ADD COLUMN     "suppressedAt" TIMESTAMP(3),
ADD COLUMN     "suppressedReason" TEXT;

-- CreateTable
CREATE TABLE "NewsPostTranslation" (
    "postId" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NewsPostTranslation_pkey" PRIMARY KEY ("postId","language")
);

-- AddForeignKey
ALTER TABLE "NewsPostTranslation" ADD CONSTRAINT "NewsPostTranslation_postId_fkey" FOREIGN KEY ("postId") REFERENCES "NewsPost"("id") ON DELETE CASCADE ON UPDATE CASCADE;

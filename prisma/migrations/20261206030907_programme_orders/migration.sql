-- Programmes sold as a bundle (an order for a programme instead of a course), and programme rules
-- that remember their programme so new starters join it too.

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "pricePence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'gbp';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "programmeId" TEXT,
ALTER COLUMN "courseId" DROP NOT NULL;

-- An order buys exactly one thing: a course or a programme
ALTER TABLE "Order" ADD CONSTRAINT "Order_course_or_programme" CHECK (("courseId" IS NULL) <> ("programmeId" IS NULL));

-- A programme's price is never negative
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_pricePence_check" CHECK ("pricePence" >= 0);

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "programmeId" TEXT;

-- CreateIndex
CREATE INDEX "Order_programmeId_idx" ON "Order"("programmeId");

-- CreateIndex
CREATE INDEX "Assignment_programmeId_idx" ON "Assignment"("programmeId");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

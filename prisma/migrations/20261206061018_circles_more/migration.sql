-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "facilitatesCircles" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "CircleBooking" ADD COLUMN     "bookedById" TEXT;

-- AddForeignKey
ALTER TABLE "CircleBooking" ADD CONSTRAINT "CircleBooking_bookedById_fkey" FOREIGN KEY ("bookedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

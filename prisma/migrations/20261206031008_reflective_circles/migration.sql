-- CreateEnum
CREATE TYPE "CircleMode" AS ENUM ('ONLINE', 'IN_PERSON');

-- CreateEnum
CREATE TYPE "CircleBookingStatus" AS ENUM ('BOOKED', 'WAITING', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CircleAttendanceMethod" AS ENUM ('REGISTER', 'CODE');

-- AlterEnum
ALTER TYPE "CpdSource" ADD VALUE 'CIRCLE';

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "requiresCircle" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "CpdEntry" ADD COLUMN     "circleAttendanceId" TEXT;

-- CreateTable
CREATE TABLE "Circle" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "courseId" TEXT,
    "programmeId" TEXT,
    "organisationId" TEXT,
    "teamId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "capacity" INTEGER NOT NULL,
    "mode" "CircleMode" NOT NULL,
    "meetingUrl" TEXT,
    "venue" TEXT,
    "facilitatorId" TEXT NOT NULL,
    "createdById" TEXT,
    "questions" TEXT[],
    "checkInCode" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Circle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CircleBooking" (
    "id" TEXT NOT NULL,
    "circleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "CircleBookingStatus" NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bookedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CircleBooking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CircleAttendance" (
    "id" TEXT NOT NULL,
    "circleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "method" "CircleAttendanceMethod" NOT NULL,
    "markedById" TEXT,
    "attendedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CircleAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Circle_startsAt_idx" ON "Circle"("startsAt");

-- CreateIndex
CREATE INDEX "Circle_courseId_idx" ON "Circle"("courseId");

-- CreateIndex
CREATE INDEX "Circle_organisationId_idx" ON "Circle"("organisationId");

-- CreateIndex
CREATE INDEX "Circle_facilitatorId_idx" ON "Circle"("facilitatorId");

-- CreateIndex
CREATE INDEX "CircleBooking_circleId_status_queuedAt_idx" ON "CircleBooking"("circleId", "status", "queuedAt");

-- CreateIndex
CREATE INDEX "CircleBooking_userId_idx" ON "CircleBooking"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CircleBooking_circleId_userId_key" ON "CircleBooking"("circleId", "userId");

-- CreateIndex
CREATE INDEX "CircleAttendance_userId_idx" ON "CircleAttendance"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CircleAttendance_circleId_userId_key" ON "CircleAttendance"("circleId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "CpdEntry_circleAttendanceId_key" ON "CpdEntry"("circleAttendanceId");

-- AddForeignKey
ALTER TABLE "CpdEntry" ADD CONSTRAINT "CpdEntry_circleAttendanceId_fkey" FOREIGN KEY ("circleAttendanceId") REFERENCES "CircleAttendance"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Circle" ADD CONSTRAINT "Circle_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Circle" ADD CONSTRAINT "Circle_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Circle" ADD CONSTRAINT "Circle_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Circle" ADD CONSTRAINT "Circle_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Circle" ADD CONSTRAINT "Circle_facilitatorId_fkey" FOREIGN KEY ("facilitatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Circle" ADD CONSTRAINT "Circle_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CircleBooking" ADD CONSTRAINT "CircleBooking_circleId_fkey" FOREIGN KEY ("circleId") REFERENCES "Circle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CircleBooking" ADD CONSTRAINT "CircleBooking_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CircleAttendance" ADD CONSTRAINT "CircleAttendance_circleId_fkey" FOREIGN KEY ("circleId") REFERENCES "Circle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CircleAttendance" ADD CONSTRAINT "CircleAttendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CircleAttendance" ADD CONSTRAINT "CircleAttendance_markedById_fkey" FOREIGN KEY ("markedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The database refuses what the forms refuse: no empty circles, no endless ones, no plain-http links.
ALTER TABLE "Circle" ADD CONSTRAINT "Circle_capacity_check" CHECK (capacity BETWEEN 1 AND 500);
ALTER TABLE "Circle" ADD CONSTRAINT "Circle_duration_check" CHECK ("durationMinutes" BETWEEN 15 AND 480);
ALTER TABLE "Circle" ADD CONSTRAINT "Circle_place_check" CHECK (
  (mode = 'ONLINE' AND "meetingUrl" LIKE 'https://%') OR (mode = 'IN_PERSON' AND venue IS NOT NULL)
);
ALTER TABLE "Circle" ADD CONSTRAINT "Circle_team_check" CHECK ("teamId" IS NULL OR "organisationId" IS NOT NULL);

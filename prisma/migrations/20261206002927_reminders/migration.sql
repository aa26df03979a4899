-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "reminderDueDays" INTEGER[] DEFAULT ARRAY[30, 7, 1]::INTEGER[],
ADD COLUMN     "reminderExpiryDays" INTEGER[] DEFAULT ARRAY[90, 30, 7]::INTEGER[];

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "digestOff" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "headers" JSONB;

-- CreateTable
CREATE TABLE "ReminderPreference" (
    "userId" TEXT NOT NULL,
    "optionalOff" BOOLEAN NOT NULL DEFAULT false,
    "unsubscribeToken" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ReminderEvent" (
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organisationId" TEXT,
    "emailMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderEvent_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReminderPreference_unsubscribeToken_key" ON "ReminderPreference"("unsubscribeToken");

-- CreateIndex
CREATE INDEX "ReminderEvent_userId_createdAt_idx" ON "ReminderEvent"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "ReminderPreference" ADD CONSTRAINT "ReminderPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderEvent" ADD CONSTRAINT "ReminderEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: an organisation's reminder days are a short list of whole days ahead.
UPDATE "Organisation" SET "reminderDueDays" = ARRAY[30, 7, 1] WHERE "reminderDueDays" IS NULL;
UPDATE "Organisation" SET "reminderExpiryDays" = ARRAY[90, 30, 7] WHERE "reminderExpiryDays" IS NULL;
ALTER TABLE "Organisation" ALTER COLUMN "reminderDueDays" SET NOT NULL, ALTER COLUMN "reminderExpiryDays" SET NOT NULL;
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_reminderDays_check" CHECK (
	cardinality("reminderDueDays") <= 6 AND 1 <= ALL("reminderDueDays") AND 120 >= ALL("reminderDueDays")
	AND cardinality("reminderExpiryDays") <= 6 AND 1 <= ALL("reminderExpiryDays") AND 180 >= ALL("reminderExpiryDays"));

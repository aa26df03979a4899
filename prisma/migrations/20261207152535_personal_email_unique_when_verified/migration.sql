-- DropIndex
DROP INDEX "User_personalEmail_key";

-- CreateIndex
CREATE INDEX "User_personalEmail_idx" ON "User"("personalEmail");

-- Hand-written (ADR 0033, amended): a personal address is unique among confirmed ones only. Two
-- people may have the same address waiting to be confirmed, and whoever confirms it first has it.
CREATE UNIQUE INDEX "User_personalEmail_verified_key" ON "User"("personalEmail") WHERE "personalEmailVerifiedAt" IS NOT NULL;

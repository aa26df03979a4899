-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "themesOptInAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Reflection" ADD COLUMN     "difficulty" INTEGER;

-- CreateTable
CREATE TABLE "ReflectionShare" (
    "reflectionId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReflectionShare_pkey" PRIMARY KEY ("reflectionId","membershipId")
);

-- CreateIndex
CREATE INDEX "ReflectionShare_membershipId_idx" ON "ReflectionShare"("membershipId");

-- AddForeignKey
ALTER TABLE "ReflectionShare" ADD CONSTRAINT "ReflectionShare_reflectionId_fkey" FOREIGN KEY ("reflectionId") REFERENCES "Reflection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReflectionShare" ADD CONSTRAINT "ReflectionShare_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A self-rating is 1 (easy to put into practice) to 5 (very hard).
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_difficulty_range" CHECK ("difficulty" BETWEEN 1 AND 5);

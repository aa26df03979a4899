-- Reflections are kept per enrolment cycle: a renewal's retake writes its own rows instead of
-- overwriting the earlier cycle's (ADR 0027, "Reflections per cycle").

-- AlterTable
ALTER TABLE "Reflection" ADD COLUMN     "cycle" INTEGER NOT NULL DEFAULT 1;

-- Hand-written backfill. Before this, a retake overwrote the row in place, so a row on an enrolment
-- now past cycle 1 belongs to the cycle it was last written in: 1 + the certificates that enrolment
-- had been issued by then, never past its current cycle.
UPDATE "Reflection" r SET "cycle" = LEAST(e."cycle", 1 + (
	SELECT count(*)::int FROM "Certificate" c WHERE c."enrolmentId" = r."enrolmentId" AND c."issuedAt" < r."updatedAt"))
FROM "Enrolment" e WHERE e.id = r."enrolmentId" AND e."cycle" > 1;

-- DropIndex
DROP INDEX "Reflection_userId_lessonId_questionId_key";

-- CreateIndex
CREATE UNIQUE INDEX "Reflection_userId_lessonId_questionId_cycle_key" ON "Reflection"("userId", "lessonId", "questionId", "cycle");

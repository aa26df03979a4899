-- CreateIndex
CREATE INDEX "LearnerAssignment_organisationId_userId_courseId_cycle_idx" ON "LearnerAssignment"("organisationId", "userId", "courseId", "cycle");

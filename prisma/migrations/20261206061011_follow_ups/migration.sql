-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "questions" JSONB NOT NULL,
    "actionPlanPrompt" TEXT NOT NULL,
    "reflectionPrompt" TEXT NOT NULL,
    "startsFrom" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpResponse" (
    "id" TEXT NOT NULL,
    "followUpId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL DEFAULT 1,
    "completedAt" TIMESTAMP(3) NOT NULL,
    "actionPlan" TEXT,
    "actionPlanAt" TIMESTAMP(3),
    "day7Answers" JSONB,
    "day7At" TIMESTAMP(3),
    "day30Answers" JSONB,
    "day30At" TIMESTAMP(3),
    "reflection" TEXT,
    "reflectionAt" TIMESTAMP(3),
    "managerId" TEXT,
    "sentAt" TIMESTAMP(3),
    "sentActionPlan" TEXT,
    "sentReflection" TEXT,
    "signedOffAt" TIMESTAMP(3),
    "managerComment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUpResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FollowUp_courseId_key" ON "FollowUp"("courseId");

-- CreateIndex
CREATE INDEX "FollowUpResponse_userId_idx" ON "FollowUpResponse"("userId");

-- CreateIndex
CREATE INDEX "FollowUpResponse_managerId_sentAt_idx" ON "FollowUpResponse"("managerId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpResponse_enrolmentId_cycle_key" ON "FollowUpResponse"("enrolmentId", "cycle");

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpResponse" ADD CONSTRAINT "FollowUpResponse_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpResponse" ADD CONSTRAINT "FollowUpResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpResponse" ADD CONSTRAINT "FollowUpResponse_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpResponse" ADD CONSTRAINT "FollowUpResponse_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

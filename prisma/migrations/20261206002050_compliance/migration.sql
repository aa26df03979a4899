-- CreateEnum
CREATE TYPE "AssignmentTarget" AS ENUM ('PERSON', 'TEAM', 'EVERYONE');

-- CreateEnum
CREATE TYPE "LearnerAssignmentKind" AS ENUM ('INITIAL', 'RENEWAL');

-- DropIndex
DROP INDEX "Certificate_enrolmentId_key";

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "refresherCourseId" TEXT,
ADD COLUMN     "validityMonths" INTEGER;

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "cycle" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "cycle" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "validUntil" DATE;

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "parentId" TEXT,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "teamId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "isManager" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("teamId","membershipId")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "target" "AssignmentTarget" NOT NULL,
    "teamId" TEXT,
    "userId" TEXT,
    "dueOn" DATE,
    "newStarterDays" INTEGER,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearnerAssignment" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "refresherCourseId" TEXT,
    "kind" "LearnerAssignmentKind" NOT NULL DEFAULT 'INITIAL',
    "cycle" INTEGER NOT NULL DEFAULT 1,
    "dueOn" DATE NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL,
    "enrolmentId" TEXT,
    "completedAt" TIMESTAMP(3),
    "certificateId" TEXT,
    "renewsCertificateId" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearnerAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Team_parentId_idx" ON "Team"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Team_organisationId_parentId_name_key" ON "Team"("organisationId", "parentId", "name");

-- CreateIndex
CREATE INDEX "TeamMember_membershipId_idx" ON "TeamMember"("membershipId");

-- CreateIndex
CREATE INDEX "Assignment_organisationId_courseId_idx" ON "Assignment"("organisationId", "courseId");

-- CreateIndex
CREATE INDEX "Assignment_teamId_idx" ON "Assignment"("teamId");

-- CreateIndex
CREATE INDEX "Assignment_userId_idx" ON "Assignment"("userId");

-- CreateIndex
CREATE INDEX "LearnerAssignment_organisationId_courseId_idx" ON "LearnerAssignment"("organisationId", "courseId");

-- CreateIndex
CREATE INDEX "LearnerAssignment_userId_dueOn_idx" ON "LearnerAssignment"("userId", "dueOn");

-- CreateIndex
CREATE INDEX "LearnerAssignment_assignmentId_idx" ON "LearnerAssignment"("assignmentId");

-- CreateIndex
CREATE INDEX "LearnerAssignment_enrolmentId_idx" ON "LearnerAssignment"("enrolmentId");

-- CreateIndex
CREATE INDEX "LearnerAssignment_certificateId_idx" ON "LearnerAssignment"("certificateId");

-- CreateIndex
CREATE UNIQUE INDEX "LearnerAssignment_organisationId_renewsCertificateId_key" ON "LearnerAssignment"("organisationId", "renewsCertificateId");

-- CreateIndex
CREATE INDEX "Course_refresherCourseId_idx" ON "Course"("refresherCourseId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_enrolmentId_cycle_key" ON "Certificate"("enrolmentId", "cycle");

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_refresherCourseId_fkey" FOREIGN KEY ("refresherCourseId") REFERENCES "Course"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearnerAssignment" ADD CONSTRAINT "LearnerAssignment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearnerAssignment" ADD CONSTRAINT "LearnerAssignment_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearnerAssignment" ADD CONSTRAINT "LearnerAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearnerAssignment" ADD CONSTRAINT "LearnerAssignment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearnerAssignment" ADD CONSTRAINT "LearnerAssignment_refresherCourseId_fkey" FOREIGN KEY ("refresherCourseId") REFERENCES "Course"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearnerAssignment" ADD CONSTRAINT "LearnerAssignment_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearnerAssignment" ADD CONSTRAINT "LearnerAssignment_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearnerAssignment" ADD CONSTRAINT "LearnerAssignment_renewsCertificateId_fkey" FOREIGN KEY ("renewsCertificateId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: what Prisma's schema language cannot say.

-- Top-level team names are unique within an organisation (the unique index above treats NULL parents as distinct).
CREATE UNIQUE INDEX "Team_organisationId_name_top_key" ON "Team"("organisationId", "name") WHERE "parentId" IS NULL;

-- At most one open requirement per organisation, person and course: assigning twice, by two rules
-- or by two processes at once, finds the open row instead of adding a second.
CREATE UNIQUE INDEX "LearnerAssignment_open_key" ON "LearnerAssignment"("organisationId", "userId", "courseId")
	WHERE "completedAt" IS NULL AND "cancelledAt" IS NULL;

-- An assignment names exactly what its target needs: a person, a team, or neither for everyone.
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_target_check" CHECK (
	("target" = 'PERSON' AND "userId" IS NOT NULL AND "teamId" IS NULL)
	OR ("target" = 'TEAM' AND "teamId" IS NOT NULL AND "userId" IS NULL)
	OR ("target" = 'EVERYONE' AND "teamId" IS NULL AND "userId" IS NULL));
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_due_check" CHECK (
	("dueOn" IS NOT NULL OR "newStarterDays" IS NOT NULL) AND ("newStarterDays" IS NULL OR "newStarterDays" BETWEEN 1 AND 365));
ALTER TABLE "Course" ADD CONSTRAINT "Course_validityMonths_check" CHECK ("validityMonths" IS NULL OR "validityMonths" BETWEEN 1 AND 120);
ALTER TABLE "Course" ADD CONSTRAINT "Course_refresher_not_self_check" CHECK ("refresherCourseId" IS NULL OR "refresherCourseId" <> id);

-- The one rule for a compliance cell (docs/decisions/0027-compliance.md), used by the matrix, the
-- dashboard and the reminders alike so they can never disagree. Dates are UK calendar days: due on
-- 31 January means overdue from 1 February, valid until 5 December means expired from 6 December.
--   completed_at         when the requirement was met (a certificate not revoked), or NULL
--   valid_until          that certificate's last valid day, NULL when it does not expire
--   previous_valid_until on a renewal, the last valid day of the certificate being renewed
--   started              whether the person has begun the course
CREATE FUNCTION "circle_compliance_status"(due_on date, completed_at timestamp, valid_until date,
	previous_valid_until date, started boolean, today date, due_soon_days integer)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
	SELECT CASE
		WHEN completed_at IS NOT NULL AND (valid_until IS NULL OR today <= valid_until) THEN ''IN_DATE''
		WHEN completed_at IS NOT NULL THEN ''EXPIRED''
		WHEN previous_valid_until IS NOT NULL AND today > previous_valid_until THEN ''EXPIRED''
		WHEN today > due_on THEN ''OVERDUE''
		WHEN due_on - today <= due_soon_days THEN ''DUE_SOON''
		WHEN previous_valid_until IS NOT NULL THEN ''IN_DATE''
		WHEN started THEN ''IN_PROGRESS''
		ELSE ''NOT_STARTED''
	END
';

-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "sequential" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeCourse" (
    "programmeId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ProgrammeCourse_pkey" PRIMARY KEY ("programmeId","courseId")
);

-- CreateTable
CREATE TABLE "ProgrammeEnrolment" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "enrolledAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "ProgrammeEnrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeCertificate" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "programmeEnrolmentId" TEXT NOT NULL,
    "learnerName" TEXT NOT NULL,
    "programmeTitle" TEXT NOT NULL,
    "courses" JSONB NOT NULL,
    "cpdMinutes" INTEGER NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,

    CONSTRAINT "ProgrammeCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Programme_slug_key" ON "Programme"("slug");

-- CreateIndex
CREATE INDEX "Programme_createdById_idx" ON "Programme"("createdById");

-- CreateIndex
CREATE INDEX "ProgrammeCourse_courseId_idx" ON "ProgrammeCourse"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgrammeCourse_programmeId_position_key" ON "ProgrammeCourse"("programmeId", "position");

-- CreateIndex
CREATE INDEX "ProgrammeEnrolment_userId_idx" ON "ProgrammeEnrolment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgrammeEnrolment_programmeId_userId_key" ON "ProgrammeEnrolment"("programmeId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgrammeCertificate_code_key" ON "ProgrammeCertificate"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ProgrammeCertificate_programmeEnrolmentId_key" ON "ProgrammeCertificate"("programmeEnrolmentId");

-- CreateIndex
CREATE INDEX "ProgrammeCertificate_userId_idx" ON "ProgrammeCertificate"("userId");

-- CreateIndex
CREATE INDEX "ProgrammeCertificate_programmeId_idx" ON "ProgrammeCertificate"("programmeId");

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeCourse" ADD CONSTRAINT "ProgrammeCourse_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeCourse" ADD CONSTRAINT "ProgrammeCourse_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeEnrolment" ADD CONSTRAINT "ProgrammeEnrolment_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeEnrolment" ADD CONSTRAINT "ProgrammeEnrolment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeCertificate" ADD CONSTRAINT "ProgrammeCertificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeCertificate" ADD CONSTRAINT "ProgrammeCertificate_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeCertificate" ADD CONSTRAINT "ProgrammeCertificate_programmeEnrolmentId_fkey" FOREIGN KEY ("programmeEnrolmentId") REFERENCES "ProgrammeEnrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: shapes the schema language cannot say.
ALTER TABLE "ProgrammeCourse" ADD CONSTRAINT "ProgrammeCourse_position_check" CHECK ("position" >= 1);
ALTER TABLE "ProgrammeCertificate" ADD CONSTRAINT "ProgrammeCertificate_cpdMinutes_check" CHECK ("cpdMinutes" >= 0);
ALTER TABLE "ProgrammeCertificate" ADD CONSTRAINT "ProgrammeCertificate_code_check" CHECK ("code" ~ '^PROG(-[0-9A-HJKMNP-TV-Z]{4}){4}$');
-- Slugs are compared as stored: lower-case, like course slugs.
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_slug_check" CHECK ("slug" = lower("slug"));

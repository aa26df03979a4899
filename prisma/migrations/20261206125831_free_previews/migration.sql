-- CreateTable
CREATE TABLE "CoursePreview" (
    "courseId" TEXT NOT NULL,
    "lessonKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoursePreview_pkey" PRIMARY KEY ("courseId","lessonKey")
);

-- CreateTable
CREATE TABLE "PublicVideo" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "playbackId" TEXT,
    "sourceUrl" TEXT,
    "captionsUrl" TEXT,
    "durationSeconds" INTEGER,
    "transcript" TEXT NOT NULL,
    "sectors" "Sector"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicVideo_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PublicVideo_slug_key" ON "PublicVideo"("slug");

-- CreateIndex
CREATE INDEX "PublicVideo_createdAt_idx" ON "PublicVideo"("createdAt");

-- AddForeignKey
ALTER TABLE "CoursePreview" ADD CONSTRAINT "CoursePreview_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

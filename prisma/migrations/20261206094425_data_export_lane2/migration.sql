-- CreateEnum
CREATE TYPE "DataExportStatus" AS ENUM ('PENDING', 'READY', 'FAILED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastActiveAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DataExport" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "DataExportStatus" NOT NULL DEFAULT 'PENDING',
    "tokenHash" TEXT,
    "storageKey" TEXT,
    "sizeBytes" INTEGER,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "readyAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "downloadedAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "DataExport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetentionEvent" (
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT,
    "deleted" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetentionEvent_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "DataExport_tokenHash_key" ON "DataExport"("tokenHash");

-- CreateIndex
CREATE INDEX "DataExport_userId_requestedAt_idx" ON "DataExport"("userId", "requestedAt");

-- CreateIndex
CREATE INDEX "DataExport_expiresAt_idx" ON "DataExport"("expiresAt");

-- CreateIndex
CREATE INDEX "RetentionEvent_kind_createdAt_idx" ON "RetentionEvent"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "RetentionEvent_userId_idx" ON "RetentionEvent"("userId");

-- AddForeignKey
ALTER TABLE "DataExport" ADD CONSTRAINT "DataExport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Retention (docs/decisions/0037-data-export-and-retention.md): audit entries older than the configured
-- period are deleted by the daily retention job, and only by it. The trigger still refuses every
-- delete unless the deleting transaction has set circle.audit_retention_before (SET LOCAL, in
-- modules/data-rights/sql.ts) and the row is older than that instant. Updates are unchanged.
CREATE OR REPLACE FUNCTION "circle_audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	IF TG_OP = ''DELETE'' THEN
		IF coalesce(current_setting(''circle.audit_retention_before'', true), '''') <> ''''
			AND OLD."createdAt" < current_setting(''circle.audit_retention_before'', true)::timestamp THEN
			RETURN OLD\073
		END IF\073
		RAISE EXCEPTION ''the audit log is append-only: rows cannot be deleted'' USING ERRCODE = ''insufficient_privilege''\073
	END IF\073
	IF NEW.id IS DISTINCT FROM OLD.id
		OR NEW.action IS DISTINCT FROM OLD.action
		OR NEW."targetType" IS DISTINCT FROM OLD."targetType"
		OR NEW."targetId" IS DISTINCT FROM OLD."targetId"
		OR (NEW.details IS DISTINCT FROM OLD.details AND coalesce(current_setting(''circle.erasure'', true), '''') <> ''on'')
		OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt"
		OR (NEW."actorId" IS DISTINCT FROM OLD."actorId" AND NEW."actorId" IS NOT NULL)
		OR (NEW."organisationId" IS DISTINCT FROM OLD."organisationId" AND NEW."organisationId" IS NOT NULL)
		OR (NEW."ipAddress" IS DISTINCT FROM OLD."ipAddress" AND NEW."ipAddress" IS NOT NULL)
		OR (NEW."userAgent" IS DISTINCT FROM OLD."userAgent" AND NEW."userAgent" IS NOT NULL)
	THEN
		RAISE EXCEPTION ''the audit log is append-only: only references and network details may be cleared'' USING ERRCODE = ''insufficient_privilege''\073
	END IF\073
	RETURN NEW\073
END ';

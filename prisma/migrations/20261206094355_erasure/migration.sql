-- AlterTable
ALTER TABLE "User" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "erasureKeepsCertificateNames" BOOLEAN NOT NULL DEFAULT false;

-- Erasure (docs/decisions/0038-erasure.md) may also rewrite an audit row's details, to take a
-- person's name and addresses out of them, but only inside a transaction that has said it is an
-- erasure (set_config('circle.erasure', 'on', true)). Rows still cannot be deleted, and what happened,
-- to what and when stay as they were. The body is an E'' string with \073 (see the identity migration).
CREATE OR REPLACE FUNCTION "circle_audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	IF TG_OP = ''DELETE'' THEN
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

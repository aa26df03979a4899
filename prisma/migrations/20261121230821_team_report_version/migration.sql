-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "reportVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- The team report caches each organisation's row order, counts and weekly chart while
-- "reportVersion" is unchanged (docs/decisions/0016-team-report-cache.md). These triggers bump it
-- in the same transaction as any change the report shows, whichever process or script makes it,
-- so a cached report can never outlive the data it was computed from. Row-level: the writes they
-- follow are a handful of rows at a time (an invitation list, a refund's seats). Prisma's migration
-- runner splits the script at every semicolon, quoted or not, so the function bodies are E'' strings
-- with each semicolon written as \073.

CREATE FUNCTION "circle_bump_report_version"(org_ids text[]) RETURNS void LANGUAGE sql AS E'
	UPDATE "Organisation" SET "reportVersion" = "reportVersion" + 1 WHERE id = ANY(org_ids)
';

-- Seats held, reclaimed, removed or moved.
CREATE FUNCTION "circle_report_seat_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_report_version"(ARRAY(
		SELECT DISTINCT "organisationId" FROM "SeatPool" WHERE id IN (NEW."poolId", OLD."poolId")))\073
	RETURN NULL\073
END ';
CREATE TRIGGER "report_version_seat" AFTER INSERT OR UPDATE OR DELETE ON "SeatAssignment"
	FOR EACH ROW EXECUTE FUNCTION "circle_report_seat_changed"();

-- Invitations sent, accepted, withdrawn or expired by hand.
CREATE FUNCTION "circle_report_invitation_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_report_version"(ARRAY(
		SELECT DISTINCT o FROM unnest(ARRAY[NEW."organisationId", OLD."organisationId"]) o WHERE o IS NOT NULL))\073
	RETURN NULL\073
END ';
CREATE TRIGGER "report_version_invitation" AFTER INSERT OR UPDATE OR DELETE ON "Invitation"
	FOR EACH ROW EXECUTE FUNCTION "circle_report_invitation_changed"();

-- A seat holder's enrolment starting, completing, being revoked or moving version (its progress
-- percentage and last activity are read fresh for every page, so those need no bump).
CREATE FUNCTION "circle_report_enrolment_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_report_version"(ARRAY(
		SELECT DISTINCT p."organisationId" FROM "SeatAssignment" sa JOIN "SeatPool" p ON p.id = sa."poolId"
		WHERE sa.id IN (NEW."seatAssignmentId", OLD."seatAssignmentId")))\073
	RETURN NULL\073
END ';
CREATE TRIGGER "report_version_enrolment_insert_delete" AFTER INSERT OR DELETE ON "Enrolment"
	FOR EACH ROW EXECUTE FUNCTION "circle_report_enrolment_changed"();
CREATE TRIGGER "report_version_enrolment_update" AFTER UPDATE ON "Enrolment"
	FOR EACH ROW
	WHEN ((NEW."seatAssignmentId" IS NOT NULL OR OLD."seatAssignmentId" IS NOT NULL) AND (
		OLD."startedAt" IS DISTINCT FROM NEW."startedAt" OR OLD."completedAt" IS DISTINCT FROM NEW."completedAt"
		OR OLD.status IS DISTINCT FROM NEW.status OR OLD."versionId" IS DISTINCT FROM NEW."versionId"
		OR OLD."seatAssignmentId" IS DISTINCT FROM NEW."seatAssignmentId"))
	EXECUTE FUNCTION "circle_report_enrolment_changed"();

-- Names and addresses order the report: a seat holder renamed, or someone signing up with an
-- address that has a pending invitation (the report shows their name from then on).
CREATE FUNCTION "circle_report_user_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_report_version"(ARRAY(
		SELECT p."organisationId" FROM "SeatAssignment" sa JOIN "SeatPool" p ON p.id = sa."poolId"
		WHERE sa."userId" = NEW.id
		UNION
		SELECT i."organisationId" FROM "Invitation" i
		WHERE i.email IN (NEW.email, OLD.email) AND i."acceptedAt" IS NULL AND i."revokedAt" IS NULL))\073
	RETURN NULL\073
END ';
CREATE TRIGGER "report_version_user_insert" AFTER INSERT ON "User"
	FOR EACH ROW EXECUTE FUNCTION "circle_report_user_changed"();
CREATE TRIGGER "report_version_user_update" AFTER UPDATE OF name, email ON "User"
	FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email)
	EXECUTE FUNCTION "circle_report_user_changed"();

-- A course's title (its published version) orders the report too.
CREATE FUNCTION "circle_report_course_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_report_version"(ARRAY(SELECT "organisationId" FROM "SeatPool" WHERE "courseId" = NEW.id))\073
	RETURN NULL\073
END ';
CREATE TRIGGER "report_version_course" AFTER UPDATE OF "publishedVersionId", slug ON "Course"
	FOR EACH ROW WHEN (OLD."publishedVersionId" IS DISTINCT FROM NEW."publishedVersionId" OR OLD.slug IS DISTINCT FROM NEW.slug)
	EXECUTE FUNCTION "circle_report_course_changed"();

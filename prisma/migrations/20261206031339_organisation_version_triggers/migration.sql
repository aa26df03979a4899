-- Hand-written, no schema change. The team report ("reportVersion", ADR 0016) and the compliance
-- matrix ("matrixVersion", ADR 0027) each cached their views behind a version that triggers bump,
-- and each migration wrote its own bump function and its own copy of the "this row's organisation"
-- trigger function. This replaces both with one shape:
--   circle_bump_versions(org_ids, columns) bumps the named version columns of those organisations,
--   circle_bump_own_organisation() is the trigger for tables that carry "organisationId" (the
--   version columns are its trigger arguments),
-- and every other trigger function finds its organisations and calls circle_bump_versions.
-- The triggers keep their names, tables, events and WHEN conditions. Function bodies are E''
-- strings with each semicolon written as \073 (Prisma's runner splits the script at semicolons).

-- One static UPDATE (planned once per session, no dynamic SQL on every row of a bulk write): each
-- version column is bumped when it is named. A name that is not a version column raises, so a typo
-- in a trigger's arguments fails loudly instead of silently leaving a cache stale.
CREATE FUNCTION "circle_bump_versions"(org_ids text[], columns text[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
	IF NOT columns <@ ARRAY[''reportVersion'', ''matrixVersion''] THEN
		RAISE EXCEPTION ''circle_bump_versions: unknown version column in %'', columns\073
	END IF\073
	IF org_ids IS NULL OR cardinality(org_ids) = 0 THEN
		RETURN\073
	END IF\073
	UPDATE "Organisation" SET
		"reportVersion" = "reportVersion" + (CASE WHEN ''reportVersion'' = ANY(columns) THEN 1 ELSE 0 END),
		"matrixVersion" = "matrixVersion" + (CASE WHEN ''matrixVersion'' = ANY(columns) THEN 1 ELSE 0 END)
	WHERE id = ANY(org_ids)\073
END ';

CREATE FUNCTION "circle_bump_own_organisation"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_versions"(ARRAY(
		SELECT DISTINCT o FROM unnest(ARRAY[NEW."organisationId", OLD."organisationId"]) o WHERE o IS NOT NULL),
		TG_ARGV::text[])\073
	RETURN NULL\073
END ';

-- Team report.

CREATE OR REPLACE FUNCTION "circle_report_seat_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_versions"(ARRAY(
		SELECT DISTINCT "organisationId" FROM "SeatPool" WHERE id IN (NEW."poolId", OLD."poolId")), ARRAY[''reportVersion''])\073
	RETURN NULL\073
END ';

DROP TRIGGER "report_version_invitation" ON "Invitation";
DROP FUNCTION "circle_report_invitation_changed"();
CREATE TRIGGER "report_version_invitation" AFTER INSERT OR UPDATE OR DELETE ON "Invitation"
	FOR EACH ROW EXECUTE FUNCTION "circle_bump_own_organisation"('reportVersion');

CREATE OR REPLACE FUNCTION "circle_report_enrolment_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_versions"(ARRAY(
		SELECT DISTINCT p."organisationId" FROM "SeatAssignment" sa JOIN "SeatPool" p ON p.id = sa."poolId"
		WHERE sa.id IN (NEW."seatAssignmentId", OLD."seatAssignmentId")), ARRAY[''reportVersion''])\073
	RETURN NULL\073
END ';

CREATE OR REPLACE FUNCTION "circle_report_user_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_versions"(ARRAY(
		SELECT p."organisationId" FROM "SeatAssignment" sa JOIN "SeatPool" p ON p.id = sa."poolId"
		WHERE sa."userId" = NEW.id
		UNION
		SELECT i."organisationId" FROM "Invitation" i
		WHERE i.email IN (NEW.email, OLD.email) AND i."acceptedAt" IS NULL AND i."revokedAt" IS NULL), ARRAY[''reportVersion''])\073
	RETURN NULL\073
END ';

CREATE OR REPLACE FUNCTION "circle_report_course_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_versions"(ARRAY(SELECT "organisationId" FROM "SeatPool" WHERE "courseId" = NEW.id), ARRAY[''reportVersion''])\073
	RETURN NULL\073
END ';

-- Compliance matrix.

DROP TRIGGER "matrix_version_requirement" ON "LearnerAssignment";
DROP TRIGGER "matrix_version_requirement_update" ON "LearnerAssignment";
DROP FUNCTION "circle_matrix_requirement_changed"();
CREATE TRIGGER "matrix_version_requirement" AFTER INSERT OR DELETE ON "LearnerAssignment"
	FOR EACH ROW EXECUTE FUNCTION "circle_bump_own_organisation"('matrixVersion');
CREATE TRIGGER "matrix_version_requirement_update" AFTER UPDATE ON "LearnerAssignment"
	FOR EACH ROW
	WHEN (OLD."dueOn" IS DISTINCT FROM NEW."dueOn" OR OLD."completedAt" IS DISTINCT FROM NEW."completedAt"
		OR OLD."certificateId" IS DISTINCT FROM NEW."certificateId" OR OLD."cancelledAt" IS DISTINCT FROM NEW."cancelledAt"
		OR OLD."enrolmentId" IS DISTINCT FROM NEW."enrolmentId" OR OLD.cycle IS DISTINCT FROM NEW.cycle
		OR OLD."renewsCertificateId" IS DISTINCT FROM NEW."renewsCertificateId" OR OLD."courseId" IS DISTINCT FROM NEW."courseId"
		OR OLD."userId" IS DISTINCT FROM NEW."userId" OR OLD."organisationId" IS DISTINCT FROM NEW."organisationId")
	EXECUTE FUNCTION "circle_bump_own_organisation"('matrixVersion');

CREATE OR REPLACE FUNCTION "circle_matrix_certificate_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_versions"(ARRAY(
		SELECT "organisationId" FROM "LearnerAssignment" WHERE "certificateId" = NEW.id
		UNION SELECT "organisationId" FROM "LearnerAssignment" WHERE "renewsCertificateId" = NEW.id), ARRAY[''matrixVersion''])\073
	RETURN NULL\073
END ';

CREATE OR REPLACE FUNCTION "circle_matrix_enrolment_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_versions"(ARRAY(
		SELECT DISTINCT "organisationId" FROM "LearnerAssignment" WHERE "enrolmentId" = NEW.id), ARRAY[''matrixVersion''])\073
	RETURN NULL\073
END ';

DROP TRIGGER "matrix_version_team" ON "Team";
DROP FUNCTION "circle_matrix_team_changed"();
CREATE TRIGGER "matrix_version_team" AFTER INSERT OR UPDATE OR DELETE ON "Team"
	FOR EACH ROW EXECUTE FUNCTION "circle_bump_own_organisation"('matrixVersion');

CREATE OR REPLACE FUNCTION "circle_matrix_team_member_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_versions"(ARRAY(
		SELECT DISTINCT "organisationId" FROM "Team" WHERE id IN (NEW."teamId", OLD."teamId")), ARRAY[''matrixVersion''])\073
	RETURN NULL\073
END ';

DROP TRIGGER "matrix_version_membership_insert_delete" ON "Membership";
DROP TRIGGER "matrix_version_membership_update" ON "Membership";
DROP FUNCTION "circle_matrix_membership_changed"();
CREATE TRIGGER "matrix_version_membership_insert_delete" AFTER INSERT OR DELETE ON "Membership"
	FOR EACH ROW EXECUTE FUNCTION "circle_bump_own_organisation"('matrixVersion');
CREATE TRIGGER "matrix_version_membership_update" AFTER UPDATE ON "Membership"
	FOR EACH ROW WHEN (OLD."deactivatedAt" IS DISTINCT FROM NEW."deactivatedAt")
	EXECUTE FUNCTION "circle_bump_own_organisation"('matrixVersion');

CREATE OR REPLACE FUNCTION "circle_matrix_user_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_versions"(ARRAY(SELECT "organisationId" FROM "Membership" WHERE "userId" = NEW.id), ARRAY[''matrixVersion''])\073
	RETURN NULL\073
END ';

-- Nothing calls the two per-cache bump functions any more.
DROP FUNCTION "circle_bump_report_version"(text[]);
DROP FUNCTION "circle_bump_matrix_version"(text[]);

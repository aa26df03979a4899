-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "matrixVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "LearnerAssignment_renewsCertificateId_idx" ON "LearnerAssignment"("renewsCertificateId");

-- Hand-written. The compliance matrix caches each organisation's row order and counts while
-- "matrixVersion" is unchanged and the UK day is the same (docs/decisions/0027-compliance.md, as the
-- team report does with "reportVersion", ADR 0016). These triggers bump it in the same transaction
-- as any change the matrix shows, whichever process or script makes it. Function bodies are E''
-- strings with each semicolon written as \073 (Prisma's runner splits the script at semicolons).

CREATE FUNCTION "circle_bump_matrix_version"(org_ids text[]) RETURNS void LANGUAGE sql AS E'
	UPDATE "Organisation" SET "matrixVersion" = "matrixVersion" + 1 WHERE id = ANY(org_ids)
';

-- A requirement assigned, completed, cancelled, re-dated, renewed or deleted.
CREATE FUNCTION "circle_matrix_requirement_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_matrix_version"(ARRAY(
		SELECT DISTINCT o FROM unnest(ARRAY[NEW."organisationId", OLD."organisationId"]) o WHERE o IS NOT NULL))\073
	RETURN NULL\073
END ';
CREATE TRIGGER "matrix_version_requirement" AFTER INSERT OR DELETE ON "LearnerAssignment"
	FOR EACH ROW EXECUTE FUNCTION "circle_matrix_requirement_changed"();
-- Only the columns a cell shows or is chosen by: a column added for bookkeeping (a reminder sent)
-- does not empty every cached view.
CREATE TRIGGER "matrix_version_requirement_update" AFTER UPDATE ON "LearnerAssignment"
	FOR EACH ROW
	WHEN (OLD."dueOn" IS DISTINCT FROM NEW."dueOn" OR OLD."completedAt" IS DISTINCT FROM NEW."completedAt"
		OR OLD."certificateId" IS DISTINCT FROM NEW."certificateId" OR OLD."cancelledAt" IS DISTINCT FROM NEW."cancelledAt"
		OR OLD."enrolmentId" IS DISTINCT FROM NEW."enrolmentId" OR OLD.cycle IS DISTINCT FROM NEW.cycle
		OR OLD."renewsCertificateId" IS DISTINCT FROM NEW."renewsCertificateId" OR OLD."courseId" IS DISTINCT FROM NEW."courseId"
		OR OLD."userId" IS DISTINCT FROM NEW."userId" OR OLD."organisationId" IS DISTINCT FROM NEW."organisationId")
	EXECUTE FUNCTION "circle_matrix_requirement_changed"();

-- A certificate that meets or is renewed by a requirement revoked, or its expiry changed.
CREATE FUNCTION "circle_matrix_certificate_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_matrix_version"(ARRAY(
		SELECT "organisationId" FROM "LearnerAssignment" WHERE "certificateId" = NEW.id
		UNION SELECT "organisationId" FROM "LearnerAssignment" WHERE "renewsCertificateId" = NEW.id))\073
	RETURN NULL\073
END ';
CREATE TRIGGER "matrix_version_certificate" AFTER UPDATE ON "Certificate"
	FOR EACH ROW
	WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt" OR OLD."validUntil" IS DISTINCT FROM NEW."validUntil")
	EXECUTE FUNCTION "circle_matrix_certificate_changed"();

-- A requirement's enrolment started (not started → in progress), finished or restarted for a new cycle.
CREATE FUNCTION "circle_matrix_enrolment_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_matrix_version"(ARRAY(
		SELECT DISTINCT "organisationId" FROM "LearnerAssignment" WHERE "enrolmentId" = NEW.id))\073
	RETURN NULL\073
END ';
CREATE TRIGGER "matrix_version_enrolment" AFTER UPDATE ON "Enrolment"
	FOR EACH ROW
	WHEN (OLD."startedAt" IS DISTINCT FROM NEW."startedAt" OR OLD."completedAt" IS DISTINCT FROM NEW."completedAt")
	EXECUTE FUNCTION "circle_matrix_enrolment_changed"();

-- Teams created, renamed, moved or deleted, and people joining or leaving them (or managing them).
CREATE FUNCTION "circle_matrix_team_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_matrix_version"(ARRAY(
		SELECT DISTINCT o FROM unnest(ARRAY[NEW."organisationId", OLD."organisationId"]) o WHERE o IS NOT NULL))\073
	RETURN NULL\073
END ';
CREATE TRIGGER "matrix_version_team" AFTER INSERT OR UPDATE OR DELETE ON "Team"
	FOR EACH ROW EXECUTE FUNCTION "circle_matrix_team_changed"();
CREATE FUNCTION "circle_matrix_team_member_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_matrix_version"(ARRAY(
		SELECT DISTINCT "organisationId" FROM "Team" WHERE id IN (NEW."teamId", OLD."teamId")))\073
	RETURN NULL\073
END ';
CREATE TRIGGER "matrix_version_team_member" AFTER INSERT OR UPDATE OR DELETE ON "TeamMember"
	FOR EACH ROW EXECUTE FUNCTION "circle_matrix_team_member_changed"();

-- The matrix's rows are the organisation's active members: someone joining, leaving or deactivated.
CREATE FUNCTION "circle_matrix_membership_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_matrix_version"(ARRAY(
		SELECT DISTINCT o FROM unnest(ARRAY[NEW."organisationId", OLD."organisationId"]) o WHERE o IS NOT NULL))\073
	RETURN NULL\073
END ';
CREATE TRIGGER "matrix_version_membership_insert_delete" AFTER INSERT OR DELETE ON "Membership"
	FOR EACH ROW EXECUTE FUNCTION "circle_matrix_membership_changed"();
CREATE TRIGGER "matrix_version_membership_update" AFTER UPDATE ON "Membership"
	FOR EACH ROW WHEN (OLD."deactivatedAt" IS DISTINCT FROM NEW."deactivatedAt")
	EXECUTE FUNCTION "circle_matrix_membership_changed"();

-- Names and addresses order and filter the rows.
CREATE FUNCTION "circle_matrix_user_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
	PERFORM "circle_bump_matrix_version"(ARRAY(SELECT "organisationId" FROM "Membership" WHERE "userId" = NEW.id))\073
	RETURN NULL\073
END ';
CREATE TRIGGER "matrix_version_user" AFTER UPDATE OF name, email ON "User"
	FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email)
	EXECUTE FUNCTION "circle_matrix_user_changed"();

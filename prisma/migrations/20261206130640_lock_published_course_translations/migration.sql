-- Hand-written, no schema change (ADR 0002, ADR 0041). A published or archived course version is
-- what its learners follow, so its Welsh is locked as its English is: a row of CourseTranslation
-- whose version is not a DRAFT cannot be changed or deleted, nor moved into or out of such a version.
-- Deleting the version itself still removes its rows (the foreign key's cascade runs after the
-- version row is gone, so the lookup below finds no version and lets the delete through). Adding a
-- text to a published version stays possible: the demo seed gives its published course a Welsh
-- version, and the studio only ever writes drafts.
-- Prisma's migration runner splits at every semicolon, so the body is an E'' string with \073.
CREATE FUNCTION "circle_course_translation_locked"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
	locked boolean\073
BEGIN
	SELECT bool_or(status <> ''DRAFT'') INTO locked FROM "CourseVersion"
	WHERE id = OLD."versionId" OR (TG_OP = ''UPDATE'' AND id = NEW."versionId")\073
	IF locked THEN
		RAISE EXCEPTION ''the translations of a published course version cannot be changed: edit its draft'' USING ERRCODE = ''integrity_constraint_violation''\073
	END IF\073
	IF TG_OP = ''DELETE'' THEN
		RETURN OLD\073
	END IF\073
	RETURN NEW\073
END ';

CREATE TRIGGER "course_translation_locked" BEFORE UPDATE OR DELETE ON "CourseTranslation"
	FOR EACH ROW EXECUTE FUNCTION "circle_course_translation_locked"();

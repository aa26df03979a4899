// Every raw SQL statement of the assignments context (ADR 0018).
import { type LearnerAssignment, type Tx } from '#modules/db/client.ts'

/**
 * Inserts one person's open requirement unless they already have one for the course here (the
 * partial unique index LearnerAssignment_open_key, or the one-renewal-per-certificate index):
 * INSERT … ON CONFLICT DO NOTHING, which never aborts the surrounding transaction. Returns the new
 * row's id, or null when another row was there first.
 */
export async function insertLearnerAssignment(
	tx: Tx,
	row: Pick<
		LearnerAssignment,
		| 'organisationId'
		| 'assignmentId'
		| 'userId'
		| 'courseId'
		| 'refresherCourseId'
		| 'kind'
		| 'cycle'
		| 'dueOn'
		| 'assignedAt'
		| 'enrolmentId'
		| 'completedAt'
		| 'certificateId'
		| 'renewsCertificateId'
	> & { id: string },
): Promise<string | null> {
	const inserted = await tx.$queryRaw<Array<Pick<LearnerAssignment, 'id'>>>`
		INSERT INTO "LearnerAssignment" (id, "organisationId", "assignmentId", "userId", "courseId", "refresherCourseId",
			kind, cycle, "dueOn", "assignedAt", "enrolmentId", "completedAt", "certificateId", "renewsCertificateId")
		VALUES (${row.id}, ${row.organisationId}, ${row.assignmentId}, ${row.userId}, ${row.courseId}, ${row.refresherCourseId},
			${row.kind}::"LearnerAssignmentKind", ${row.cycle}, ${row.dueOn}::date, ${row.assignedAt}, ${row.enrolmentId},
			${row.completedAt}, ${row.certificateId}, ${row.renewsCertificateId})
		ON CONFLICT DO NOTHING
		RETURNING id`
	return inserted[0]?.id ?? null
}

// Every raw SQL statement of the authoring context (ADR 0018): row types from the generated models,
// so a renamed column fails `tsc`; sql.test.ts runs each statement against PostgreSQL.
import { type Course, type CourseAuthor, type prisma, type Tx, type User } from '#modules/db/client.ts'

type Db = Tx | typeof prisma

export type CourseAccessRow = Pick<User, 'role' | 'disabledAt'> & {
	courseId: Course['id'] | null
	authorRole: CourseAuthor['role'] | null
}

/**
 * The actor (null when there is no such user), the course if it exists, and the actor's authorship
 * of it, in one statement: every studio page and action starts here.
 */
export async function selectCourseAccess(db: Db, { courseId, actorId }: { courseId: string; actorId: string }) {
	const [row] = await db.$queryRaw<CourseAccessRow[]>`
		SELECT u.role::text AS role, u."disabledAt", c.id AS "courseId", a.role::text AS "authorRole"
		FROM "User" u
		LEFT JOIN "Course" c ON c.id = ${courseId}
		LEFT JOIN "CourseAuthor" a ON a."courseId" = c.id AND a."userId" = u.id
		WHERE u.id = ${actorId}`
	return row ?? null
}

/** Locks a learner's enrolment on a course (if any) until the transaction ends. */
export async function lockLearnerEnrolment(tx: Tx, { userId, courseId }: { userId: string; courseId: string }) {
	await tx.$queryRaw<Array<{ id: string }>>`
		SELECT id FROM "Enrolment" WHERE "userId" = ${userId} AND "courseId" = ${courseId} FOR UPDATE`
}

// Every raw SQL statement of the learning context (ADR 0018): row types from the generated models,
// so a renamed column fails `tsc`; sql.test.ts runs each statement against PostgreSQL.
import {
	type Certificate,
	type Course,
	type CourseVersion,
	type Enrolment,
	type Lesson,
	type LessonProgress,
	type Module,
	prisma,
	type Tx,
} from '#modules/db/client.ts'
import { enrolmentStartedSql } from '#modules/enrolment/started.ts'

type Db = Tx | typeof prisma

/**
 * How many required lessons before the given position (module position, then lesson position) of
 * a version the learner has not completed.
 */
export async function countRequiredLessonsNotDoneBefore(
	db: Db,
	{
		userId,
		versionId,
		modulePosition,
		position,
	}: { userId: string; versionId: string; modulePosition: Module['position']; position: Lesson['position'] },
) {
	const [row] = await db.$queryRaw<Array<{ n: number }>>`
		SELECT count(*)::int AS n
		FROM "Lesson" l
		JOIN "Module" m ON m.id = l."moduleId"
		WHERE l."versionId" = ${versionId}
			AND l.required
			AND (m.position < ${modulePosition} OR (m.position = ${modulePosition} AND l.position < ${position}))
			AND NOT EXISTS (
				SELECT 1 FROM "LessonProgress" p
				WHERE p."lessonId" = l.id AND p."userId" = ${userId} AND p.status = 'COMPLETED'
			)`
	return row?.n ?? 0
}

export type DashboardEnrolmentRow = Pick<
	Enrolment,
	'id' | 'versionId' | 'completedAt' | 'secondsSpent' | 'lastActivityAt' | 'createdAt'
> &
	Pick<CourseVersion, 'title' | 'summary' | 'cpdMinutes' | 'sequential'> & {
		courseSlug: Course['slug']
		publishedVersionId: Course['publishedVersionId']
		certificateCode: Certificate['code'] | null
		certificateRevokedAt: Certificate['revokedAt']
		/** The one "started" rule (modules/enrolment/started.ts). */
		started: boolean
	}

/** The learner's active enrolments with their course, version and certificate. */
export async function selectDashboardEnrolments({ userId }: { userId: string }) {
	return prisma.$queryRaw<DashboardEnrolmentRow[]>`
		SELECT e.id, e."versionId", e."completedAt", e."secondsSpent", e."lastActivityAt", e."createdAt",
			c.slug AS "courseSlug", c."publishedVersionId", v.title, v.summary, v."cpdMinutes", v.sequential,
			cert.code AS "certificateCode", cert."revokedAt" AS "certificateRevokedAt",
			${enrolmentStartedSql('e')} AS started
		FROM "Enrolment" e
		JOIN "Course" c ON c.id = e."courseId"
		JOIN "CourseVersion" v ON v.id = e."versionId"
		LEFT JOIN "Certificate" cert ON cert."enrolmentId" = e.id
		WHERE e."userId" = ${userId} AND e.status = 'ACTIVE'`
}

/** The lessons of these versions, in course order. */
export async function selectDashboardLessons({ versionIds }: { versionIds: string[] }) {
	return prisma.$queryRaw<Array<Pick<Lesson, 'id' | 'versionId' | 'required' | 'title'>>>`
		SELECT l.id, l."versionId", l.required, l.title
		FROM "Lesson" l JOIN "Module" m ON m.id = l."moduleId"
		WHERE l."versionId" = ANY(${versionIds}::text[])
		ORDER BY m.position, l.position`
}

/** The learner's progress rows on these enrolments. */
export async function selectDashboardProgress({ userId, enrolmentIds }: { userId: string; enrolmentIds: string[] }) {
	return prisma.$queryRaw<Array<Pick<LessonProgress, 'enrolmentId' | 'lessonId' | 'status' | 'updatedAt'>>>`
		SELECT "enrolmentId", "lessonId", status::text AS status, "updatedAt"
		FROM "LessonProgress"
		WHERE "userId" = ${userId} AND "enrolmentId" = ANY(${enrolmentIds}::text[])`
}

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

export type LearnerEnrolmentRow = Pick<Enrolment, 'id' | 'courseId' | 'versionId' | 'completedAt' | 'cycle'> & {
	version: Pick<CourseVersion, 'title' | 'sequential' | 'status'>
	progress: Array<Pick<LessonProgress, 'lessonId' | 'status' | 'positionSeconds' | 'secondsWatched' | 'updatedAt'>>
}

/**
 * The learner's ACTIVE enrolment on the course (by slug) with its version's title, order rule and
 * status, and all the learner's progress rows on it: the lesson page's per-learner read, in one
 * statement. Null when they have no active enrolment there.
 */
export async function selectLearnerEnrolment({
	userId,
	courseSlug,
}: {
	userId: string
	courseSlug: string
}): Promise<LearnerEnrolmentRow | null> {
	const [row] = await prisma.$queryRaw<
		Array<
			Omit<LearnerEnrolmentRow, 'version' | 'progress'> & {
				title: string
				sequential: boolean
				status: CourseVersion['status']
				progress: Array<Omit<LearnerEnrolmentRow['progress'][number], 'updatedAt'> & { updatedAt: number }>
			}
		>
	>`
		SELECT e.id, e."courseId", e."versionId", e."completedAt", e.cycle,
			v.title, v.sequential, v.status::text AS status,
			COALESCE((
				SELECT json_agg(json_build_object(
					'lessonId', p."lessonId", 'status', p.status, 'positionSeconds', p."positionSeconds",
					'secondsWatched', p."secondsWatched",
					-- Milliseconds since the epoch: JSON has no dates (the column holds UTC).
					'updatedAt', (extract(epoch FROM p."updatedAt") * 1000)::float8))
				FROM "LessonProgress" p
				WHERE p."userId" = ${userId} AND p."enrolmentId" = e.id
			), '[]'::json) AS progress
		FROM "Enrolment" e
		JOIN "Course" c ON c.id = e."courseId"
		JOIN "CourseVersion" v ON v.id = e."versionId"
		WHERE e."userId" = ${userId} AND e.status = 'ACTIVE' AND c.slug = ${courseSlug}
		LIMIT 1`
	if (!row) return null
	const { title, sequential, status, progress, ...enrolment } = row
	return {
		...enrolment,
		version: { title, sequential, status },
		progress: progress.map((p) => ({ ...p, updatedAt: new Date(p.updatedAt) })),
	}
}

export type OutlineRow = {
	moduleId: Module['id']
	moduleTitle: Module['title']
	id: Lesson['id'] | null
	title: Lesson['title'] | null
	kind: Lesson['kind'] | null
	required: Lesson['required'] | null
	estimatedMinutes: Lesson['estimatedMinutes'] | null
}

/** A version's modules and their lessons (light fields only), in course order: one row per lesson. */
export async function selectVersionOutline({ versionId }: { versionId: string }) {
	return prisma.$queryRaw<OutlineRow[]>`
		SELECT m.id AS "moduleId", m.title AS "moduleTitle",
			l.id, l.title, l.kind::text AS kind, l.required, l."estimatedMinutes"
		FROM "Module" m LEFT JOIN "Lesson" l ON l."moduleId" = m.id
		WHERE m."versionId" = ${versionId}
		ORDER BY m.position, l.position`
}

export type LessonForLearnerRow = Pick<
	Lesson,
	'id' | 'key' | 'kind' | 'title' | 'position' | 'versionId' | 'videoDurationSeconds' | 'passMark' | 'maxAttempts'
> & {
	modulePosition: Module['position']
	sequential: CourseVersion['sequential']
	courseId: CourseVersion['courseId']
	enrolmentId: Enrolment['id']
	enrolmentCycle: Enrolment['cycle']
}

/**
 * A lesson with its module's position, its version's order rule and course, and the learner's
 * ACTIVE enrolment in that very version, in one statement: no row when the lesson does not exist or
 * the learner is not enrolled in its version.
 */
export async function selectLessonForLearner(db: Db, { userId, lessonId }: { userId: string; lessonId: string }) {
	const [row] = await db.$queryRaw<LessonForLearnerRow[]>`
		SELECT l.id, l.key, l.kind::text AS kind, l.title, l.position, l."versionId", l."videoDurationSeconds",
			l."passMark", l."maxAttempts", m.position AS "modulePosition", v.sequential, v."courseId",
			e.id AS "enrolmentId", e.cycle AS "enrolmentCycle"
		FROM "Lesson" l
		JOIN "Module" m ON m.id = l."moduleId"
		JOIN "CourseVersion" v ON v.id = l."versionId"
		JOIN "Enrolment" e ON e."versionId" = v.id AND e."userId" = ${userId} AND e.status = 'ACTIVE'
		WHERE l.id = ${lessonId}
		LIMIT 1`
	return row ?? null
}

/** A lesson's Markdown (null for a lesson without any). */
export async function selectLessonMarkdown({ lessonId }: { lessonId: string }) {
	const [row] = await prisma.$queryRaw<Array<Pick<Lesson, 'markdown'>>>`
		SELECT markdown FROM "Lesson" WHERE id = ${lessonId}`
	return row ?? null
}

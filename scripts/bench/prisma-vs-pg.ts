/**
 * Prisma against raw `pg` on the lesson page's hot queries (modules/learning/get-lesson-page.ts):
 * the learner's enrolment, the version's modules with their lessons, and the learner's progress,
 * the last two in parallel, exactly as the page runs them. Both clients use a pool of 10.
 */
import pg from 'pg'
import { requireDatabaseUrl } from '#modules/env/env.ts'
import { loadCourseForLearner } from '#modules/learning/get-lesson-page.ts'
import { timedLoop } from './timed-loop.ts'

// The Prisma side is the page's own function, so the comparison cannot drift from what the page runs.
const withPrisma = (userId: string, courseSlug: string) => loadCourseForLearner({ userId, courseSlug })

async function withPg(pool: pg.Pool, userId: string, courseSlug: string) {
	const { rows } = await pool.query(
		`SELECT e.id, e."courseId", e."versionId", e."completedAt", v.title, v.sequential
		FROM "Enrolment" e JOIN "Course" c ON c.id = e."courseId" JOIN "CourseVersion" v ON v.id = e."versionId"
		WHERE e."userId" = $1 AND e.status = 'ACTIVE' AND c.slug = $2 LIMIT 1`,
		[userId, courseSlug],
	)
	const enrolment = rows[0] as { id: string; versionId: string } | undefined
	if (!enrolment) throw new Error('not enrolled')
	return Promise.all([
		pool.query(
			`SELECT m.id, m.title, l.id AS "lessonId", l.title AS "lessonTitle", l.kind, l.required, l."estimatedMinutes"
			FROM "Module" m LEFT JOIN "Lesson" l ON l."moduleId" = m.id
			WHERE m."versionId" = $1 ORDER BY m.position, l.position`,
			[enrolment.versionId],
		),
		pool.query(
			`SELECT "lessonId", status, "positionSeconds", "secondsWatched", "updatedAt"
			FROM "LessonProgress" WHERE "userId" = $1 AND "enrolmentId" = $2`,
			[userId, enrolment.id],
		),
	])
}

export async function benchPrismaVsPg({
	userId,
	courseSlug,
	seconds,
}: {
	userId: string
	courseSlug: string
	seconds: number
}) {
	const pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 10 })
	try {
		// Interleaved twice, so that neither client always runs on the colder or busier half.
		const p1 = await timedLoop(seconds / 2, 8, () => withPrisma(userId, courseSlug))
		const g1 = await timedLoop(seconds / 2, 8, () => withPg(pool, userId, courseSlug))
		const p2 = await timedLoop(seconds / 2, 8, () => withPrisma(userId, courseSlug))
		const g2 = await timedLoop(seconds / 2, 8, () => withPg(pool, userId, courseSlug))
		const merge = (a: typeof p1, b: typeof p1) => ({
			rate: (a.rate + b.rate) / 2,
			p50: (a.p50 + b.p50) / 2,
			p99: Math.max(a.p99, b.p99),
			// The client's side only (this process): what Prisma adds over pg, not PostgreSQL's work.
			cpuMs: (a.cpuMs + b.cpuMs) / 2,
		})
		return { prisma: merge(p1, p2), pg: merge(g1, g2) }
	} finally {
		await pool.end()
	}
}

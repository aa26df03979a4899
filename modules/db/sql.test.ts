// The raw statements of the smaller contexts (ADR 0018), each run directly against PostgreSQL: the
// row's keys must be the ones its type declares. Organisations has its own sql.test.ts.
import { afterAll, describe, expect, test } from 'vitest'
import { lockUserRole } from '#modules/admin/sql.ts'
import * as analytics from '#modules/analytics/sql.ts'
import { createSession } from '#modules/auth/sessions.ts'
import { selectSessionWithUser } from '#modules/auth/sql.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { hashToken } from '#modules/auth/tokens.ts'
import { lockLearnerEnrolment, selectCourseAccess } from '#modules/authoring/sql.ts'
import { countPublishedCoursesBySector } from '#modules/catalog/sql.ts'
import * as learning from '#modules/learning/sql.ts'
import * as progress from '#modules/progress/sql.ts'
import { createCourse, createEnrolment, createUser, markLessonsCompleted } from '#tests/factories/learning.ts'
import { prisma } from './client.ts'
import { lockRowById, pingDatabase } from './sql.ts'

afterAll(releaseTestResources)

const keys = (row: object | null | undefined) => Object.keys(row ?? {}).sort()

async function learner() {
	const course = await createCourse({ modules: 1 })
	const user = await createUser()
	const enrolment = await createEnrolment({ userId: user.id, course })
	await markLessonsCompleted({ userId: user.id, enrolmentId: enrolment.id, lessons: course.lessons.slice(0, 1) })
	return { course, user, enrolment }
}

describe('shared, admin, auth, catalog and authoring statements', () => {
	test('row locks, the health check and the admin role lock', async () => {
		const { course, user } = await learner()
		await pingDatabase()
		const role = await prisma.$transaction(async (tx) => {
			await lockRowById(tx, 'Course', course.id)
			await lockRowById(tx, 'CourseVersion', course.versionId)
			await lockLearnerEnrolment(tx, { userId: user.id, courseId: course.id })
			return lockUserRole(tx, user.id)
		})
		expect(role).toEqual({ role: 'LEARNER' })
	})

	test('the session with its user, course access and sector counts', async () => {
		const { course, user } = await learner()
		const { token } = await createSession({ userId: user.id })
		const row = await selectSessionWithUser(hashToken(token))
		expect(keys(row)).toEqual([
			'createdAt',
			'disabledAt',
			'email',
			'emailVerifiedAt',
			'expiresAt',
			'id',
			'language',
			'lastSeenAt',
			'mfaEnrolled',
			'mfaVerifiedAt',
			'name',
			'orgMfaPolicies',
			'role',
			'userId',
		])
		expect(row).toMatchObject({
			userId: user.id,
			email: user.email,
			role: 'LEARNER',
			mfaEnrolled: false,
			mfaVerifiedAt: null,
			orgMfaPolicies: [],
		})

		const access = await selectCourseAccess(prisma, { courseId: course.id, actorId: user.id })
		expect(access).toEqual({ role: 'LEARNER', disabledAt: null, courseId: course.id, authorRole: null })

		const sectors = await countPublishedCoursesBySector()
		expect(sectors.find((s) => s.sector === 'FOUNDATIONS')?.count).toBeGreaterThan(0)
	})
})

describe('learning and progress statements', () => {
	test('dashboard, lock check and completion reads', async () => {
		const { course, user, enrolment } = await learner()
		const [e] = await learning.selectDashboardEnrolments({ userId: user.id })
		expect(keys(e)).toEqual([
			'certificateCode',
			'certificateRevokedAt',
			'completedAt',
			'courseSlug',
			'cpdMinutes',
			'createdAt',
			'id',
			'lastActivityAt',
			'publishedVersionId',
			'secondsSpent',
			'sequential',
			'started',
			'summary',
			'title',
			'versionId',
		])
		expect(e).toMatchObject({ id: enrolment.id, started: true })
		const lessons = await learning.selectDashboardLessons({ versionIds: [course.versionId] })
		expect(lessons.map((l) => l.id)).toEqual(course.lessons.map((l) => l.id))
		const rows = await learning.selectDashboardProgress({ userId: user.id, enrolmentIds: [enrolment.id] })
		expect(rows.map(keys)).toEqual([['enrolmentId', 'lessonId', 'status', 'updatedAt']])
		expect(
			await learning.countRequiredLessonsNotDoneBefore(prisma, {
				userId: user.id,
				versionId: course.versionId,
				modulePosition: 0,
				position: 3,
			}),
		).toBe(2)

		await prisma.$transaction(async (tx) => {
			const locked = await progress.lockLessonProgress(tx, { userId: user.id, lessonId: course.lessons[0]!.id })
			expect(keys(locked)).toEqual(['secondsWatched', 'status', 'updatedAt', 'watchedRanges'])
			expect(await progress.lockActiveEnrolment(tx, { enrolmentId: enrolment.id, userId: user.id })).toEqual({
				completedAt: null,
			})
			// Two required lessons remain: not complete.
			expect(
				await progress.completeEnrolmentIfDone(tx, {
					enrolmentId: enrolment.id,
					userId: user.id,
					completedAt: new Date(),
				}),
			).toBe(false)
		})
	})
})

describe('analytics statements', () => {
	test('stamp, totals, lesson and quiz counts, versions and outline', async () => {
		const { course } = await learner()
		expect(await analytics.selectFiguresStamp({ courseId: course.id })).toMatch(/^1:\d+$/)
		const totals = await analytics.selectVersionTotals({ versionId: course.versionId })
		expect(keys(totals)).toEqual(['completions', 'enrolments', 'median_seconds', 'starts'])
		expect(Number(totals!.starts)).toBe(1)
		const completed = await analytics.selectCompletedLessonCounts({ versionId: course.versionId })
		expect(completed.map((r) => [r.key, Number(r.completed)])).toEqual([[course.lessons[0]!.key, 1]])
		const quiz = await analytics.selectQuizCounts({ lessonIds: course.lessons.map((l) => l.id) })
		expect(quiz).toEqual([])
		const versions = await analytics.selectCourseVersions({ courseId: course.id })
		expect(versions.map(keys)).toEqual([['id', 'number', 'publishedVersionId', 'slug', 'status', 'title', 'versionId']])
		const outline = await analytics.selectVersionLessons({ versionId: course.versionId })
		expect(outline.map(keys)[0]).toEqual(['id', 'key', 'kind', 'moduleTitle', 'title'])
		const options = await analytics.selectVersionMarkedOptions({ versionId: course.versionId })
		expect(keys(options[0])).toEqual([
			'isCorrect',
			'lessonId',
			'optionId',
			'prompt',
			'questionId',
			'questionKind',
			'text',
		])
	})
})

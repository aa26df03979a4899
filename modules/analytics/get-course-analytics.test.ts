import { describe, expect, test } from 'vitest'
import { createDraftVersion } from '#modules/authoring/create-draft-version.ts'
import { moveEnrolmentToVersion } from '#modules/authoring/move-enrolment-to-version.ts'
import { publishCourse } from '#modules/authoring/publish-course.ts'
import { onQuery, prisma } from '#modules/db/client.ts'
import { enrolInCourse } from '#modules/enrolment/enrol-in-course.ts'
import { claimSeat } from '#modules/organisations/claim-seat.ts'
import { removeSeatAccess } from '#modules/organisations/end-seat.ts'
import { completeReading } from '#modules/progress/complete-reading.ts'
import { ensureProgressRow, markLessonCompleted, touchEnrolment } from '#modules/progress/progress-rows.ts'
import { submitQuizAttempt } from '#modules/quizzes/submit-quiz-attempt.ts'
import { createAuthoredCourse } from '#tests/factories/authoring.ts'
import { correctAnswers, createEnrolment, createUser, wrongAnswers } from '#tests/factories/learning.ts'
import { createOrganisation, createSeatPool } from '#tests/factories/organisations.ts'
import { getCourseAnalytics } from './get-course-analytics.ts'

// The three aggregate statements, recognised by text only they contain.
const AGGREGATES = [/percentile_cont/, /completed_lessons/, /"QuizAttempt" qa/]

/** getCourseAnalytics, with the SQL statements it sent. */
async function analyse(actorId: string, courseId: string, versionNumber?: number) {
	const statements: string[] = []
	const stop = onQuery(({ query }) => void statements.push(query))
	try {
		const analytics = await getCourseAnalytics({ actorId, courseId, versionNumber })
		return { analytics, statements, aggregates: statements.filter((q) => AGGREGATES.some((re) => re.test(q))) }
	} finally {
		stop()
	}
}

/** A published course (video, reading, quiz) owned by a trainer, with one learner who passed the quiz and one who failed it. */
async function courseWithLearners() {
	const owner = await createUser({ role: 'TRAINER' })
	const course = await createAuthoredCourse({ ownerId: owner.id, modules: 1 })
	const [, reading, quiz] = course.lessons as [
		(typeof course.lessons)[number],
		(typeof course.lessons)[number],
		(typeof course.lessons)[number],
	]
	for (const answers of [correctAnswers(quiz), wrongAnswers(quiz)]) {
		const learner = await createUser()
		await createEnrolment({ userId: learner.id, course })
		await submitQuizAttempt({ userId: learner.id, lessonId: quiz.id, answers })
	}
	return { owner, course, reading, quiz }
}

const completedOf = (a: Awaited<ReturnType<typeof getCourseAnalytics>>, key: string) =>
	a.funnel.find((s) => s.key === key)!.completed

describe('getCourseAnalytics caching', () => {
	test('a second view with nothing changed returns the same figures without re-running the aggregates', async () => {
		const { owner, course } = await courseWithLearners()
		const first = await analyse(owner.id, course.id)
		expect(first.aggregates).toHaveLength(3)
		expect(first.analytics.totals.enrolments).toBe(2)
		expect(first.analytics.quizzes[0]!.attempts).toBe(2)

		const second = await analyse(owner.id, course.id)
		expect(second.analytics).toEqual(first.analytics)
		expect(second.aggregates).toEqual([])
		expect(second.statements.length).toBeLessThan(first.statements.length)
	})

	test('a completed lesson, a new enrolment and a revocation show on the very next view', async () => {
		const { owner, course, reading, quiz } = await courseWithLearners()
		const organisation = await createOrganisation()
		const pool = await createSeatPool({ organisationId: organisation.id, course })
		const learner = await createUser()
		const seat = await claimSeat({ poolId: pool.id, userId: learner.id })
		await submitQuizAttempt({ userId: learner.id, lessonId: quiz.id, answers: correctAnswers(quiz) })

		const before = (await analyse(owner.id, course.id)).analytics
		expect(before.totals.enrolments).toBe(3)
		expect(completedOf(before, reading.key)).toBe(0)
		expect(before.quizzes[0]!.attempts).toBe(3)
		// Served from the cache now, so what follows proves that each change is noticed.
		expect((await analyse(owner.id, course.id)).aggregates).toEqual([])

		await completeReading({ userId: learner.id, lessonId: reading.id })
		const afterReading = await analyse(owner.id, course.id)
		expect(afterReading.aggregates).toHaveLength(3)
		expect(completedOf(afterReading.analytics, reading.key)).toBe(1)
		expect(afterReading.analytics.totals.starts).toBe(3)

		const newcomer = await createUser()
		await enrolInCourse({ userId: newcomer.id, courseId: course.id })
		const afterEnrolment = (await analyse(owner.id, course.id)).analytics
		expect(afterEnrolment.totals.enrolments).toBe(4)

		await removeSeatAccess({
			organisationId: organisation.id,
			poolId: pool.id,
			assignmentId: seat.assignmentId,
			actorId: organisation.owner.id,
		})
		const afterRevocation = (await analyse(owner.id, course.id)).analytics
		expect(afterRevocation.totals.enrolments).toBe(3)
		expect(completedOf(afterRevocation, reading.key)).toBe(0)
		expect(afterRevocation.quizzes[0]!.attempts).toBe(2)
	})

	test('progress that commits after a later learner’s is still counted', async () => {
		const { owner, course, reading } = await courseWithLearners()
		const slowLearner = await createUser()
		const slowEnrolment = await createEnrolment({ userId: slowLearner.id, course })
		const quickLearner = await createUser()
		await createEnrolment({ userId: quickLearner.id, course })
		await analyse(owner.id, course.id)

		// The slow writer stamps its activity first but commits last, so its lastActivityAt is not the newest.
		let touched!: () => void
		let commit!: () => void
		const hasTouched = new Promise<void>((resolve) => (touched = resolve))
		const mayCommit = new Promise<void>((resolve) => (commit = resolve))
		const slow = prisma.$transaction(async (tx) => {
			await ensureProgressRow({ tx, userId: slowLearner.id, enrolmentId: slowEnrolment.id, lesson: reading })
			await markLessonCompleted({ tx, userId: slowLearner.id, lessonId: reading.id })
			await touchEnrolment({ tx, enrolmentId: slowEnrolment.id })
			touched()
			await mayCommit
		})
		await hasTouched
		await new Promise((resolve) => setTimeout(resolve, 20))
		await completeReading({ userId: quickLearner.id, lessonId: reading.id })
		expect(completedOf((await analyse(owner.id, course.id)).analytics, reading.key)).toBe(1)

		commit()
		await slow
		expect(completedOf((await analyse(owner.id, course.id)).analytics, reading.key)).toBe(2)
	})

	test('revoking a learner who moved to a newer version updates the old version’s quiz figures', async () => {
		const { owner, course, quiz } = await courseWithLearners()
		const organisation = await createOrganisation()
		const pool = await createSeatPool({ organisationId: organisation.id, course })
		const learner = await createUser()
		const seat = await claimSeat({ poolId: pool.id, userId: learner.id })
		await submitQuizAttempt({ userId: learner.id, lessonId: quiz.id, answers: correctAnswers(quiz) })
		await createDraftVersion({ courseId: course.id, actorId: owner.id })
		await publishCourse({ courseId: course.id, actorId: owner.id, changeNote: 'Version 2' })
		await moveEnrolmentToVersion({ userId: learner.id, courseId: course.id })

		// Their attempt at version 1's quiz still counts there (the enrolment is active), though they follow version 2.
		const before = await analyse(owner.id, course.id, 1)
		expect(before.analytics.totals.enrolments).toBe(2)
		expect(before.analytics.quizzes[0]!.attempts).toBe(3)
		expect((await analyse(owner.id, course.id, 1)).aggregates).toEqual([])

		await removeSeatAccess({
			organisationId: organisation.id,
			poolId: pool.id,
			assignmentId: seat.assignmentId,
			actorId: organisation.owner.id,
		})
		expect((await analyse(owner.id, course.id, 1)).analytics.quizzes[0]!.attempts).toBe(2)
	})

	test('access and lesson titles are checked on every view, cached figures or not', async () => {
		const { owner, course, reading } = await courseWithLearners()
		const coAuthor = await createUser({ role: 'TRAINER' })
		await prisma.courseAuthor.create({ data: { courseId: course.id, userId: coAuthor.id, role: 'CO_AUTHOR' } })
		expect((await analyse(coAuthor.id, course.id)).analytics.totals.enrolments).toBe(2)
		expect((await analyse(owner.id, course.id)).aggregates).toEqual([])

		await prisma.courseAuthor.deleteMany({ where: { courseId: course.id, userId: coAuthor.id } })
		await expect(getCourseAnalytics({ actorId: coAuthor.id, courseId: course.id })).rejects.toMatchObject({
			kind: 'forbidden',
			code: 'NOT_AN_AUTHOR',
		})

		await prisma.lesson.update({ where: { id: reading.id }, data: { title: 'Renamed reading' } })
		const renamed = await analyse(owner.id, course.id)
		expect(renamed.aggregates).toEqual([])
		expect(renamed.analytics.funnel.find((s) => s.key === reading.key)!.title).toBe('Renamed reading')
	})
})

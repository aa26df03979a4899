import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { submitQuizAttempt } from '#modules/quizzes/submit-quiz-attempt.ts'
import {
	correctAnswers,
	createCourse,
	createEnrolment,
	createUser,
	markLessonsCompleted,
	wrongAnswers,
} from '#tests/factories/learning.ts'
import { completeEnrolment } from './complete-enrolment.ts'
import { completeReading } from './complete-reading.ts'

async function completionState(enrolmentId: string) {
	const [enrolment, audits] = await Promise.all([
		prisma.enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { completedAt: true } }),
		prisma.auditLog.count({ where: { action: 'enrolment.completed', targetId: enrolmentId } }),
	])
	return { completedAt: enrolment.completedAt, audits }
}

describe('completeEnrolment', () => {
	test('completes the enrolment when the last required lesson is done, once', async () => {
		const user = await createUser()
		const course = await createCourse({
			modules: 1,
			lessonKinds: ['READING', 'READING', 'READING'],
			optionalLessons: [2],
		})
		const enrolment = await createEnrolment({ userId: user.id, course })
		const [a, b] = course.lessons
		expect(await completeReading({ userId: user.id, lessonId: a!.id })).toEqual({
			lessonCompletedNow: true,
			courseCompletedNow: false,
		})
		expect((await completionState(enrolment.id)).completedAt).toBeNull()
		// The optional third lesson is not needed.
		expect(await completeReading({ userId: user.id, lessonId: b!.id })).toEqual({
			lessonCompletedNow: true,
			courseCompletedNow: true,
		})
		const state = await completionState(enrolment.id)
		expect(state.completedAt).not.toBeNull()
		expect(state.audits).toBe(1)
		// Marking a lesson done again changes nothing and does not complete again.
		expect(await completeReading({ userId: user.id, lessonId: b!.id })).toEqual({
			lessonCompletedNow: false,
			courseCompletedNow: false,
		})
		expect(await completionState(enrolment.id)).toEqual(state)
	})

	test('a quiz counts only when passed', async () => {
		const user = await createUser()
		const course = await createCourse({ modules: 1, lessonKinds: ['READING', 'QUIZ'] })
		const enrolment = await createEnrolment({ userId: user.id, course })
		const [reading, quiz] = course.lessons
		await completeReading({ userId: user.id, lessonId: reading!.id })
		const failed = await submitQuizAttempt({ userId: user.id, lessonId: quiz!.id, answers: wrongAnswers(quiz!) })
		expect(failed).toMatchObject({ passed: false, courseCompletedNow: false })
		expect((await completionState(enrolment.id)).completedAt).toBeNull()
		const passed = await submitQuizAttempt({ userId: user.id, lessonId: quiz!.id, answers: correctAnswers(quiz!) })
		expect(passed).toMatchObject({ passed: true, courseCompletedNow: true })
	})

	test('a quiz progress row marked COMPLETED without a passed attempt does not complete the course', async () => {
		const user = await createUser()
		const course = await createCourse({ modules: 1, lessonKinds: ['QUIZ'] })
		const enrolment = await createEnrolment({ userId: user.id, course })
		await markLessonsCompleted({ userId: user.id, enrolmentId: enrolment.id, lessons: course.lessons })
		const result = await prisma.$transaction((tx) =>
			completeEnrolment({ tx, enrolmentId: enrolment.id, userId: user.id }),
		)
		expect(result.completedNow).toBe(false)
	})

	test('an enrolment is only completed for its own learner', async () => {
		const user = await createUser()
		const other = await createUser()
		const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
		const enrolment = await createEnrolment({ userId: user.id, course })
		await markLessonsCompleted({ userId: other.id, enrolmentId: enrolment.id, lessons: course.lessons })
		const result = await prisma.$transaction((tx) =>
			completeEnrolment({ tx, enrolmentId: enrolment.id, userId: other.id }),
		)
		expect(result.completedNow).toBe(false)
		expect((await completionState(enrolment.id)).completedAt).toBeNull()
	})

	test('two last lessons completed at the same moment complete the course exactly once', async () => {
		// Repeated on several courses so that the requests really do interleave.
		for (let i = 0; i < 5; i++) {
			const user = await createUser()
			const course = await createCourse({ modules: 1, lessonKinds: ['READING', 'READING'] })
			const enrolment = await createEnrolment({ userId: user.id, course })
			const results = await Promise.all(course.lessons.map((l) => completeReading({ userId: user.id, lessonId: l.id })))
			expect(results.filter((r) => r.courseCompletedNow)).toHaveLength(1)
			const state = await completionState(enrolment.id)
			expect(state.completedAt).not.toBeNull()
			expect(state.audits).toBe(1)
		}
	})

	test('the completion check takes turns, so two writers that each finish one lesson never both miss it', async () => {
		const user = await createUser()
		const course = await createCourse({ modules: 1, lessonKinds: ['READING', 'READING'] })
		const enrolment = await createEnrolment({ userId: user.id, course })
		// Both transactions write their lesson before either checks: the worst interleaving.
		let arrived = 0
		let release = () => {}
		const barrier = new Promise<void>((resolve) => (release = resolve))
		const results = await Promise.all(
			course.lessons.map((lesson) =>
				prisma.$transaction(async (tx) => {
					await tx.lessonProgress.create({
						data: {
							userId: user.id,
							enrolmentId: enrolment.id,
							lessonId: lesson.id,
							lessonKey: lesson.key,
							status: 'COMPLETED',
							completedAt: new Date(),
						},
					})
					if (++arrived === 2) release()
					await barrier
					return completeEnrolment({ tx, enrolmentId: enrolment.id, userId: user.id })
				}),
			),
		)
		expect(results.filter((r) => r.completedNow)).toHaveLength(1)
		expect(await completionState(enrolment.id)).toMatchObject({ audits: 1, completedAt: expect.any(Date) })
	})

	test('two simultaneous completion checks produce one completion event', async () => {
		const user = await createUser()
		const course = await createCourse({ modules: 1, lessonKinds: ['READING', 'READING'] })
		const enrolment = await createEnrolment({ userId: user.id, course })
		await markLessonsCompleted({ userId: user.id, enrolmentId: enrolment.id, lessons: course.lessons })
		const results = await Promise.all(
			Array.from({ length: 4 }, () =>
				prisma.$transaction((tx) => completeEnrolment({ tx, enrolmentId: enrolment.id, userId: user.id })),
			),
		)
		expect(results.filter((r) => r.completedNow)).toHaveLength(1)
		expect((await completionState(enrolment.id)).audits).toBe(1)
	})
})

describe('completeReading', () => {
	test('refuses lessons that are not reading, and learners who are not enrolled', async () => {
		const user = await createUser()
		const course = await createCourse({ modules: 1, lessonKinds: ['READING', 'VIDEO'] })
		await expect(completeReading({ userId: user.id, lessonId: course.lessons[0]!.id })).rejects.toMatchObject({
			kind: 'not_found',
		})
		expect(await prisma.lessonProgress.count({ where: { userId: user.id } })).toBe(0)
		await createEnrolment({ userId: user.id, course })
		await expect(completeReading({ userId: user.id, lessonId: course.lessons[1]!.id })).rejects.toMatchObject({
			kind: 'invalid',
			code: 'NOT_A_READING_LESSON',
		})
	})

	test('refuses a locked lesson of a sequential course', async () => {
		const user = await createUser()
		const course = await createCourse({ modules: 2, lessonKinds: ['READING'], sequential: true })
		await createEnrolment({ userId: user.id, course })
		await expect(completeReading({ userId: user.id, lessonId: course.lessons[1]!.id })).rejects.toMatchObject({
			kind: 'forbidden',
			code: 'LESSON_LOCKED',
		})
		await completeReading({ userId: user.id, lessonId: course.lessons[0]!.id })
		await expect(completeReading({ userId: user.id, lessonId: course.lessons[1]!.id })).resolves.toMatchObject({
			lessonCompletedNow: true,
		})
	})

	test('a revoked enrolment no longer opens the course', async () => {
		const user = await createUser()
		const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
		const enrolment = await createEnrolment({ userId: user.id, course })
		await prisma.enrolment.update({ where: { id: enrolment.id }, data: { status: 'REVOKED', revokedAt: new Date() } })
		await expect(completeReading({ userId: user.id, lessonId: course.lessons[0]!.id })).rejects.toMatchObject({
			kind: 'not_found',
		})
	})
})

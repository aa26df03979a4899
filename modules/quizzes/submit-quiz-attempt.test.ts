import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import {
	correctAnswers,
	createCourse,
	createEnrolment,
	createUser,
	type CreatedLesson,
	wrongAnswers,
} from '#tests/factories/learning.ts'
import { submitQuizAttempt } from './submit-quiz-attempt.ts'

async function setUp(options: { maxAttempts?: number | null; passMark?: number } = {}) {
	const user = await createUser()
	const course = await createCourse({ modules: 2, lessonKinds: ['QUIZ'], ...options })
	const enrolment = await createEnrolment({ userId: user.id, course })
	return { user, course, enrolment, quiz: course.lessons[0]!, otherQuiz: course.lessons[1]! }
}

function answersWith(quiz: CreatedLesson, kind: string, replacement: Record<string, unknown>) {
	return correctAnswers(quiz).map((a) => {
		const q = quiz.questions.find((x) => x.id === a.questionId)!
		return q.kind === kind ? { questionId: a.questionId, ...replacement } : a
	})
}

async function storedFor(userId: string) {
	const [attempts, answers, reflections, progress] = await Promise.all([
		prisma.quizAttempt.count({ where: { userId } }),
		prisma.answer.count({ where: { attempt: { userId } } }),
		prisma.reflection.count({ where: { userId } }),
		prisma.lessonProgress.count({ where: { userId } }),
	])
	return { attempts, answers, reflections, progress }
}

describe('submitQuizAttempt', () => {
	test('grades a correct attempt, passes it, stores answers and the reflection, completes the lesson', async () => {
		const { user, quiz } = await setUp()
		const result = await submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers: correctAnswers(quiz) })
		expect(result).toMatchObject({ number: 1, scorePercent: 100, passed: true, lessonCompletedNow: true })
		const answers = await prisma.answer.findMany({
			where: { attemptId: result.attemptId },
			select: { questionId: true, isCorrect: true },
		})
		expect(answers).toHaveLength(4)
		const reflection = await prisma.reflection.findFirstOrThrow({ where: { userId: user.id, lessonId: quiz.id } })
		expect(reflection.text).toContain('rescue people')
		expect(reflection.prompt).toContain('Reflect on your practice')
		const progress = await prisma.lessonProgress.findUniqueOrThrow({
			where: { userId_lessonId: { userId: user.id, lessonId: quiz.id } },
		})
		expect(progress.status).toBe('COMPLETED')
	})

	test('MULTIPLE is right only when the chosen set equals the right set', async () => {
		const { user, quiz } = await setUp({ passMark: 100 })
		const multiple = quiz.questions.find((q) => q.kind === 'MULTIPLE')!
		const rightIds = multiple.options.filter((o) => o.isCorrect).map((o) => o.id)
		// One right option missing: half the marked questions right.
		const partial = await submitQuizAttempt({
			userId: user.id,
			lessonId: quiz.id,
			answers: answersWith(quiz, 'MULTIPLE', { optionIds: [rightIds[0]] }),
		})
		expect(partial).toMatchObject({ scorePercent: 50, passed: false })
		// All right options plus a wrong one: still wrong.
		const extra = await submitQuizAttempt({
			userId: user.id,
			lessonId: quiz.id,
			answers: answersWith(quiz, 'MULTIPLE', { optionIds: multiple.options.map((o) => o.id) }),
		})
		expect(extra).toMatchObject({ number: 2, scorePercent: 50, passed: false })
	})

	test('a failed attempt leaves the lesson incomplete and allows another', async () => {
		const { user, quiz } = await setUp()
		const failed = await submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers: wrongAnswers(quiz) })
		expect(failed).toMatchObject({ number: 1, scorePercent: 0, passed: false, lessonCompletedNow: false })
		const progress = await prisma.lessonProgress.findUniqueOrThrow({
			where: { userId_lessonId: { userId: user.id, lessonId: quiz.id } },
		})
		expect(progress.status).toBe('IN_PROGRESS')
		const passed = await submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers: correctAnswers(quiz) })
		expect(passed).toMatchObject({ number: 2, passed: true })
	})

	test('maxAttempts is enforced with a clear conflict', async () => {
		const { user, quiz } = await setUp({ maxAttempts: 2 })
		await submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers: wrongAnswers(quiz) })
		await submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers: wrongAnswers(quiz) })
		await expect(
			submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers: correctAnswers(quiz) }),
		).rejects.toMatchObject({
			kind: 'conflict',
			code: 'NO_ATTEMPTS_LEFT',
			message: expect.stringContaining('all 2 attempts'),
		})
		expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(2)
	})

	test('a passed quiz cannot be retaken', async () => {
		const { user, quiz } = await setUp()
		await submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers: correctAnswers(quiz) })
		await expect(
			submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers: correctAnswers(quiz) }),
		).rejects.toMatchObject({ kind: 'conflict', code: 'QUIZ_ALREADY_PASSED' })
	})

	test('a double submit stores one attempt and reports the other as a conflict', async () => {
		const { user, quiz } = await setUp()
		// Both from the same page, which showed no attempt yet (the form's attemptsSeen).
		const results = await Promise.allSettled([
			submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers: wrongAnswers(quiz), attemptsSeen: 0 }),
			submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers: wrongAnswers(quiz), attemptsSeen: 0 }),
		])
		const fulfilled = results.filter((r) => r.status === 'fulfilled')
		const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
		expect(fulfilled).toHaveLength(1)
		expect(rejected[0]?.reason).toMatchObject({ kind: 'conflict', code: 'ATTEMPT_ALREADY_SUBMITTED' })
		expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(1)
		expect(await prisma.answer.count({ where: { attempt: { userId: user.id } } })).toBe(4)
	})

	test('a second submit of the same page after the first has finished is a conflict too; the next page may retake', async () => {
		const { user, quiz } = await setUp()
		await submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers: wrongAnswers(quiz), attemptsSeen: 0 })
		await expect(
			submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers: wrongAnswers(quiz), attemptsSeen: 0 }),
		).rejects.toMatchObject({ kind: 'conflict', code: 'ATTEMPT_ALREADY_SUBMITTED' })
		expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(1)
		// The page that showed the first attempt offers a retake, which is a second attempt.
		await submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers: wrongAnswers(quiz), attemptsSeen: 1 })
		expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(2)
	})

	describe('refuses bad answers and stores nothing', () => {
		test('answers to another quiz', async () => {
			const { user, quiz, otherQuiz } = await setUp()
			await expect(
				submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers: correctAnswers(otherQuiz) }),
			).rejects.toMatchObject({ kind: 'invalid', code: 'ANSWER_NOT_IN_QUIZ' })
			// Another quiz's options given as answers to this quiz's questions.
			const single = quiz.questions.find((q) => q.kind === 'SINGLE')!
			const foreignOption = otherQuiz.questions.find((q) => q.kind === 'SINGLE')!.options[1]!.id
			await expect(
				submitQuizAttempt({
					userId: user.id,
					lessonId: quiz.id,
					answers: answersWith(quiz, 'SINGLE', { optionIds: [foreignOption] }),
				}),
			).rejects.toMatchObject({ kind: 'invalid', code: 'OPTION_NOT_IN_QUESTION', field: single.id })
			expect(await storedFor(user.id)).toEqual({ attempts: 0, answers: 0, reflections: 0, progress: 0 })
		})

		test('an oversized reflection', async () => {
			const { user, quiz } = await setUp()
			await expect(
				submitQuizAttempt({
					userId: user.id,
					lessonId: quiz.id,
					answers: answersWith(quiz, 'REFLECTION', { text: 'x'.repeat(5001) }),
				}),
			).rejects.toMatchObject({
				kind: 'invalid',
				code: 'REFLECTION_TOO_LONG',
				message: expect.stringContaining('the limit is 5,000'),
			})
			expect(await storedFor(user.id)).toEqual({ attempts: 0, answers: 0, reflections: 0, progress: 0 })
		})

		test('two options for a SINGLE question, an empty reflection, a scale value out of range, a missing answer', async () => {
			const { user, quiz } = await setUp()
			const single = quiz.questions.find((q) => q.kind === 'SINGLE')!
			for (const [answers, code] of [
				[answersWith(quiz, 'SINGLE', { optionIds: single.options.slice(0, 2).map((o) => o.id) }), 'ONE_ANSWER_ONLY'],
				[answersWith(quiz, 'REFLECTION', { text: '   ' }), 'REFLECTION_REQUIRED'],
				[answersWith(quiz, 'SCALE', { scaleValue: 6 }), 'SCALE_OUT_OF_RANGE'],
				[correctAnswers(quiz).slice(1), 'ANSWER_REQUIRED'],
			] as const) {
				await expect(submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers })).rejects.toMatchObject({
					kind: 'invalid',
					code,
				})
			}
			expect(await storedFor(user.id)).toEqual({ attempts: 0, answers: 0, reflections: 0, progress: 0 })
		})

		test('a quiz of a course the learner is not enrolled in', async () => {
			const { quiz } = await setUp()
			const intruder = await createUser()
			await expect(
				submitQuizAttempt({ userId: intruder.id, lessonId: quiz.id, answers: correctAnswers(quiz) }),
			).rejects.toMatchObject({ kind: 'not_found' })
			expect(await storedFor(intruder.id)).toEqual({ attempts: 0, answers: 0, reflections: 0, progress: 0 })
		})
	})
})

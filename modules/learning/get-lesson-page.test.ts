import { describe, expect, test } from 'vitest'
import { onQuery } from '#modules/db/client.ts'
import { completeReading } from '#modules/progress/complete-reading.ts'
import { submitQuizAttempt } from '#modules/quizzes/submit-quiz-attempt.ts'
import { createCourse, createEnrolment, createUser, wrongAnswers, correctAnswers } from '#tests/factories/learning.ts'
import { findResumeLesson, getLessonPage } from './get-lesson-page.ts'

async function countQueries(fn: () => Promise<unknown>) {
	let count = 0
	const stop = onQuery(() => count++)
	try {
		await fn()
	} finally {
		stop()
	}
	return count
}

async function enrolledCourse(options: Parameters<typeof createCourse>[0] = {}) {
	const user = await createUser()
	const course = await createCourse(options)
	await createEnrolment({ userId: user.id, course })
	return { user, course }
}

describe('getLessonPage', () => {
	test('loads the outline, the lesson and its neighbours', async () => {
		const { user, course } = await enrolledCourse({ modules: 2 })
		const [, reading, quiz] = course.lessons
		await completeReading({ userId: user.id, lessonId: reading!.id })
		const page = await getLessonPage({ userId: user.id, courseSlug: course.slug, lessonId: quiz!.id })
		expect(page.outline).toHaveLength(2)
		expect(page.outline[0]!.lessons.map((l) => l.completed)).toEqual([false, true, false])
		expect(page.lesson).toMatchObject({ id: quiz!.id, number: 3, total: 6, locked: false })
		expect(page.previous?.id).toBe(reading!.id)
		expect(page.next?.id).toBe(course.lessons[3]!.id)
		expect(page.course.progressPercent).toBe(16)
	})

	test('renders reading lessons to sanitised HTML on the server', async () => {
		const { user, course } = await enrolledCourse({
			modules: 1,
			lessonKinds: ['READING'],
			markdown: '## Hello\n\n[bad](javascript:alert(1)) <script>alert(2)</script>',
		})
		const page = await getLessonPage({ userId: user.id, courseSlug: course.slug, lessonId: course.lessons[0]!.id })
		expect(page.content).toMatchObject({ kind: 'READING' })
		const html = page.content?.kind === 'READING' ? page.content.html : ''
		expect(html).toContain('<h2>Hello</h2>')
		expect(html).not.toMatch(/javascript:|<script/i)
	})

	test('without a lesson id, picks the lesson to resume', async () => {
		const { user, course } = await enrolledCourse({ modules: 1, lessonKinds: ['READING', 'READING', 'READING'] })
		await completeReading({ userId: user.id, lessonId: course.lessons[0]!.id })
		expect(await findResumeLesson({ userId: user.id, courseSlug: course.slug })).toEqual({
			lessonId: course.lessons[1]!.id,
		})
		const page = await getLessonPage({ userId: user.id, courseSlug: course.slug })
		expect(page.lesson.id).toBe(course.lessons[1]!.id)
	})

	test('a learner who is not enrolled cannot open the course', async () => {
		const { course } = await enrolledCourse({ modules: 1 })
		const stranger = await createUser()
		await expect(
			getLessonPage({ userId: stranger.id, courseSlug: course.slug, lessonId: course.lessons[0]!.id }),
		).rejects.toMatchObject({ kind: 'forbidden', code: 'NOT_ENROLLED' })
	})

	test("a lesson of another course is not found through this course's page", async () => {
		const { user, course } = await enrolledCourse({ modules: 1 })
		const other = await createCourse({ modules: 1 })
		await expect(
			getLessonPage({ userId: user.id, courseSlug: course.slug, lessonId: other.lessons[0]!.id }),
		).rejects.toMatchObject({ kind: 'not_found' })
	})

	test('a locked lesson is served without any of its content', async () => {
		const { user, course } = await enrolledCourse({
			modules: 2,
			sequential: true,
			markdown: 'SECRET-READING-TEXT',
		})
		// Module 2's lessons are locked until module 1 is done.
		for (const lesson of course.lessons.slice(3)) {
			const page = await getLessonPage({ userId: user.id, courseSlug: course.slug, lessonId: lesson.id })
			expect(page.lesson.locked).toBe(true)
			expect(page.content).toBeNull()
			const json = JSON.stringify(page)
			expect(json).not.toContain('SECRET-READING-TEXT')
			expect(json).not.toContain('/media/demo-lesson')
			for (const q of lesson.questions) expect(json).not.toContain(q.prompt)
		}
		// The first lesson is open.
		const first = await getLessonPage({ userId: user.id, courseSlug: course.slug, lessonId: course.lessons[0]!.id })
		expect(first.content).toMatchObject({ kind: 'VIDEO', sourceUrl: '/media/demo-lesson.mp4' })
	})

	test('the quiz a learner is sent before submitting holds no correct answers, feedback or explanations', async () => {
		const { user, course } = await enrolledCourse({ modules: 1, lessonKinds: ['QUIZ'] })
		const quiz = course.lessons[0]!
		const page = await getLessonPage({ userId: user.id, courseSlug: course.slug, lessonId: quiz.id })
		expect(page.content?.kind).toBe('QUIZ')
		const json = JSON.stringify(page)
		expect(json).not.toContain('isCorrect')
		expect(json).not.toMatch(/"correct"/)
		for (const q of quiz.questions) {
			if (q.explanation) expect(json).not.toContain(q.explanation)
			for (const o of q.options) expect(json).not.toContain(o.feedback)
			// The options themselves are there, to be chosen from.
			for (const o of q.options) expect(json).toContain(o.id)
		}
	})

	test('after a failed attempt: feedback on the chosen options only, right answers still hidden', async () => {
		const { user, course } = await enrolledCourse({ modules: 1, lessonKinds: ['QUIZ'], maxAttempts: 3 })
		const quiz = course.lessons[0]!
		const answers = wrongAnswers(quiz)
		await submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers })
		const page = await getLessonPage({ userId: user.id, courseSlug: course.slug, lessonId: quiz.id })
		if (page.content?.kind !== 'QUIZ') throw new Error('expected a quiz')
		const { quiz: view } = page.content
		expect(view).toMatchObject({ attemptsUsed: 1, attemptsRemaining: 2, passed: false, canAttempt: true })
		expect(view.lastResult).toMatchObject({ number: 1, scorePercent: 0, passed: false, revealed: false })
		const json = JSON.stringify(page)
		const chosen = new Set(answers.flatMap((a) => a.optionIds ?? []))
		for (const q of quiz.questions) {
			if (q.explanation) expect(json).not.toContain(q.explanation)
			for (const o of q.options) {
				if (chosen.has(o.id)) expect(json).toContain(o.feedback)
				else expect(json).not.toContain(o.feedback)
			}
		}
		for (const q of view.lastResult!.questions) for (const o of q.options) expect(o.correct).toBeNull()
	})

	test('once passed, the right answers, all feedback and the explanations are shown', async () => {
		const { user, course } = await enrolledCourse({ modules: 1, lessonKinds: ['QUIZ'] })
		const quiz = course.lessons[0]!
		await submitQuizAttempt({ userId: user.id, lessonId: quiz.id, answers: correctAnswers(quiz) })
		const page = await getLessonPage({ userId: user.id, courseSlug: course.slug, lessonId: quiz.id })
		if (page.content?.kind !== 'QUIZ') throw new Error('expected a quiz')
		expect(page.content.quiz).toMatchObject({ passed: true, canAttempt: false })
		expect(page.content.quiz.lastResult?.revealed).toBe(true)
		const json = JSON.stringify(page)
		for (const q of quiz.questions) {
			if (q.explanation) expect(json).toContain(q.explanation)
			for (const o of q.options) expect(json).toContain(o.feedback)
		}
		expect(page.content.quiz.reflections[quiz.questions.find((q) => q.kind === 'REFLECTION')!.id]?.text).toContain(
			'rescue people',
		)
	})

	test('runs the same number of queries for a 60-lesson course as for a 6-lesson one', async () => {
		const small = await enrolledCourse({ modules: 2 })
		const large = await enrolledCourse({ modules: 20 })
		expect(large.course.lessons).toHaveLength(60)
		// The same kind of lesson, in the same state, in each course.
		for (const index of [0, 1, 2]) {
			const smallCount = await countQueries(() =>
				getLessonPage({
					userId: small.user.id,
					courseSlug: small.course.slug,
					lessonId: small.course.lessons[index]!.id,
				}),
			)
			const largeCount = await countQueries(() =>
				getLessonPage({
					userId: large.user.id,
					courseSlug: large.course.slug,
					lessonId: large.course.lessons[index]!.id,
				}),
			)
			expect(smallCount).toBeGreaterThan(0)
			expect(largeCount).toBe(smallCount)
		}
		// …and with progress on many lessons.
		for (const lesson of large.course.lessons.filter((l) => l.kind === 'READING')) {
			await completeReading({ userId: large.user.id, lessonId: lesson.id })
		}
		const withProgress = await countQueries(() =>
			getLessonPage({ userId: large.user.id, courseSlug: large.course.slug, lessonId: large.course.lessons[0]!.id }),
		)
		const smallVideo = await countQueries(() =>
			getLessonPage({ userId: small.user.id, courseSlug: small.course.slug, lessonId: small.course.lessons[0]!.id }),
		)
		expect(withProgress).toBe(smallVideo)
	})
})

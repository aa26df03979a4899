// A renewal's retake (the enrolment's cycle 2) keeps cycle 1's reflections: the retake starts with
// empty reflection boxes, writes its own rows, and the portfolio shows each certificate with the
// reflections of the cycle it was earned in.
import { describe, expect, test } from 'vitest'
import { addDays, ukToday } from '#modules/compliance/status.ts'
import { prisma } from '#modules/db/client.ts'
import { retakeCourse } from '#modules/certificates/retake-course.ts'
import { isoDay } from '#modules/certificates/validity.ts'
import { getCpdPortfolio } from '#modules/portfolio/get-cpd-portfolio.ts'
import { completeReading } from '#modules/progress/complete-reading.ts'
import { getQuizForLearner } from '#modules/quizzes/get-quiz-for-learner.ts'
import { saveReflectionDraft } from '#modules/quizzes/save-reflection-draft.ts'
import { submitQuizAttempt } from '#modules/quizzes/submit-quiz-attempt.ts'
import { correctAnswers, createCourse, createUser } from '#tests/factories/learning.ts'

type Course = Awaited<ReturnType<typeof createCourse>>

async function takeCourse(userId: string, course: Course, reflection: string) {
	const [reading, quiz] = course.lessons
	await completeReading({ userId, lessonId: reading!.id })
	const answers = correctAnswers(quiz!).map((a) => ('text' in a ? { ...a, text: reflection } : a))
	expect(await submitQuizAttempt({ userId, lessonId: quiz!.id, answers })).toMatchObject({ courseCompletedNow: true })
}

describe('reflections per cycle', () => {
	test('retaking a course to renew it keeps the first cycle’s reflections and shows each with its certificate', async () => {
		const learner = await createUser()
		const course = await createCourse({ modules: 1, lessonKinds: ['READING', 'QUIZ'] })
		await prisma.course.update({ where: { id: course.id }, data: { validityMonths: 12 } })
		await prisma.enrolment.create({
			data: { userId: learner.id, courseId: course.id, versionId: course.versionId, source: 'FREE' },
		})
		const quiz = course.lessons[1]!
		const reflectionQuestion = quiz.questions.find((q) => q.kind === 'REFLECTION')!
		await takeCourse(learner.id, course, 'First time: I rescue people when I am tired.')

		const first = await prisma.certificate.findFirstOrThrow({ where: { userId: learner.id, courseId: course.id } })
		const expired = new Date(`${addDays(isoDay(first.validUntil!), 1)}T12:00:00Z`)
		expect(await retakeCourse({ userId: learner.id, courseSlug: course.slug, now: expired })).toEqual({ cycle: 2 })

		// The retake's quiz starts empty, and its draft is a new row: cycle 1's text is untouched.
		const page = (cycle: number) => getQuizForLearner({ userId: learner.id, lessonId: quiz.id, cycle })
		expect((await page(2)).reflections).toEqual({})
		await saveReflectionDraft({
			userId: learner.id,
			input: { questionId: reflectionQuestion.id, text: 'Second time: I ask what happened' },
		})
		expect((await page(2)).reflections[reflectionQuestion.id]?.text).toBe('Second time: I ask what happened')
		expect((await page(1)).reflections[reflectionQuestion.id]?.text).toBe(
			'First time: I rescue people when I am tired.',
		)

		await takeCourse(learner.id, course, 'Second time: I ask what happened, and who has been affected.')
		const rows = await prisma.reflection.findMany({
			where: { userId: learner.id, lessonId: quiz.id },
			orderBy: { cycle: 'asc' },
			select: { cycle: true, text: true },
		})
		expect(rows).toEqual([
			{ cycle: 1, text: 'First time: I rescue people when I am tired.' },
			{ cycle: 2, text: 'Second time: I ask what happened, and who has been affected.' },
		])

		const portfolio = await getCpdPortfolio({ userId: learner.id, today: ukToday(new Date()) })
		const entries = await prisma.certificate.findMany({
			where: { userId: learner.id, courseId: course.id },
			select: { code: true, cycle: true },
		})
		const textsFor = (cycle: number) =>
			portfolio.entries
				.find((e) => e.certificate?.code === entries.find((c) => c.cycle === cycle)!.code)!
				.courseReflections.map((r) => r.text)
		expect(textsFor(1)).toEqual(['First time: I rescue people when I am tired.'])
		expect(textsFor(2)).toEqual(['Second time: I ask what happened, and who has been affected.'])
	})
})

import { afterAll, describe, expect, test } from 'vitest'
import { getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { submitQuizAttempt } from '#modules/quizzes/submit-quiz-attempt.ts'
import { createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import {
	correctAnswers,
	createEnrolment,
	createUser,
	markLessonsCompleted,
	wrongAnswers,
} from '#tests/factories/learning.ts'
import { loader as csvLoader } from './studio.courses.$courseId_.analytics[.]csv.ts'
import { loader } from './studio.courses.$courseId_.analytics.tsx'

afterAll(releaseTestResources)

const context = { clientIp: '127.0.0.1', cspNonce: 'test' }

function load(courseId: string, cookie: string, search = '') {
	return loader({
		request: getRequest(`/studio/courses/${courseId}/analytics${search}`, { cookie }),
		params: { courseId },
		context,
	} as unknown as Parameters<typeof loader>[0])
}

function loadCsv(courseId: string, cookie: string, search = '') {
	return csvLoader({
		request: getRequest(`/studio/courses/${courseId}/analytics.csv${search}`, { cookie }),
		params: { courseId },
		context,
	} as unknown as Parameters<typeof csvLoader>[0])
}

async function statusOfThrown(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		if (error instanceof Response) return error.status
		return (error as { init?: { status?: number } }).init?.status
	}
	throw new Error('expected a rejection')
}

const HOUR = 3600_000

/**
 * One quiz course with five learners:
 * - A finished everything (quiz passed) in 2 hours;
 * - B finished everything (no attempt recorded) in 4 hours;
 * - C watched the video and failed the quiz;
 * - D enrolled and did nothing;
 * - E passed the quiz and was then revoked (left out of everything).
 */
async function courseWithLearners() {
	const owner = await createSignedInUser()
	const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
	const [video, reading, quiz] = course.lessons as [
		(typeof course.lessons)[number],
		(typeof course.lessons)[number],
		(typeof course.lessons)[number],
	]
	const start = new Date(Date.now() - 10 * 24 * HOUR)
	const learner = async () => {
		const user = await createUser()
		const enrolment = await createEnrolment({ userId: user.id, course })
		return { user, enrolment }
	}
	const a = await learner()
	await markLessonsCompleted({ userId: a.user.id, enrolmentId: a.enrolment.id, lessons: [video, reading] })
	await submitQuizAttempt({ userId: a.user.id, lessonId: quiz.id, answers: correctAnswers(quiz) })
	await prisma.enrolment.update({
		where: { id: a.enrolment.id },
		data: { createdAt: start, startedAt: start, completedAt: new Date(start.getTime() + 2 * HOUR) },
	})
	const b = await learner()
	await markLessonsCompleted({ userId: b.user.id, enrolmentId: b.enrolment.id, lessons: [video, reading, quiz] })
	await prisma.enrolment.update({
		where: { id: b.enrolment.id },
		data: { createdAt: start, startedAt: start, completedAt: new Date(start.getTime() + 4 * HOUR) },
	})
	const c = await learner()
	await markLessonsCompleted({ userId: c.user.id, enrolmentId: c.enrolment.id, lessons: [video] })
	await submitQuizAttempt({ userId: c.user.id, lessonId: quiz.id, answers: wrongAnswers(quiz) })
	await prisma.enrolment.update({ where: { id: c.enrolment.id }, data: { startedAt: start, completedAt: null } })
	const d = await learner()
	await prisma.enrolment.update({ where: { id: d.enrolment.id }, data: { startedAt: null, completedAt: null } })
	const e = await learner()
	await markLessonsCompleted({ userId: e.user.id, enrolmentId: e.enrolment.id, lessons: [video, reading] })
	await submitQuizAttempt({ userId: e.user.id, lessonId: quiz.id, answers: correctAnswers(quiz) })
	await prisma.enrolment.update({ where: { id: e.enrolment.id }, data: { status: 'REVOKED', revokedAt: new Date() } })
	return { owner, course, video, reading, quiz }
}

describe('/studio/courses/:courseId/analytics', () => {
	test('counts enrolments, starts, completions, median time, drop-off and quiz items exactly', async () => {
		const { owner, course, quiz } = await courseWithLearners()
		const { analytics } = await load(course.id, owner.cookie)
		expect(analytics.version.number).toBe(1)
		expect(analytics.totals).toEqual({
			enrolments: 4,
			starts: 3,
			completions: 2,
			completionRate: 0.5,
			medianSecondsToComplete: 3 * 3600,
		})
		expect(analytics.funnel.map((s) => [s.kind, s.completed, s.rate])).toEqual([
			['VIDEO', 3, 0.75],
			['READING', 2, 0.5],
			['QUIZ', 2, 0.5],
		])
		expect(analytics.quizzes).toHaveLength(1)
		const [stats] = analytics.quizzes
		expect(stats!.attempts).toBe(2)
		// Reflection and scale questions are not marked, so only the two choice questions appear.
		expect(stats!.questions.map((q) => [q.kind, q.answered, q.correct, q.rate])).toEqual([
			['SINGLE', 2, 1, 0.5],
			['MULTIPLE', 2, 1, 0.5],
		])
		const single = stats!.questions[0]!
		expect(single.options.map((o) => [o.isCorrect, o.selected, o.rate])).toEqual([
			[false, 1, 0.5],
			[true, 1, 0.5],
			[false, 0, 0],
		])
		expect(single.prompt).toBe(quiz.questions[0]!.prompt)
	})

	test('the CSV has its header and a row per figure, and follows ?version=', async () => {
		const { owner, course, quiz } = await courseWithLearners()
		const response = await loadCsv(course.id, owner.cookie, '?version=1')
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
		expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="${course.slug}-v1-analytics.csv"`)
		const lines = (await response.text()).replace(/^\uFEFF/, '').split('\r\n')
		expect(lines[0]).toBe('Section,Item,Detail,Count,Out of,Percentage')
		expect(lines).toContain('Summary,Enrolments,Version 1,4,,')
		expect(lines).toContain('Summary,Started,,3,4,75.0')
		expect(lines).toContain('Summary,Completed,,2,4,50.0')
		expect(lines).toContain('Summary,Median time to complete (hours),3 hours,3.0,,')
		expect(lines).toContain('Lesson completed,1. video lesson 1,lesson-0,3,4,75.0')
		expect(lines).toContain(`Quiz question correct,${quiz.questions[0]!.prompt},${quiz.title},1,2,50.0`)
		expect(lines).toContain(`Quiz option chosen,single option 1,${quiz.questions[0]!.prompt} (correct answer),1,2,50.0`)
		// header + 4 summary + 3 lessons + 2 questions with 3 and 4 options, and a final empty line
		expect(lines).toHaveLength(1 + 4 + 3 + (1 + 3) + (1 + 4) + 1)
		expect(await statusOfThrown(loadCsv(course.id, owner.cookie, '?version=9'))).toBe(404)
	})

	test('another trainer gets 403 for the page and the CSV; a learner 403; an admin sees it', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
		const stranger = await createSignedInUser()
		const learner = await createSignedInUser({ role: 'LEARNER' })
		const admin = await createSignedInUser({ role: 'ADMIN' })
		expect(await statusOfThrown(load(course.id, stranger.cookie))).toBe(403)
		expect(await statusOfThrown(loadCsv(course.id, stranger.cookie))).toBe(403)
		expect(await statusOfThrown(load(course.id, learner.cookie))).toBe(403)
		expect(await statusOfThrown(load('no-such-course', owner.cookie))).toBe(404)
		const { analytics } = await load(course.id, admin.cookie)
		expect(analytics.course.id).toBe(course.id)
		expect((await loadCsv(course.id, admin.cookie)).status).toBe(200)
	})

	test('a co-author sees the analytics', async () => {
		const owner = await createSignedInUser()
		const co = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
		expect(await statusOfThrown(load(course.id, co.cookie))).toBe(403)
		await prisma.courseAuthor.create({ data: { courseId: course.id, userId: co.user.id, role: 'CO_AUTHOR' } })
		const { analytics } = await load(course.id, co.cookie)
		expect(analytics.totals.enrolments).toBe(0)
	})
})

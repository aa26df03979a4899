// The SQL statements a lesson page, the dashboard, a video progress report and a quiz submission cost, counted from
// Prisma's query events (every statement either client sends, BEGIN aside) against the real test
// database. The budgets are the bench's (scripts/bench/index.ts): a page ≤ 6 (the dashboard, every
// learner's home with its lists, ≤ 12), a form post ≤ 10.
// A loader that grows a query per outline entry, or a check that is asked twice, fails here.
import { createStaticHandler } from 'react-router'
import { afterAll, describe, expect, test } from 'vitest'
import { onQuery, prisma } from '#modules/db/client.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import {
	correctAnswers,
	createCourse,
	createEnrolment,
	createUser,
	markLessonsCompleted,
} from '#tests/factories/learning.ts'
import { runRoute } from '#tests/factories/routes.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { loader as rootLoader } from '../root.tsx'
import { loader as dashboardLoader } from './dashboard.tsx'
import { action as lessonAction, loader as lessonLoader } from './learn.$courseSlug.$lessonId.tsx'
import { action as progressAction } from './learn.progress.ts'

afterAll(releaseTestResources)

const PAGE_BUDGET = 6
const FORM_BUDGET = 10
// The bench's budget for the dashboard, every learner's home page.
const DASHBOARD_BUDGET = 12

async function statementsOf(run: () => Promise<unknown>) {
	const statements: string[] = []
	const stop = onQuery(({ query }) => void statements.push(query))
	try {
		await run()
	} finally {
		stop()
	}
	return statements
}

const context = { clientIp: 'route-test', cspNonce: 'test', requestId: 'test' }

/** A document request as React Router answers it: the root and the page's loaders, on one Request. */
function documentRequest(page: { path: string; loader: (args: never) => Promise<unknown> }) {
	const handler = createStaticHandler([
		{
			id: 'root',
			path: '/',
			loader: (args) => rootLoader({ ...args, context } as never),
			children: [{ id: 'page', path: page.path, loader: (args) => page.loader({ ...args, context } as never) }],
		},
	])
	return async (path: string, cookie: string) => {
		const result = await handler.query(new Request(`http://localhost${path}`, { headers: { Cookie: cookie } }))
		if (result instanceof Response) throw new Error(`${path} answered ${result.status}`)
		expect(result.errors).toBeNull()
		expect(result.statusCode).toBe(200)
		return result.loaderData
	}
}

const loadLessonPage = documentRequest({ path: 'learn/:courseSlug/:lessonId', loader: lessonLoader })
const loadDashboard = documentRequest({ path: 'dashboard', loader: dashboardLoader })

async function enrolledLearner(options: Parameters<typeof createCourse>[0] = {}) {
	const user = await createUser()
	const course = await createCourse(options)
	await createEnrolment({ userId: user.id, course })
	return { user, course, cookie: await sessionCookie(user.id) }
}

describe('SQL statements per page', () => {
	test(`a lesson page (root and lesson loaders) costs at most ${PAGE_BUDGET}, however large the course`, async () => {
		const { course, cookie } = await enrolledLearner({ modules: 6 })
		for (const kind of ['READING', 'VIDEO', 'QUIZ']) {
			const lesson = course.lessons.find((l) => l.kind === kind)!
			const path = `/learn/${course.slug}/${lesson.id}`
			// The first visit reads the outline; later ones may have it cached: both stay in budget.
			for (const visit of ['first', 'second']) {
				const statements = await statementsOf(() => loadLessonPage(path, cookie))
				expect(statements.length, `${kind} lesson, ${visit} visit:\n${statements.join('\n')}`).toBeLessThanOrEqual(
					PAGE_BUDGET,
				)
			}
		}
	})

	test(`the dashboard (root and dashboard loaders) costs at most ${DASHBOARD_BUDGET}`, async () => {
		const { user, course, cookie } = await enrolledLearner()
		const [enrolment] = await prisma.enrolment.findMany({ where: { userId: user.id }, select: { id: true } })
		await markLessonsCompleted({ userId: user.id, enrolmentId: enrolment!.id, lessons: course.lessons.slice(0, 1) })
		// A second course, completed, so both of the dashboard's lists have a course in them.
		const done = await createCourse()
		const second = await createEnrolment({ userId: user.id, course: done })
		await prisma.enrolment.update({ where: { id: second.id }, data: { completedAt: new Date() } })
		let page: unknown
		const statements = await statementsOf(async () => (page = await loadDashboard('/dashboard', cookie)))
		const { inProgress, completed } = (page as { page: { inProgress: unknown[]; completed: unknown[] } }).page
		expect([inProgress.length, completed.length]).toEqual([1, 1])
		expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(DASHBOARD_BUDGET)
	})

	test(`a video progress report costs at most ${FORM_BUDGET}`, async () => {
		const { course, cookie } = await enrolledLearner()
		const video = course.lessons.find((l) => l.kind === 'VIDEO')!
		const request = () =>
			new Request('http://localhost/learn/progress', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Cookie: cookie },
				body: JSON.stringify({ lessonId: video.id, positionSeconds: 8, playedRanges: [[0, 8]] }),
			})
		let result: unknown
		const statements = await statementsOf(async () => (result = await runRoute(progressAction, request())))
		expect((result as { data: { secondsWatched: number } }).data.secondsWatched).toBe(8)
		expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(FORM_BUDGET)
	})

	test(`a quiz submission costs at most ${FORM_BUDGET}`, async () => {
		const { course, cookie } = await enrolledLearner()
		const quiz = course.lessons.find((l) => l.kind === 'QUIZ')!
		const form = new URLSearchParams({ intent: 'submit-quiz' })
		for (const answer of correctAnswers(quiz)) {
			for (const id of answer.optionIds ?? []) form.append(`option.${answer.questionId}`, id)
			if (answer.text !== undefined) form.append(`text.${answer.questionId}`, answer.text)
			if (answer.scaleValue !== undefined) form.append(`scale.${answer.questionId}`, String(answer.scaleValue))
		}
		const request = new Request(`http://localhost/learn/${course.slug}/${quiz.id}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
			body: form,
		})
		let result: unknown
		const statements = await statementsOf(async () => {
			result = await runRoute(lessonAction, request, { courseSlug: course.slug, lessonId: quiz.id })
		})
		expect(result).toBeInstanceOf(Response)
		expect((result as Response).headers.get('Location')).toBe(`/learn/${course.slug}/${quiz.id}#quiz-result`)
		expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(FORM_BUDGET)

		// The quiz page after an attempt also shows it marked: still one page's budget.
		const path = `/learn/${course.slug}/${quiz.id}`
		let page: unknown
		const pageStatements = await statementsOf(async () => (page = await loadLessonPage(path, cookie)))
		const { content } = (page as { page: { content: { quiz: { attemptsUsed: number; lastResult: unknown } } } }).page
		expect(content.quiz.attemptsUsed).toBe(1)
		expect(content.quiz.lastResult).not.toBeNull()
		expect(pageStatements.length, pageStatements.join('\n')).toBeLessThanOrEqual(PAGE_BUDGET)
	})
})

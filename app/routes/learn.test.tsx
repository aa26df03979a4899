import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { serverI18n } from '#modules/i18n/translate.ts'
import {
	createStaticHandler,
	createStaticRouter,
	StaticRouterProvider,
	useActionData,
	useLoaderData,
	type LoaderFunctionArgs,
} from 'react-router'
import { afterAll, describe, expect, test } from 'vitest'
import { createSession } from '#modules/auth/sessions.ts'
import { getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { correctAnswers, createCourse, createEnrolment, createUser, wrongAnswers } from '#tests/factories/learning.ts'
import { action as enrolAction } from './learn.$courseSlug.enrol.ts'
import LessonRoute, { action as lessonAction, loader as lessonLoader } from './learn.$courseSlug.$lessonId.tsx'
import { loader as resumeLoader } from './learn.$courseSlug._index.tsx'
import { action as progressAction } from './learn.progress.ts'
import { action as reflectionAction } from './learn.reflection.ts'
import { loader as dashboardLoader } from './dashboard.tsx'

afterAll(releaseTestResources)

// Route tests call loaders and actions with real requests carrying a real session cookie.

async function signedIn() {
	const user = await createUser()
	const { token } = await createSession({ userId: user.id })
	return { user, cookie: `circle_session=${token}` }
}

function args<T extends (...a: never[]) => unknown>(request: Request, params: Record<string, string> = {}) {
	return { request, params, context: { clientIp: '127.0.0.1', cspNonce: 'test' } } as unknown as Parameters<T>[0]
}

function jsonPost(path: string, body: unknown, { cookie }: { cookie?: string } = {}) {
	const headers = new Headers({ 'Content-Type': 'application/json' })
	if (cookie) headers.set('Cookie', cookie)
	return new Request(`http://localhost${path}`, {
		method: 'POST',
		headers,
		body: typeof body === 'string' ? body : JSON.stringify(body),
	})
}

function formPost(path: string, fields: Array<[string, string]>, { cookie }: { cookie: string }) {
	return new Request(`http://localhost${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
		body: new URLSearchParams(fields),
	})
}

type DataReply = { data: Record<string, unknown>; init: { status?: number } | null }

/** Status of whatever a loader or action returned or threw (Response or data()). */
function statusOf(result: unknown) {
	if (result instanceof Response) return result.status
	return (result as DataReply).init?.status ?? 200
}

async function settle<T>(promise: Promise<T>) {
	return promise.catch((thrown: unknown) => thrown)
}

/** Renders the lesson page the way the server would, through a real (static) data router. */
async function renderLessonPage(path: string, cookie: string) {
	const handler = createStaticHandler([
		{
			id: 'lesson',
			path: '/learn/:courseSlug/:lessonId',
			loader: (a: LoaderFunctionArgs) => lessonLoader(a as unknown as Parameters<typeof lessonLoader>[0]),
			Component: function Stub() {
				const loaderData = useLoaderData() as Parameters<typeof LessonRoute>[0]['loaderData']
				const actionData = useActionData() as Parameters<typeof LessonRoute>[0]['actionData']
				const props = { loaderData, actionData, params: {}, matches: [] }
				return <LessonRoute {...(props as unknown as Parameters<typeof LessonRoute>[0])} />
			},
		},
	])
	const context = await handler.query(getRequest(path, { cookie }))
	if (context instanceof Response) throw new Error(`Expected a page, got a ${context.status} response`)
	const router = createStaticRouter(handler.dataRoutes, context)
	// In English, as the server renders for a person who has not chosen Welsh (app/entry.server.tsx).
	const html = renderToString(
		<I18nextProvider i18n={serverI18n}>
			<StaticRouterProvider router={router} context={context} />
		</I18nextProvider>,
	)
	return { html, loaderData: context.loaderData.lesson as unknown }
}

describe('POST /learn/:courseSlug/enrol', () => {
	test('enrols on a free course and opens it; a second POST changes nothing', async () => {
		const { user, cookie } = await signedIn()
		const course = await createCourse({ modules: 1 })
		const request = () => formPost(`/learn/${course.slug}/enrol`, [], { cookie })
		const response = (await enrolAction(args<typeof enrolAction>(request(), { courseSlug: course.slug }))) as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe(`/learn/${course.slug}`)
		await enrolAction(args<typeof enrolAction>(request(), { courseSlug: course.slug }))
		expect(await prisma.enrolment.count({ where: { userId: user.id } })).toBe(1)
	})

	test('a paid course answers 403 and enrols nobody', async () => {
		const { user, cookie } = await signedIn()
		const course = await createCourse({ modules: 1, pricePence: 2500 })
		const result = await settle(
			enrolAction(
				args<typeof enrolAction>(formPost(`/learn/${course.slug}/enrol`, [], { cookie }), { courseSlug: course.slug }),
			),
		)
		expect(statusOf(result)).toBe(403)
		expect(await prisma.enrolment.count({ where: { userId: user.id } })).toBe(0)
	})
})

describe('the lesson page', () => {
	test('a learner who is not enrolled is sent to the course page and sees no lesson', async () => {
		const { cookie } = await signedIn()
		const course = await createCourse({ modules: 1 })
		const lesson = course.lessons[0]!
		const result = await settle(
			lessonLoader(
				args<typeof lessonLoader>(getRequest(`/learn/${course.slug}/${lesson.id}`, { cookie }), {
					courseSlug: course.slug,
					lessonId: lesson.id,
				}),
			),
		)
		expect(result).toBeInstanceOf(Response)
		expect((result as Response).headers.get('Location')).toBe(`/courses/${course.slug}`)
		const resume = await settle(
			resumeLoader(
				args<typeof resumeLoader>(getRequest(`/learn/${course.slug}`, { cookie }), { courseSlug: course.slug }),
			),
		)
		expect((resume as Response).headers.get('Location')).toBe(`/courses/${course.slug}`)
	})

	test("another course's lesson through my course's address is a 404", async () => {
		const { user, cookie } = await signedIn()
		const mine = await createCourse({ modules: 1 })
		const theirs = await createCourse({ modules: 1 })
		await createEnrolment({ userId: user.id, course: mine })
		const result = await settle(
			lessonLoader(
				args<typeof lessonLoader>(getRequest(`/learn/${mine.slug}/${theirs.lessons[0]!.id}`, { cookie }), {
					courseSlug: mine.slug,
					lessonId: theirs.lessons[0]!.id,
				}),
			),
		)
		expect(statusOf(result)).toBe(404)
	})

	test('visitors are sent to log in', async () => {
		const course = await createCourse({ modules: 1 })
		const result = await settle(
			lessonLoader(
				args<typeof lessonLoader>(getRequest(`/learn/${course.slug}/${course.lessons[0]!.id}`), {
					courseSlug: course.slug,
					lessonId: course.lessons[0]!.id,
				}),
			),
		)
		expect((result as Response).headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
	})

	test('/learn/<course> opens the lesson to resume', async () => {
		const { user, cookie } = await signedIn()
		const course = await createCourse({ modules: 1 })
		await createEnrolment({ userId: user.id, course })
		const result = await settle(
			resumeLoader(
				args<typeof resumeLoader>(getRequest(`/learn/${course.slug}`, { cookie }), { courseSlug: course.slug }),
			),
		)
		expect((result as Response).headers.get('Location')).toBe(`/learn/${course.slug}/${course.lessons[0]!.id}`)
	})

	test('a quiz page, as data and as HTML, gives no answer away before submission', async () => {
		const { user, cookie } = await signedIn()
		const course = await createCourse({ modules: 1, lessonKinds: ['QUIZ'] })
		await createEnrolment({ userId: user.id, course })
		const quiz = course.lessons[0]!
		const { html, loaderData } = await renderLessonPage(`/learn/${course.slug}/${quiz.id}`, cookie)
		const json = JSON.stringify(loaderData)
		for (const text of [json, html]) {
			expect(text).not.toContain('isCorrect')
			for (const q of quiz.questions) {
				if (q.explanation) expect(text).not.toContain(q.explanation)
				for (const o of q.options) expect(text).not.toContain(o.feedback)
			}
		}
		// The questions are there to answer, each group in a fieldset with a legend.
		for (const q of quiz.questions) expect(html).toContain(q.prompt)
		expect(html).toContain('<fieldset')
		expect(html).toContain('<legend')
		expect(html).toContain('single option 1')
	})

	test('a locked lesson renders a locked notice and none of its content', async () => {
		const { user, cookie } = await signedIn()
		const course = await createCourse({
			modules: 2,
			lessonKinds: ['READING'],
			sequential: true,
			markdown: 'HIDDEN-UNTIL-UNLOCKED',
		})
		await createEnrolment({ userId: user.id, course })
		const { html, loaderData } = await renderLessonPage(`/learn/${course.slug}/${course.lessons[1]!.id}`, cookie)
		expect(html).toContain('This lesson is locked')
		expect(html).not.toContain('HIDDEN-UNTIL-UNLOCKED')
		expect(JSON.stringify(loaderData)).not.toContain('HIDDEN-UNTIL-UNLOCKED')
		// …and the first, open lesson renders its reading, with the outline marking it as the current page.
		const open = await renderLessonPage(`/learn/${course.slug}/${course.lessons[0]!.id}`, cookie)
		expect(open.html).toContain('HIDDEN-UNTIL-UNLOCKED')
		expect(open.html).toContain('aria-current="page"')
	})

	test('submitting a quiz stores the attempt and shows the result; answers to another quiz are a 422', async () => {
		const { user, cookie } = await signedIn()
		const course = await createCourse({ modules: 2, lessonKinds: ['QUIZ'] })
		await createEnrolment({ userId: user.id, course })
		const [quiz, other] = course.lessons
		const fields = (answers: ReturnType<typeof correctAnswers>): Array<[string, string]> => [
			['intent', 'submit-quiz'],
			...answers.flatMap((a): Array<[string, string]> => [
				...(a.optionIds ?? []).map((id): [string, string] => [`option.${a.questionId}`, id]),
				...(a.text != null ? [[`text.${a.questionId}`, a.text] as [string, string]] : []),
				...(a.scaleValue != null ? [[`scale.${a.questionId}`, String(a.scaleValue)] as [string, string]] : []),
			]),
		]
		const post = (answers: ReturnType<typeof correctAnswers>) =>
			settle(
				lessonAction(
					args<typeof lessonAction>(formPost(`/learn/${course.slug}/${quiz!.id}`, fields(answers), { cookie }), {
						courseSlug: course.slug,
						lessonId: quiz!.id,
					}),
				),
			)

		const foreign = await post(correctAnswers(other!))
		expect(statusOf(foreign)).toBe(422)
		expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(0)

		const failed = (await post(wrongAnswers(quiz!))) as Response
		expect(failed.status).toBe(302)
		const { html } = await renderLessonPage(`/learn/${course.slug}/${quiz!.id}`, cookie)
		expect(html).toContain('Not passed yet')
		expect(html).toContain('Your attempts')
		expect(html).toContain('Try again')
	})
})

describe('POST /learn/progress', () => {
	async function enrolledOnVideo() {
		const { user, cookie } = await signedIn()
		const course = await createCourse({ modules: 1, lessonKinds: ['VIDEO'], videoDurationSeconds: 120 })
		await createEnrolment({ userId: user.id, course })
		return { user, cookie, course, video: course.lessons[0]! }
	}

	test('records progress and replies with what is stored', async () => {
		const { cookie, video } = await enrolledOnVideo()
		const response = await progressAction(
			args<typeof progressAction>(
				jsonPost('/learn/progress', { lessonId: video.id, positionSeconds: 8, playedRanges: [[0, 8]] }, { cookie }),
			),
		)
		expect(statusOf(response)).toBe(200)
		expect((response as unknown as DataReply).data).toMatchObject({ secondsWatched: 8, watchedRanges: [[0, 8]] })
	})

	test('a beacon (text/plain JSON) is accepted too', async () => {
		const { user, cookie, video } = await enrolledOnVideo()
		const request = new Request('http://localhost/learn/progress', {
			method: 'POST',
			headers: { 'Content-Type': 'text/plain;charset=UTF-8', Cookie: cookie },
			body: JSON.stringify({ lessonId: video.id, positionSeconds: 3, playedRanges: [[0, 3]] }),
		})
		expect(statusOf(await progressAction(args<typeof progressAction>(request)))).toBe(200)
		expect(await prisma.lessonProgress.count({ where: { userId: user.id } })).toBe(1)
	})

	test('the final report, a beacon sent as the page goes, is kept: the lesson resumes where it left off', async () => {
		const { user, cookie, course, video } = await enrolledOnVideo()
		const report = (body: unknown, contentType: string) =>
			progressAction(
				args<typeof progressAction>(
					new Request('http://localhost/learn/progress', {
						method: 'POST',
						headers: { 'Content-Type': contentType, Cookie: cookie },
						body: JSON.stringify(body),
					}),
				),
			)
		// The last ~10 s report while playing, then a few seconds later the beacon from pagehide.
		await report({ lessonId: video.id, positionSeconds: 10, playedRanges: [[0, 10]] }, 'application/json')
		const final = await report(
			{ lessonId: video.id, positionSeconds: 13.6, playedRanges: [[10, 13.6]] },
			'text/plain;charset=UTF-8',
		)
		expect(statusOf(final)).toBe(200)
		const row = await prisma.lessonProgress.findUniqueOrThrow({
			where: { userId_lessonId: { userId: user.id, lessonId: video.id } },
			select: { positionSeconds: true, secondsWatched: true },
		})
		expect(row).toEqual({ positionSeconds: 14, secondsWatched: 13 })
		const page = await lessonLoader(
			args<typeof lessonLoader>(getRequest(`/learn/${course.slug}/${video.id}`, { cookie }), {
				courseSlug: course.slug,
				lessonId: video.id,
			}),
		)
		expect(page?.content).toMatchObject({ kind: 'VIDEO', positionSeconds: 14 })
	})

	test("writing progress for a course I'm not enrolled in: 404 and no row", async () => {
		const { cookie } = await signedIn()
		const { video, user: owner } = await enrolledOnVideo()
		const response = await progressAction(
			args<typeof progressAction>(
				jsonPost('/learn/progress', { lessonId: video.id, positionSeconds: 8, playedRanges: [[0, 8]] }, { cookie }),
			),
		)
		expect(statusOf(response)).toBe(404)
		expect(await prisma.lessonProgress.count({ where: { lessonId: video.id } })).toBe(0)
		expect(owner.id).toBeTruthy()
	})

	test('bad input: clear 4xx replies and nothing stored', async () => {
		const { user, cookie, video } = await enrolledOnVideo()
		const cases: Array<[unknown, number]> = [
			[{ lessonId: video.id, positionSeconds: 500, playedRanges: [] }, 422],
			[{ lessonId: video.id, positionSeconds: 1, playedRanges: [[0, 500]] }, 422],
			[{ lessonId: 'cm0000000000000000000000z', positionSeconds: 1, playedRanges: [[0, 1]] }, 404],
			[{ lessonId: 'not a cuid', positionSeconds: 1, playedRanges: [] }, 422],
			['{not json', 422],
		]
		for (const [body, status] of cases) {
			const response = await progressAction(args<typeof progressAction>(jsonPost('/learn/progress', body, { cookie })))
			expect(statusOf(response)).toBe(status)
			expect(await (response as Response).json()).toMatchObject({
				code: expect.any(String),
				message: expect.any(String),
			})
		}
		expect(await prisma.lessonProgress.count({ where: { userId: user.id } })).toBe(0)
	})

	test('signed out: 401', async () => {
		const { video } = await enrolledOnVideo()
		const response = await progressAction(
			args<typeof progressAction>(
				jsonPost('/learn/progress', { lessonId: video.id, positionSeconds: 1, playedRanges: [] }),
			),
		)
		expect(statusOf(response)).toBe(401)
	})
})

describe('POST /learn/reflection', () => {
	test('saves a draft; an oversized one is a 422 and the saved text stays', async () => {
		const { user, cookie } = await signedIn()
		const course = await createCourse({ modules: 1, lessonKinds: ['QUIZ'] })
		await createEnrolment({ userId: user.id, course })
		const question = course.lessons[0]!.questions.find((q) => q.kind === 'REFLECTION')!
		const ok = await reflectionAction(
			args<typeof reflectionAction>(
				jsonPost('/learn/reflection', { questionId: question.id, text: 'Draft' }, { cookie }),
			),
		)
		expect(statusOf(ok)).toBe(200)
		expect((ok as unknown as DataReply).data.updatedAt).toEqual(expect.any(String))
		const tooLong = await reflectionAction(
			args<typeof reflectionAction>(
				jsonPost('/learn/reflection', { questionId: question.id, text: 'x'.repeat(5001) }, { cookie }),
			),
		)
		expect(statusOf(tooLong)).toBe(422)
		expect(await (tooLong as Response).json()).toMatchObject({ message: expect.stringContaining('5,000') })
		expect((await prisma.reflection.findFirstOrThrow({ where: { userId: user.id } })).text).toBe('Draft')
	})
})

describe('/dashboard', () => {
	test('lists only my own courses', async () => {
		const { user, cookie } = await signedIn()
		const other = await createUser()
		const mine = await createCourse({ modules: 1 })
		const theirs = await createCourse({ modules: 1 })
		await createEnrolment({ userId: user.id, course: mine })
		await createEnrolment({ userId: other.id, course: theirs })
		const data = await dashboardLoader(args<typeof dashboardLoader>(getRequest('/dashboard', { cookie })))
		expect(data.inProgress.map((c) => c.courseSlug)).toEqual([mine.slug])
		expect(data.completed).toEqual([])
	})
})

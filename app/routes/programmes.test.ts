import { afterAll, describe, expect, test } from 'vitest'
import { createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { action as pageAction, loader as pageLoader } from './programmes.$slug.tsx'
import { loader as listLoader } from './programmes._index.tsx'
import { action as builderAction, loader as builderLoader } from './studio.programmes.$programmeId.tsx'
import { action as newAction } from './studio.programmes.new.tsx'
import { loader as verifyJsonLoader } from './verify.programmes.$code[.]json.ts'
import { loader as learnIndexLoader } from './learn.$courseSlug._index.tsx'
import { action as lessonAction, loader as lessonLoader } from './learn.$courseSlug.$lessonId.tsx'
import { action as progressAction } from './learn.progress.ts'
import { action as reflectionAction } from './learn.reflection.ts'
import { enrolInCourse } from '#modules/enrolment/enrol-in-course.ts'
import { enrolInProgramme } from '#modules/programmes/enrol-in-programme.ts'
import { createPublishedProgramme } from '#tests/factories/programmes.ts'

afterAll(releaseTestResources)

// Route tests call loaders and actions with real requests carrying a real session cookie.

function call(fn: unknown, request: Request, params: Record<string, string> = {}) {
	return (fn as (args: unknown) => Promise<unknown>)({
		request,
		params,
		context: { clientIp: '127.0.0.1', cspNonce: 'test' },
	})
}

/** The HTTP status, redirect location and body of whatever a loader or action returned or threw. */
async function outcome(promise: Promise<unknown>) {
	let result: unknown
	try {
		result = await promise
	} catch (error) {
		result = error
		if (!(error instanceof Response) && !(error && typeof error === 'object' && 'init' in error)) throw error
	}
	if (result instanceof Response) {
		return {
			status: result.status,
			location: result.headers.get('Location'),
			body: result.headers.get('Content-Type')?.includes('json') ? await result.json() : null,
		}
	}
	const reply = result as { data?: unknown; init?: { status?: number } | null }
	return { status: reply?.init?.status ?? 200, location: null, body: reply && 'data' in reply ? reply.data : result }
}

const slug = () => `route-path-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`

describe('studio programme routes', () => {
	test('a trainer creates a programme, adds courses (a draft refused beside the field, typed text kept), publishes it, and it is listed', async () => {
		const { user: trainer, cookie } = await createSignedInUser({ role: 'TRAINER' })
		const first = await createAuthoredCourse({ ownerId: trainer.id })
		const second = await createAuthoredCourse({ ownerId: trainer.id })
		const draft = await createAuthoredCourse({ ownerId: trainer.id, published: false })
		const programmeSlug = slug()

		const bad = await outcome(
			call(
				newAction,
				formRequest('/studio/programmes/new', { title: 'Ok title', slug: 'Bad Slug', summary: 'short' }, { cookie }),
			),
		)
		expect(bad.status).toBe(400)
		expect(JSON.stringify(bad.body)).toContain('Use lower-case letters, numbers and single hyphens only')

		const created = await outcome(
			call(
				newAction,
				formRequest(
					'/studio/programmes/new',
					{
						title: 'Restorative schools pathway',
						slug: programmeSlug,
						summary: 'Three courses from first circles to whole-school practice.',
						sequential: 'on',
					},
					{ cookie },
				),
			),
		)
		expect(created.status).toBe(302)
		const programme = await prisma.programme.findUniqueOrThrow({ where: { slug: programmeSlug } })
		expect(created.location).toBe(`/studio/programmes/${programme.id}`)
		expect(programme.sequential).toBe(true)
		const path = `/studio/programmes/${programme.id}`
		const params = { programmeId: programme.id }

		const refused = await outcome(
			call(builderAction, formRequest(path, { intent: 'add-course', courseSlug: draft.slug }, { cookie }), params),
		)
		expect(refused.status).toBe(422)
		const result = (
			refused.body as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }
		).result
		expect(result.error.courseSlug?.[0]).toMatch(/is a draft: publish it before adding it to a programme/)
		expect(result.initialValue.courseSlug).toBe(draft.slug)

		const itself = await outcome(
			call(builderAction, formRequest(path, { intent: 'add-course', courseSlug: programmeSlug }, { cookie }), params),
		)
		expect(itself.status).toBe(422)
		expect(JSON.stringify(itself.body)).toContain('a programme cannot contain itself')
		expect(await prisma.programmeCourse.count({ where: { programmeId: programme.id } })).toBe(0)

		for (const course of [first, second]) {
			const added = await outcome(
				call(builderAction, formRequest(path, { intent: 'add-course', courseSlug: course.slug }, { cookie }), params),
			)
			expect(added).toMatchObject({ status: 302, location: `${path}?saved=course` })
		}
		const published = await outcome(call(builderAction, formRequest(path, { intent: 'publish' }, { cookie }), params))
		expect(published).toMatchObject({ status: 302, location: `${path}?saved=published` })
		const again = await outcome(call(builderAction, formRequest(path, { intent: 'publish' }, { cookie }), params))
		expect(again.status).toBe(409)

		const builder = (await call(builderLoader, getRequest(`${path}?saved=published`, { cookie }), params)) as {
			programme: { courses: Array<{ slug: string }> }
			saved: string | null
		}
		expect(builder.saved).toBe('published')
		expect(builder.programme.courses.map((c) => c.slug)).toEqual([first.slug, second.slug])

		const listed = (await call(listLoader, getRequest('/programmes'))) as {
			programmes: Array<{ slug: string; courseCount: number }>
			mine: unknown[]
		}
		expect(listed.programmes.find((p) => p.slug === programmeSlug)).toMatchObject({ courseCount: 2 })
		expect(listed.mine).toEqual([])
	})

	test('another trainer cannot open or change the builder; a learner cannot reach the studio', async () => {
		const { user: owner } = await createSignedInUser({ role: 'TRAINER' })
		const programme = await prisma.programme.create({
			data: { slug: slug(), title: 'Mine', summary: 'A programme of mine.', createdById: owner.id },
		})
		const { cookie: otherCookie } = await createSignedInUser({ role: 'TRAINER' })
		const path = `/studio/programmes/${programme.id}`
		const params = { programmeId: programme.id }
		expect((await outcome(call(builderLoader, getRequest(path, { cookie: otherCookie }), params))).status).toBe(403)
		expect(
			(await outcome(call(builderAction, formRequest(path, { intent: 'publish' }, { cookie: otherCookie }), params)))
				.status,
		).toBe(403)
		const { cookie: learnerCookie } = await createSignedInUser({ role: 'LEARNER' })
		expect((await outcome(call(builderLoader, getRequest(path, { cookie: learnerCookie }), params))).status).toBe(403)
	})
})

describe('public programme page', () => {
	test('a learner joins from the page and their first course opens; a visitor is sent to log in; drafts are 404', async () => {
		const { user: trainer } = await createSignedInUser({ role: 'TRAINER' })
		const first = await createAuthoredCourse({ ownerId: trainer.id })
		const second = await createAuthoredCourse({ ownerId: trainer.id })
		const programme = await prisma.programme.create({
			data: {
				slug: slug(),
				title: 'In order',
				summary: 'Two courses in order.',
				sequential: true,
				publishedAt: new Date(),
				createdById: trainer.id,
				courses: {
					create: [
						{ courseId: first.id, position: 1 },
						{ courseId: second.id, position: 2 },
					],
				},
			},
		})
		const path = `/programmes/${programme.slug}`
		const params = { slug: programme.slug }

		const visitor = await outcome(call(pageAction, formRequest(path, {}), params))
		expect(visitor.status).toBe(302)
		expect(visitor.location).toMatch(/^\/login/)

		const { user: learner, cookie } = await createSignedInUser({ role: 'LEARNER' })
		const joined = await outcome(call(pageAction, formRequest(path, {}, { cookie }), params))
		expect(joined).toMatchObject({ status: 302, location: `${path}?enrolled=1` })
		const enrolments = await prisma.enrolment.findMany({ where: { userId: learner.id }, select: { courseId: true } })
		expect(enrolments).toEqual([{ courseId: first.id }])

		const page = (await call(pageLoader, getRequest(path, { cookie }), params)) as {
			programme: { courses: Array<{ state: string | null }> }
		}
		expect(page.programme.courses.map((c) => c.state)).toEqual(['open', 'locked'])
		const mine = (await call(listLoader, getRequest('/programmes', { cookie }))) as { mine: unknown[] }
		expect(mine.mine).toEqual([
			expect.objectContaining({ slug: programme.slug, courseCount: 2, completedCount: 0, certificateCode: null }),
		])

		const hidden = await prisma.programme.create({
			data: { slug: slug(), title: 'Hidden', summary: 'Not yet published.', createdById: trainer.id },
		})
		expect(
			(await outcome(call(pageLoader, getRequest(`/programmes/${hidden.slug}`), { slug: hidden.slug }))).status,
		).toBe(404)
	})

	test('the verification JSON answers 404 with the same shape for an unknown number', async () => {
		const response = await outcome(
			call(verifyJsonLoader, getRequest('/verify/programmes/PROG-0000-0000-0000-0000.json'), {
				code: 'PROG-0000-0000-0000-0000',
			}),
		)
		expect(response.status).toBe(404)
		expect(response.body).toMatchObject({ status: 'not_found', code: 'PROG-0000-0000-0000-0000', courses: [] })
	})
})

describe('a priced programme and a sequential one, through the routes', () => {
	test('the page buys a priced programme through checkout (the demo one without Stripe); a free join of it is refused on the page', async () => {
		const { programmeId, slug: programmeSlug } = await createPublishedProgramme({ pricePounds: 99 })
		const { cookie } = await createSignedInUser()
		const path = `/programmes/${programmeSlug}`
		const params = { slug: programmeSlug }
		const page = await outcome(call(pageLoader, getRequest(path, { cookie }), params))
		expect(page.body).toMatchObject({ programme: { pricePence: 9900 }, locked: null })

		const join = await outcome(call(pageAction, formRequest(path, { intent: 'join' }, { cookie }), params))
		expect(join.status).toBe(400)
		expect(join.body).toEqual({ error: 'This programme is not free: buy it to join.' })

		const buy = await outcome(call(pageAction, formRequest(path, { intent: 'buy' }, { cookie }), params))
		expect(buy.status).toBe(303)
		const order = await prisma.order.findFirstOrThrow({
			where: { programmeId },
			select: { id: true, amountPence: true },
		})
		expect(buy.location).toBe(`/checkout/demo/${order.id}`)
		expect(order.amountPence).toBe(9900)

		const nonsense = await outcome(call(pageAction, formRequest(path, { intent: 'steal' }, { cookie }), params))
		expect(nonsense.status).toBe(400)
	})

	test('a later course of a sequential programme sends the learner to the programme page, which says what to finish first', async () => {
		const { courses, slug: programmeSlug } = await createPublishedProgramme({ count: 2, sequential: true })
		const { user, cookie } = await createSignedInUser()
		await enrolInProgramme({ userId: user.id, slug: programmeSlug, now: new Date() })
		// A place on the later course from elsewhere (an assignment, a bundle) does not open it early.
		await enrolInCourse({ userId: user.id, courseId: courses[1]!.id })
		const later = courses[1]!
		const expected = `/programmes/${programmeSlug}?locked=${later.slug}`

		const index = await outcome(
			call(learnIndexLoader, getRequest(`/learn/${later.slug}`, { cookie }), { courseSlug: later.slug }),
		)
		expect(index.location).toBe(expected)
		const lessonId = later.lessons[0]!.id
		const lessonPath = `/learn/${later.slug}/${lessonId}`
		const lesson = await outcome(
			call(lessonLoader, getRequest(lessonPath, { cookie }), { courseSlug: later.slug, lessonId }),
		)
		expect(lesson.location).toBe(expected)
		const write = await outcome(
			call(lessonAction, formRequest(lessonPath, { intent: 'complete-reading' }, { cookie }), {
				courseSlug: later.slug,
				lessonId,
			}),
		)
		expect(write.location).toBe(expected)
		// The video player's JSON reports name only the lesson: refused too, nothing recorded.
		const video = later.lessons.find((l) => l.kind === 'VIDEO')!
		const report = (await call(
			progressAction,
			new Request('http://localhost/learn/progress', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Cookie: cookie },
				body: JSON.stringify({ lessonId: video.id, positionSeconds: 30, playedRanges: [[0, 30]] }),
			}),
		)) as Response
		expect(report.status).toBe(403)
		expect(await report.json()).toMatchObject({ code: 'COURSE_LOCKED' })
		expect(await prisma.lessonProgress.count({ where: { userId: user.id, lessonId: video.id } })).toBe(0)
		// Nor does a reflection autosave write into the locked course.
		const question = await prisma.question.create({
			data: { lessonId, position: 0, kind: 'REFLECTION', prompt: 'What would you do differently?' },
			select: { id: true },
		})
		const draft = (await call(
			reflectionAction,
			new Request('http://localhost/learn/reflection', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Cookie: cookie },
				body: JSON.stringify({ questionId: question.id, text: 'Written before the course opened' }),
			}),
		)) as Response
		expect(draft.status).toBe(403)
		expect(await draft.json()).toMatchObject({ code: 'COURSE_LOCKED' })
		expect(await prisma.reflection.count({ where: { userId: user.id, questionId: question.id } })).toBe(0)

		const page = await outcome(call(pageLoader, getRequest(expected, { cookie }), { slug: programmeSlug }))
		expect(page.body).toMatchObject({ locked: { title: 'Programme course 2', waitingFor: 'Programme course 1' } })

		// The first course is open.
		const first = courses[0]!
		const open = await outcome(
			call(learnIndexLoader, getRequest(`/learn/${first.slug}`, { cookie }), { courseSlug: first.slug }),
		)
		expect(open.location).not.toContain('/programmes/')
	})
})

import { afterAll, describe, expect, test } from 'vitest'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import { action, loader } from './studio.courses.$courseId_.certificate.tsx'

afterAll(releaseTestResources)

const context = { clientIp: '127.0.0.1', cspNonce: 'test' }

function load(courseId: string, cookie: string) {
	return loader({
		request: getRequest(`/studio/courses/${courseId}/certificate`, { cookie }),
		params: { courseId },
		context,
	} as unknown as Parameters<typeof loader>[0])
}

type Reply = {
	data: { saved: boolean; result?: { error?: Record<string, string[] | null> } }
	init: { status?: number } | null
}

async function post(courseId: string, cookie: string, fields: Record<string, string>) {
	const request = formRequest(`/studio/courses/${courseId}/certificate`, fields, { cookie })
	request.headers.set('Origin', 'http://localhost')
	return (await action({ request, params: { courseId }, context } as unknown as Parameters<
		typeof action
	>[0])) as unknown as Reply
}

const settings = (id: string) =>
	prisma.course.findUniqueOrThrow({ where: { id }, select: { validityMonths: true, refresherCourseId: true } })

describe('studio: certificate validity', () => {
	test('sets 12 months and a refresher; 0 and 1,000 months, itself, a draft and a loop are refused beside the field', async () => {
		const { user, cookie } = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: user.id, modules: 1, lessonKinds: ['READING'] })
		const refresher = await createAuthoredCourse({ ownerId: user.id, modules: 1, lessonKinds: ['READING'] })
		const draft = await createAuthoredCourse({
			ownerId: user.id,
			modules: 1,
			lessonKinds: ['READING'],
			published: false,
		})

		const page = await load(course.id, cookie)
		expect(page.refresherChoices.map((c) => c.id)).toEqual(expect.arrayContaining([refresher.id]))
		expect(page.refresherChoices.map((c) => c.id)).not.toContain(course.id)
		expect(page.refresherChoices.map((c) => c.id)).not.toContain(draft.id)

		for (const [months, message] of [
			['0', 'at least 1 month'],
			['1000', 'at most 120 months'],
			['1.5', 'whole number'],
			['twelve', 'whole number'],
		] as const) {
			const reply = await post(course.id, cookie, { validityMonths: months })
			expect(reply.init?.status).toBe(400)
			expect(reply.data.result?.error?.validityMonths?.[0]).toContain(message)
		}
		expect(await settings(course.id)).toEqual({ validityMonths: null, refresherCourseId: null })

		for (const [id, message] of [
			[course.id, 'its own refresher'],
			[draft.id, 'must be published'],
		] as const) {
			const reply = await post(course.id, cookie, { validityMonths: '12', refresherCourseId: id })
			expect(reply.data.result?.error?.refresherCourseId?.[0]).toContain(message)
		}
		expect(await settings(course.id)).toEqual({ validityMonths: null, refresherCourseId: null })

		const saved = await post(course.id, cookie, { validityMonths: '12', refresherCourseId: refresher.id })
		expect(saved.data.saved).toBe(true)
		expect(await settings(course.id)).toEqual({ validityMonths: 12, refresherCourseId: refresher.id })
		expect(
			await prisma.auditLog.count({ where: { action: 'course.certificate_validity_set', targetId: course.id } }),
		).toBe(1)

		// The refresher cannot name the course back.
		const loop = await post(refresher.id, cookie, { validityMonths: '12', refresherCourseId: course.id })
		expect(loop.data.result?.error?.refresherCourseId?.[0]).toContain('lead back')
		expect(await settings(refresher.id)).toEqual({ validityMonths: null, refresherCourseId: null })

		// Blank: certificates never expire, renewals retake the course.
		await post(course.id, cookie, { validityMonths: '' })
		expect(await settings(course.id)).toEqual({ validityMonths: null, refresherCourseId: null })
	})

	test('a course can require a reflective circle before its certificate; unticked, it no longer does', async () => {
		const { user, cookie } = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: user.id, modules: 1, lessonKinds: ['READING'] })
		const requires = async () =>
			(await prisma.course.findUniqueOrThrow({ where: { id: course.id }, select: { requiresCircle: true } }))
				.requiresCircle
		expect((await load(course.id, cookie)).course.requiresCircle).toBe(false)
		expect((await post(course.id, cookie, { validityMonths: '', requiresCircle: 'on' })).data.saved).toBe(true)
		expect(await requires()).toBe(true)
		expect((await load(course.id, cookie)).course.requiresCircle).toBe(true)
		await post(course.id, cookie, { validityMonths: '' })
		expect(await requires()).toBe(false)
	})

	test('another trainer’s course cannot be set, nor named as a refresher', async () => {
		const owner = await createSignedInUser()
		const other = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1, lessonKinds: ['READING'] })
		const theirs = await createAuthoredCourse({ ownerId: other.user.id, modules: 1, lessonKinds: ['READING'] })
		await expect(post(course.id, other.cookie, { validityMonths: '12' })).rejects.toMatchObject({
			init: { status: 403 },
		})
		const reply = await post(course.id, owner.cookie, { validityMonths: '12', refresherCourseId: theirs.id })
		expect(reply.data.result?.error?.refresherCourseId?.[0]).toContain('you author')
	})
})

import { afterAll, describe, expect, test } from 'vitest'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import { createUser } from '#tests/factories/learning.ts'
import { action, loader } from './studio.courses.$courseId_.authors.tsx'

afterAll(releaseTestResources)

const context = { clientIp: '127.0.0.1', cspNonce: 'test' }

function load(courseId: string, cookie: string) {
	return loader({
		request: getRequest(`/studio/courses/${courseId}/authors`, { cookie }),
		params: { courseId },
		context,
	} as unknown as Parameters<typeof loader>[0])
}

function post(courseId: string, cookie: string, fields: Record<string, string>) {
	const request = formRequest(`/studio/courses/${courseId}/authors`, fields, { cookie })
	request.headers.set('Origin', 'http://localhost')
	return action({ request, params: { courseId }, context } as unknown as Parameters<typeof action>[0])
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

type Reply = {
	data: { message: string | null; result?: { error?: Record<string, string[] | null> } }
	init: { status?: number } | null
}

async function authorIds(courseId: string) {
	const rows = await prisma.courseAuthor.findMany({ where: { courseId }, select: { userId: true } })
	return rows.map((r) => r.userId).sort()
}

describe('/studio/courses/:courseId/authors', () => {
	test('the owner adds a trainer by email and removes them; the list shows both', async () => {
		const owner = await createSignedInUser({ name: 'Olu Owner' })
		const co = await createSignedInUser({ name: 'Cara Coauthor' })
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })

		const added = (await post(course.id, owner.cookie, {
			intent: 'add',
			email: `  ${co.user.email.toUpperCase()} `,
		})) as unknown as Reply
		expect(added.init?.status ?? 200).toBe(200)
		expect(added.data.message).toBe('Cara Coauthor is now a co-author of this course.')
		const list = await load(course.id, owner.cookie)
		expect(list.canManage).toBe(true)
		expect(list.authors.map((a) => [a.user.name, a.role])).toEqual([
			['Olu Owner', 'OWNER'],
			['Cara Coauthor', 'CO_AUTHOR'],
		])

		// The co-author sees the list read-only.
		const asCo = await load(course.id, co.cookie)
		expect(asCo.canManage).toBe(false)
		expect(asCo.authors).toHaveLength(2)

		await post(course.id, owner.cookie, { intent: 'remove', userId: co.user.id })
		expect(await authorIds(course.id)).toEqual([owner.user.id])
	})

	test('clear errors beside the email field: not a trainer, unknown, already an author, not an email', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
		const learner = await createUser()
		const emailError = async (email: string) => {
			const reply = (await post(course.id, owner.cookie, { intent: 'add', email })) as unknown as Reply
			return { status: reply.init?.status, error: reply.data.result?.error?.email?.[0] }
		}
		expect(await emailError(learner.email)).toEqual({
			status: 422,
			error: 'There is no trainer with that email address on Circle.',
		})
		expect(await emailError('nobody-at-all@example.org')).toEqual({
			status: 422,
			error: 'There is no trainer with that email address on Circle.',
		})
		expect(await emailError(owner.user.email)).toMatchObject({
			status: 409,
			error: expect.stringMatching(/already an author/),
		})
		expect(await emailError('not an email')).toEqual({ status: 400, error: 'Enter a valid email address' })
		expect(await authorIds(course.id)).toEqual([owner.user.id])
	})

	test('another trainer gets 403 from the loader and both actions; a co-author cannot manage; an admin can', async () => {
		const owner = await createSignedInUser()
		const stranger = await createSignedInUser()
		const co = await createSignedInUser()
		const admin = await createSignedInUser({ role: 'ADMIN' })
		const learner = await createSignedInUser({ role: 'LEARNER' })
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
		await prisma.courseAuthor.create({ data: { courseId: course.id, userId: co.user.id, role: 'CO_AUTHOR' } })

		expect(await statusOfThrown(load(course.id, stranger.cookie))).toBe(403)
		expect(await statusOfThrown(load(course.id, learner.cookie))).toBe(403)
		expect(await statusOfThrown(post(course.id, stranger.cookie, { intent: 'add', email: stranger.user.email }))).toBe(
			403,
		)
		expect(await statusOfThrown(post(course.id, stranger.cookie, { intent: 'remove', userId: co.user.id }))).toBe(403)
		expect(await statusOfThrown(post(course.id, co.cookie, { intent: 'add', email: stranger.user.email }))).toBe(403)
		expect(await statusOfThrown(post(course.id, co.cookie, { intent: 'remove', userId: co.user.id }))).toBe(403)
		expect(await authorIds(course.id)).toEqual([owner.user.id, co.user.id].sort())

		const asAdmin = await load(course.id, admin.cookie)
		expect(asAdmin.canManage).toBe(true)
		await post(course.id, admin.cookie, { intent: 'add', email: stranger.user.email })
		await post(course.id, admin.cookie, { intent: 'remove', userId: co.user.id })
		expect(await authorIds(course.id)).toEqual([owner.user.id, stranger.user.id].sort())
	})

	test('the owner cannot be removed', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
		expect(await statusOfThrown(post(course.id, owner.cookie, { intent: 'remove', userId: owner.user.id }))).toBe(404)
		expect(await authorIds(course.id)).toEqual([owner.user.id])
	})
})

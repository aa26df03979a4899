import { afterAll, describe, expect, test } from 'vitest'
import { validateSessionToken } from '#modules/auth/sessions.ts'
import { createTestUser, formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { createInvitation, createOrganisation, createSeatPool } from '#tests/factories/organisations.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { action, loader } from './invitations.$token.tsx'

afterAll(releaseTestResources)

type Handler = (args: never) => Promise<unknown>

function call<T extends Handler>(handler: T, request: Request, token: string) {
	const args = { request, params: { token }, context: { clientIp: '2001:db8::78', cspNonce: 'test' } }
	return (handler as unknown as (a: typeof args) => Promise<unknown>)(args).catch((thrown: unknown) => thrown)
}

type PageData = {
	invitation: {
		email: string
		organisationName: string
		course: { slug: string; title: string } | null
		hasAccount: boolean
	} | null
	problem: { code: string; message: string } | null
	user: { email: string } | null
}

function pageOf(outcome: unknown) {
	const o = outcome as { data: PageData; init: { status?: number } | null }
	return { data: o.data, status: o.init?.status ?? 200 }
}

async function invitation({
	email = `invitee-${crypto.randomUUID()}@example.org`,
	expiresAt,
}: { email?: string; expiresAt?: Date } = {}) {
	const org = await createOrganisation({ name: 'Riverside Test Trust' })
	const pool = await createSeatPool({ organisationId: org.id, seats: 3 })
	const invite = await createInvitation({ organisationId: org.id, poolId: pool.id, email, expiresAt })
	return { org, pool, email, ...invite, path: `/invitations/${invite.token}` }
}

describe('/invitations/:token', () => {
	test('shows the organisation and course, and that the invitee needs an account', async () => {
		const { token, path, email, pool } = await invitation()
		const { data, status } = pageOf(await call(loader, getRequest(path), token))
		expect(status).toBe(200)
		expect(data.invitation).toMatchObject({
			email,
			organisationName: 'Riverside Test Trust',
			course: { slug: pool.course.slug },
			hasAccount: false,
		})
	})

	test('an anonymous invitee signs up inline, takes a seat and lands in the course, signed in', async () => {
		const { token, path, email, pool, org } = await invitation()
		const response = (await call(
			action,
			formRequest(path, { intent: 'signup', name: 'Amira Khan', password: 'a long walk together' }),
			token,
		)) as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe(`/learn/${pool.course.slug}`)
		const cookie = response.headers.get('Set-Cookie') ?? ''
		const sessionToken = /circle_session=([^;]+)/.exec(cookie)?.[1]
		expect(sessionToken).toBeTruthy()
		const session = await validateSessionToken(sessionToken!)
		expect(session?.user.email).toBe(email)

		const user = await prisma.user.findUniqueOrThrow({
			where: { email },
			select: { id: true, name: true, emailVerifiedAt: true },
		})
		expect(user.name).toBe('Amira Khan')
		expect(user.emailVerifiedAt).not.toBeNull()
		expect(await prisma.membership.count({ where: { organisationId: org.id, userId: user.id, role: 'MEMBER' } })).toBe(
			1,
		)
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: pool.id } })).used).toBe(1)

		// The link is single-use: opening it again says so.
		const again = pageOf(await call(loader, getRequest(path), token))
		expect(again.status).toBe(410)
		expect(again.data.problem?.code).toBe('INVITATION_USED')
	})

	test('a short password is an error beside the field and creates nothing', async () => {
		const { token, path, email } = await invitation()
		const outcome = (await call(
			action,
			formRequest(path, { intent: 'signup', name: 'Sam', password: 'short' }),
			token,
		)) as {
			data: { result: { error: Record<string, string[]> } }
			init: { status: number }
		}
		expect(outcome.init.status).toBe(400)
		expect(outcome.data.result.error.password).toEqual(['Password must be 10 characters or more'])
		expect(await prisma.user.count({ where: { email } })).toBe(0)
	})

	test('a signed-in invitee accepts and goes to the course', async () => {
		const user = await createTestUser()
		const { token, path, pool } = await invitation({ email: user.email })
		const cookie = await sessionCookie(user.id)
		const page = pageOf(await call(loader, getRequest(path, { cookie }), token))
		expect(page.data.invitation?.hasAccount).toBe(true)
		expect(page.data.user?.email).toBe(user.email)

		const response = (await call(action, formRequest(path, { intent: 'accept' }, { cookie }), token)) as Response
		expect(response.headers.get('Location')).toBe(`/learn/${pool.course.slug}`)
		expect(await prisma.enrolment.count({ where: { userId: user.id, courseId: pool.course.id, source: 'SEAT' } })).toBe(
			1,
		)
	})

	test('someone signed in with another address cannot accept it', async () => {
		const other = await createTestUser()
		const { token, path, pool } = await invitation()
		const cookie = await sessionCookie(other.id)
		const outcome = (await call(action, formRequest(path, { intent: 'accept' }, { cookie }), token)) as {
			data: { message: string }
			init: { status: number }
		}
		expect(outcome.init.status).toBe(403)
		expect(outcome.data.message).toMatch(/^This invitation was sent to /)
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: pool.id } })).used).toBe(0)
	})

	test('expired, withdrawn and unknown links get a clear message', async () => {
		const expired = await invitation({ expiresAt: new Date(Date.now() - 1000) })
		const page = pageOf(await call(loader, getRequest(expired.path), expired.token))
		expect(page.status).toBe(410)
		expect(page.data.problem).toEqual({
			code: 'INVITATION_EXPIRED',
			message: 'This invitation has expired. Ask your organisation’s administrator to send you a new one.',
		})

		const withdrawn = await invitation()
		await prisma.invitation.update({ where: { id: withdrawn.id }, data: { revokedAt: new Date() } })
		expect(pageOf(await call(loader, getRequest(withdrawn.path), withdrawn.token)).data.problem?.code).toBe(
			'INVITATION_REVOKED',
		)

		const unknown = pageOf(await call(loader, getRequest('/invitations/nope'), 'nope'))
		expect(unknown.status).toBe(404)
		expect(unknown.data.problem?.code).toBe('INVITATION_NOT_FOUND')
	})
})

import { afterAll, describe, expect, test } from 'vitest'
import { createSession } from '#modules/auth/sessions.ts'
import { createTestUser, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { hashToken } from '#modules/auth/tokens.ts'
import { enrolTotp } from '#tests/factories/mfa.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { onQuery, prisma } from '#modules/db/client.ts'
import {
	getOptionalUser,
	requireAnonymous,
	requireRole,
	requireUser,
	safeRedirectTo,
	sessionCookieHeaders,
} from './auth.server.ts'
import { serialiseSessionCookie } from './session.server.ts'

afterAll(releaseTestResources)

const DAY = 24 * 60 * 60 * 1000

/** A signed-in user; trainers and admins have proven a second factor (they must), unless `mfa` says otherwise. */
async function signedIn(role: 'LEARNER' | 'TRAINER' | 'ADMIN' = 'LEARNER', { mfa }: { mfa?: boolean } = {}) {
	const user = await createTestUser({ role })
	const withMfa = mfa ?? role !== 'LEARNER'
	if (withMfa) await enrolTotp(user.id)
	const session = await createSession({ userId: user.id, mfaVerified: withMfa })
	return { user, session, cookie: `circle_session=${session.token}` }
}

async function thrown(promise: Promise<unknown>) {
	return promise.then(
		() => {
			throw new Error('Expected the guard to throw')
		},
		(e: unknown) => e,
	)
}

describe('safeRedirectTo', () => {
	test('keeps same-site paths', () => {
		expect(safeRedirectTo('/courses/restorative-questions?tab=2#notes')).toBe(
			'/courses/restorative-questions?tab=2#notes',
		)
		expect(safeRedirectTo('/account')).toBe('/account')
	})

	test.each([
		'//evil.com',
		'//evil.com/login',
		'/\\evil.com',
		'/\\/evil.com',
		'/\t/evil.com',
		'/\n/evil.com',
		'/.//evil.com',
		'/a/../..//evil.com',
		'https://evil.com',
		'http:evil.com',
		'javascript:alert(1)',
		'evil.com',
		' //evil.com',
		'',
	])('neutralises %j', (value) => {
		expect(safeRedirectTo(value)).toBe('/dashboard')
		expect(safeRedirectTo(value, '/')).toBe('/')
	})

	test('ignores values that are not strings', () => {
		expect(safeRedirectTo(undefined)).toBe('/dashboard')
		expect(safeRedirectTo(null)).toBe('/dashboard')
		expect(safeRedirectTo(['/account'])).toBe('/dashboard')
	})
})

describe('getOptionalUser', () => {
	test('returns the signed-in user, and null without a valid cookie', async () => {
		const { user, cookie } = await signedIn()
		expect(await getOptionalUser(getRequest('/', { cookie }))).toEqual({
			id: user.id,
			email: user.email,
			name: user.name,
			role: 'LEARNER',
			emailVerified: false,
			mfaRequired: false,
			mfaEnrolled: false,
			language: null,
		})
		expect(await getOptionalUser(getRequest('/'))).toBeNull()
		expect(await getOptionalUser(getRequest('/', { cookie: `circle_session=${'a'.repeat(32)}` }))).toBeNull()
	})

	test('validates the session once per request, however many loaders ask', async () => {
		const { user, cookie } = await signedIn()
		const request = getRequest('/', { cookie })
		const queries: string[] = []
		const stop = onQuery(({ query }) => queries.push(query))
		try {
			const results = await Promise.all([getOptionalUser(request), requireUser(request), getOptionalUser(request)])
			await getOptionalUser(request)
			expect(results.map((u) => u?.id)).toEqual([user.id, user.id, user.id])
		} finally {
			stop()
		}
		expect(queries.filter((q) => q.includes('"Session"'))).toHaveLength(1)
	})
})

describe('guards', () => {
	test('requireUser sends visitors to /login with a way back', async () => {
		const response = await thrown(requireUser(getRequest('/courses/circles?module=2')))
		expect(response).toBeInstanceOf(Response)
		expect((response as Response).status).toBe(302)
		expect((response as Response).headers.get('Location')).toBe(
			`/login?${new URLSearchParams({ redirectTo: '/courses/circles?module=2' })}`,
		)
	})

	test('requireUser clears a cookie whose session has ended', async () => {
		const { session, cookie } = await signedIn()
		await prisma.session.delete({ where: { id: hashToken(session.token) } })
		const response = (await thrown(requireUser(getRequest('/account', { cookie })))) as Response
		expect(response.headers.get('Set-Cookie')).toMatch(/^circle_session=; .*Max-Age=0/)
	})

	test('requireRole: a learner gets 403; an admin satisfies TRAINER', async () => {
		const learner = await signedIn('LEARNER')
		const trainer = await signedIn('TRAINER')
		const admin = await signedIn('ADMIN')

		const refused = await thrown(requireRole(getRequest('/studio', { cookie: learner.cookie }), 'TRAINER'))
		expect(refused).toMatchObject({ init: { status: 403 } })
		const trainerAsAdmin = await thrown(requireRole(getRequest('/admin', { cookie: trainer.cookie }), 'ADMIN'))
		expect(trainerAsAdmin).toMatchObject({ init: { status: 403 } })

		expect((await requireRole(getRequest('/studio', { cookie: trainer.cookie }), 'TRAINER')).id).toBe(trainer.user.id)
		expect((await requireRole(getRequest('/studio', { cookie: admin.cookie }), 'TRAINER')).id).toBe(admin.user.id)
		expect((await requireRole(getRequest('/admin', { cookie: admin.cookie }), 'ADMIN')).id).toBe(admin.user.id)
	})

	test('MFA gate: a trainer or admin without a second factor reaches no protected page but the set-up page and log out', async () => {
		for (const role of ['TRAINER', 'ADMIN'] as const) {
			const { cookie } = await signedIn(role, { mfa: false })
			for (const [path, guard] of [
				['/studio', (r: Request) => requireRole(r, 'TRAINER')],
				['/studio.data', (r: Request) => requireRole(r, 'TRAINER')],
				['/admin/users', (r: Request) => requireRole(r, 'ADMIN')],
				['/dashboard', (r: Request) => requireUser(r)],
				['/account/password', (r: Request) => requireUser(r)],
				['/account/securityx', (r: Request) => requireUser(r)],
			] as const) {
				const response = (await thrown(guard(getRequest(path, { cookie })))) as Response
				expect(response.headers.get('Location'), `${role} at ${path}`).toBe('/account/security?setup=required')
			}
			for (const path of ['/account/security', '/account/security.data', '/account/security/passkeys', '/logout']) {
				await expect(requireUser(getRequest(path, { cookie }))).resolves.toBeTruthy()
			}
		}
	})

	test('MFA gate: an organisation’s policy puts its admins (ADMINS) or everyone (ALL) behind it', async () => {
		const org = await createOrganisation()
		const owner = await createSession({ userId: org.owner.id })
		const member = await addMember({ organisationId: org.id })
		const memberSession = await createSession({ userId: member.id })
		const at = (token: string) => getRequest('/org/x', { cookie: `circle_session=${token}` })
		await prisma.organisation.update({ where: { id: org.id }, data: { mfaPolicy: 'ADMINS' } })
		expect(((await thrown(requireUser(at(owner.token)))) as Response).headers.get('Location')).toBe(
			'/account/security?setup=required',
		)
		expect((await requireUser(at(memberSession.token))).id).toBe(member.id)
		await prisma.organisation.update({ where: { id: org.id }, data: { mfaPolicy: 'ALL' } })
		expect(((await thrown(requireUser(at(memberSession.token)))) as Response).headers.get('Location')).toBe(
			'/account/security?setup=required',
		)
	})

	test('MFA gate: a session that never proved the second factor it now has is ended, and the person signs in again', async () => {
		const user = await createTestUser({ role: 'TRAINER' })
		const old = await createSession({ userId: user.id })
		await enrolTotp(user.id)
		const response = (await thrown(
			requireRole(getRequest('/studio', { cookie: `circle_session=${old.token}` }), 'TRAINER'),
		)) as Response
		expect(response.headers.get('Location')).toBe(
			`/login?${new URLSearchParams({ reason: 'second-factor', redirectTo: '/studio' })}`,
		)
		expect(response.headers.get('Set-Cookie')).toMatch(/^circle_session=; /)
		expect(await prisma.session.count({ where: { id: hashToken(old.token) } })).toBe(0)
	})

	test('requireAnonymous sends signed-in users to their dashboard', async () => {
		const { cookie } = await signedIn()
		const response = (await thrown(requireAnonymous(getRequest('/login', { cookie })))) as Response
		expect(response.headers.get('Location')).toBe('/dashboard')
		await expect(requireAnonymous(getRequest('/login'))).resolves.toBeUndefined()
	})
})

describe('session cookie', () => {
	test('is HttpOnly, SameSite=Lax, Path=/ and lasts as long as the session', () => {
		const expiresAt = new Date(Date.now() + 30 * DAY)
		const cookie = serialiseSessionCookie({ token: 'abc', expiresAt })
		expect(cookie).toMatch(/^circle_session=abc; /)
		expect(cookie).toContain('HttpOnly')
		expect(cookie).toContain('SameSite=Lax')
		expect(cookie).toContain('Path=/')
		const maxAge = Number(cookie.match(/Max-Age=(\d+)/)?.[1])
		expect(maxAge).toBeGreaterThan(30 * 24 * 3600 - 5)
		expect(maxAge).toBeLessThanOrEqual(30 * 24 * 3600)
		// Tests run with NODE_ENV=test: plain http, so not Secure (production adds it).
		expect(cookie).not.toContain('Secure')
	})

	test('is sent again with the new expiry when a request extends the session', async () => {
		const { session, cookie } = await signedIn()
		expect((await sessionCookieHeaders(getRequest('/', { cookie }))).get('Set-Cookie')).toBeNull()

		await prisma.session.update({
			where: { id: hashToken(session.token) },
			data: { expiresAt: new Date(Date.now() + 5 * DAY) },
		})
		const refreshed = (await sessionCookieHeaders(getRequest('/', { cookie }))).get('Set-Cookie')
		expect(refreshed).toContain(`circle_session=${session.token};`)
		expect(Number(refreshed?.match(/Max-Age=(\d+)/)?.[1])).toBeGreaterThan(29 * 24 * 3600)
	})

	test('is removed when its session no longer exists', async () => {
		const headers = await sessionCookieHeaders(getRequest('/', { cookie: `circle_session=${'b'.repeat(32)}` }))
		expect(headers.get('Set-Cookie')).toMatch(/^circle_session=; .*Max-Age=0/)
	})
})

import { afterAll, describe, expect, test } from 'vitest'
import { validateSessionToken } from '#modules/auth/sessions.ts'
import { prisma } from '#modules/db/client.ts'
import { createTestUser, releaseTestResources } from '#tests/factories/auth.ts'
import { createAuthenticator, enrolPasskey, jsonRequest, routeContext } from '#tests/factories/passkeys.ts'
import { action, loader } from './login.passkey.ts'

afterAll(releaseTestResources)

async function post(body: unknown) {
	const args = { request: jsonRequest('/login/passkey', body), params: {}, context: routeContext }
	return (await action(args as unknown as Parameters<typeof action>[0])) as Response
}

async function options() {
	const response = await post({ intent: 'options' })
	expect(response.status).toBe(200)
	return ((await response.json()) as { options: Parameters<ReturnType<typeof createAuthenticator>['authenticate']>[0] })
		.options
}

function cookieValue(response: Response, name: string) {
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))
	return cookie?.slice(name.length + 1).split(';')[0] ?? null
}

describe('POST /login/passkey', () => {
	test('a passkey that verified the person signs them in with no password and sends them on', async () => {
		const user = await createTestUser()
		const { authenticator } = await enrolPasskey({ userId: user.id })
		const opts = await options()
		expect(opts.allowCredentials ?? []).toEqual([])

		const response = await post({ intent: 'verify', response: authenticator.authenticate(opts), redirectTo: '/cpd' })
		expect(response.status).toBe(200)
		expect(await response.json()).toEqual({ ok: true, redirectTo: '/cpd' })
		const token = cookieValue(response, 'circle_session')
		const session = await validateSessionToken(token!)
		expect(session?.user.id).toBe(user.id)
		const row = await prisma.session.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: 'desc' } })
		expect(row.method).toBe('PASSKEY')
		expect(row.mfaVerifiedAt).not.toBeNull()
		const audit = await prisma.auditLog.findFirstOrThrow({ where: { actorId: user.id, action: 'auth.signed_in' } })
		expect(audit.details).toMatchObject({ method: 'PASSKEY', mfa: true })
	})

	test('a passkey that did not verify the person is one factor: the sign-in goes on to /login/verify', async () => {
		const user = await createTestUser()
		const { authenticator } = await enrolPasskey({
			userId: user.id,
			authenticator: createAuthenticator({ userVerified: false }),
		})
		const response = await post({ intent: 'verify', response: authenticator.authenticate(await options()) })
		expect(await response.json()).toEqual({ ok: true, redirectTo: '/login/verify' })
		expect(cookieValue(response, 'circle_session')).toBeNull()
		expect(cookieValue(response, 'circle_signin')).toMatch(/^[a-z2-7]{32}$/)
	})

	test('an unsafe redirectTo is replaced by the dashboard', async () => {
		const user = await createTestUser()
		const { authenticator } = await enrolPasskey({ userId: user.id })
		const response = await post({
			intent: 'verify',
			response: authenticator.authenticate(await options()),
			redirectTo: '//evil.example/steal',
		})
		expect(((await response.json()) as { redirectTo: string }).redirectTo).toBe('/dashboard')
	})

	test('a disabled person is refused and gets no session', async () => {
		const user = await createTestUser()
		const { authenticator } = await enrolPasskey({ userId: user.id })
		await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
		const response = await post({ intent: 'verify', response: authenticator.authenticate(await options()) })
		expect(response.status).toBe(403)
		expect(((await response.json()) as { code: string }).code).toBe('ACCOUNT_DISABLED')
		expect(response.headers.getSetCookie()).toEqual([])
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
	})

	test('the same answer cannot sign in twice', async () => {
		const user = await createTestUser()
		const { authenticator } = await enrolPasskey({ userId: user.id })
		const answer = authenticator.authenticate(await options())
		expect((await post({ intent: 'verify', response: answer })).status).toBe(200)
		const replay = await post({ intent: 'verify', response: answer })
		expect(replay.status).toBe(410)
		expect(((await replay.json()) as { code: string }).code).toBe('CHALLENGE_EXPIRED')
	})

	test('bad input gets a clear 4xx, never a 500', async () => {
		const unknown = createAuthenticator()
		unknown.register({
			challenge: 'x',
			rp: { name: 'Circle', id: 'localhost' },
			user: { id: 'dXNlcg', name: 'u', displayName: 'u' },
			pubKeyCredParams: [],
		})
		const cases: Array<[unknown, number, string]> = [
			['{not json', 400, 'BAD_REQUEST'],
			[{ intent: 'nonsense' }, 400, 'BAD_REQUEST'],
			[[1, 2, 3], 400, 'BAD_REQUEST'],
			[{ intent: 'verify' }, 400, 'BAD_REQUEST'],
			[{ intent: 'verify', response: { id: 'x' } }, 422, 'PASSKEY_FAILED'],
			[{ intent: 'verify', response: 'a\u0000b' }, 422, 'PASSKEY_FAILED'],
			[{ intent: 'verify', response: unknown.authenticate(await options()) }, 422, 'PASSKEY_UNKNOWN'],
		]
		for (const [body, status, code] of cases) {
			const response = await post(body)
			expect(response.status, JSON.stringify(body)).toBe(status)
			const json = (await response.json()) as { code: string; message: string }
			expect(json.code).toBe(code)
			expect(json.message.length).toBeGreaterThan(10)
		}
	})

	test('a GET goes back to the login page', async () => {
		const response = (await loader()) as Response
		expect(response.headers.get('Location')).toBe('/login')
	})
})

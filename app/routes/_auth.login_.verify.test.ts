import { afterAll, describe, expect, test } from 'vitest'
import { validateSessionToken } from '#modules/auth/sessions.ts'
import { prisma } from '#modules/db/client.ts'
import { totpCodeAt } from '#modules/mfa/totp.ts'
import { createTestUser, formRequest, getRequest, releaseTestResources, uniqueIp } from '#tests/factories/auth.ts'
import { enrolTotp } from '#tests/factories/mfa.ts'
import { action as loginAction } from './_auth.login.tsx'
import { action, loader } from './_auth.login_.verify.tsx'

afterAll(releaseTestResources)

type Args = Parameters<typeof action>[0]
const context = () => ({ clientIp: uniqueIp(), cspNonce: 'test' })
const run = <T>(fn: (args: Args) => Promise<T>, request: Request) =>
	fn({ request, params: {}, context: context() } as unknown as Args).catch((thrown: unknown) => thrown)

type FormReply = { data: { result: { error?: Record<string, string[] | null> } }; init: { status?: number } | null }

/** Logs a person with TOTP in with their password: the challenge cookie for /login/verify. */
async function passwordStep(user: { email: string; password: string }, redirectTo = '/studio') {
	const response = (await run(
		loginAction as unknown as (args: Args) => Promise<unknown>,
		formRequest('/login', { email: user.email, password: user.password, redirectTo }),
	)) as Response
	expect(response.status).toBe(302)
	expect(response.headers.get('Location')).toBe('/login/verify')
	const setCookie = response.headers.get('Set-Cookie') ?? ''
	expect(setCookie).not.toContain('circle_session=')
	const token = setCookie.match(/circle_signin=([a-z2-7]{32});/)?.[1]
	expect(setCookie).toMatch(/circle_signin=[a-z2-7]{32}; Path=\/login; HttpOnly; SameSite=Lax/)
	expect(setCookie).toMatch(/circle_device=[a-z2-7]{32}; Path=\//)
	return `circle_signin=${token}`
}

describe('/login/verify', () => {
	test('without a pending sign-in: back to /login with a message, the cookie cleared', async () => {
		for (const cookie of [undefined, `circle_signin=${'a'.repeat(32)}`, 'circle_signin=../../x']) {
			const response = (await run(loader as never, getRequest('/login/verify', { cookie }))) as Response
			expect(response.headers.get('Location')).toBe('/login?reason=expired')
			expect(response.headers.get('Set-Cookie')).toMatch(/^circle_signin=; Path=\/login;.*Max-Age=0/)
		}
	})

	test('a wrong code: 422 beside the field, no session; the right one: a session, on to redirectTo, the challenge used up', async () => {
		const user = await createTestUser({ role: 'TRAINER' })
		const { secret } = await enrolTotp(user.id)
		const cookie = await passwordStep(user)
		const page = (await run(loader as never, getRequest('/login/verify', { cookie }))) as { email: string }
		expect(page.email).toBe(user.email)

		const wrong = (await run(
			action,
			formRequest('/login/verify', { method: 'totp', code: '000000' }, { cookie }),
		)) as FormReply
		expect(wrong.init?.status).toBe(422)
		expect(wrong.data.result.error?.code?.[0]).toMatch(/not right/)
		const bad = (await run(
			action,
			formRequest('/login/verify', { method: 'totp', code: '12ab' }, { cookie }),
		)) as FormReply
		expect(bad.init?.status).toBe(400)
		expect(await prisma.session.count({ where: { userId: user.id, mfaVerifiedAt: { not: null } } })).toBe(1)

		const right = (await run(
			action,
			formRequest('/login/verify', { method: 'totp', code: totpCodeAt(secret, new Date()) }, { cookie }),
		)) as Response
		expect(right.status).toBe(302)
		expect(right.headers.get('Location')).toBe('/studio')
		const setCookie = right.headers.get('Set-Cookie') ?? ''
		expect(setCookie).toMatch(/circle_signin=; Path=\/login/)
		const token = setCookie.match(/circle_session=([a-z2-7]{32});/)?.[1] ?? ''
		const session = await validateSessionToken(token)
		expect(session?.user.id).toBe(user.id)
		expect(session?.session.mfaVerified).toBe(true)

		// The challenge is gone: the cookie cannot start a second session.
		const again = (await run(
			action,
			formRequest('/login/verify', { method: 'recovery', recoveryCode: 'aaaaa-bbbbb' }, { cookie }),
		)) as Response
		expect(again.headers.get('Location')).toBe('/login?reason=expired')
	})

	test('a recovery code signs in once', async () => {
		const user = await createTestUser({ role: 'TRAINER' })
		const { recoveryCodes } = await enrolTotp(user.id)
		const first = (await run(
			action,
			formRequest(
				'/login/verify',
				{ method: 'recovery', recoveryCode: recoveryCodes[0]! },
				{ cookie: await passwordStep(user, '/dashboard') },
			),
		)) as Response
		expect(first.headers.get('Location')).toBe('/dashboard')
		const second = (await run(
			action,
			formRequest(
				'/login/verify',
				{ method: 'recovery', recoveryCode: recoveryCodes[0]! },
				{ cookie: await passwordStep(user, '/dashboard') },
			),
		)) as FormReply
		expect(second.init?.status).toBe(422)
		expect(second.data.result.error?.recoveryCode?.[0]).toMatch(/not right, or it has been used/)
	})
})

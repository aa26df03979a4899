import { afterAll, describe, expect, test } from 'vitest'
import { createTestUser, formRequest, releaseTestResources, uniqueEmail, uniqueIp } from '#tests/factories/auth.ts'
import { validateSessionToken } from '#modules/auth/sessions.ts'
import { action } from './_auth.login.tsx'

afterAll(releaseTestResources)

type FormReply = {
	data: { result: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } }
	init: { status?: number } | null
}

async function postLogin(fields: Record<string, string>, { query = '' } = {}) {
	const request = formRequest(`/login${query}`, fields)
	const args = { request, params: {}, context: { clientIp: uniqueIp(), cspNonce: 'test' } }
	return action(args as unknown as Parameters<typeof action>[0]).catch((thrown: unknown) => thrown)
}

describe('/login action', () => {
	test('bad input: 400, errors beside the fields, the email kept and the password not sent back', async () => {
		const result = (await postLogin({ email: 'sam.taylor@', password: '' })) as FormReply
		expect(result.init?.status).toBe(400)
		expect(result.data.result.error?.email).toEqual([
			'Enter an email address in the correct format, like name@example.com',
		])
		expect(result.data.result.error?.password).toEqual(['Enter your password'])
		expect(result.data.result.initialValue?.email).toBe('sam.taylor@')
	})

	test('wrong password: the same message as for an unknown email, the email kept, the password not echoed', async () => {
		const user = await createTestUser()
		const wrong = (await postLogin({ email: user.email, password: 'my secret guess' })) as FormReply
		const unknown = (await postLogin({ email: uniqueEmail(), password: 'my secret guess' })) as FormReply

		for (const result of [wrong, unknown]) {
			expect(result.init?.status).toBe(422)
			expect(result.data.result.error?.['']).toEqual(['Email or password is incorrect'])
			expect(JSON.stringify(result.data)).not.toContain('my secret guess')
		}
		expect(wrong.data.result.initialValue?.email).toBe(user.email)
	})

	test('success: a new session cookie and a redirect to redirectTo', async () => {
		const user = await createTestUser()
		const response = (await postLogin({
			email: user.email,
			password: user.password,
			redirectTo: '/courses?sector=SCHOOLS',
		})) as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/courses?sector=SCHOOLS')
		const cookie = response.headers.get('Set-Cookie') ?? ''
		expect(cookie).toMatch(/^circle_session=[a-z2-7]{32}; /)
		expect(cookie).toContain('HttpOnly')
		const token = cookie.match(/^circle_session=([a-z2-7]{32});/)?.[1] ?? ''
		expect((await validateSessionToken(token))?.user.id).toBe(user.id)
	})

	test('an open-redirect attempt lands on the dashboard instead', async () => {
		const user = await createTestUser()
		for (const redirectTo of ['//evil.com', 'https://evil.com/phish', '/\\evil.com']) {
			const response = (await postLogin({ email: user.email, password: user.password, redirectTo })) as Response
			expect(response.headers.get('Location')).toBe('/dashboard')
		}
	})
})

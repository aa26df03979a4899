import { afterAll, describe, expect, test } from 'vitest'
import { formRequest, releaseTestResources, TEST_PASSWORD, uniqueEmail, uniqueIp } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { action } from './_auth.signup.tsx'

afterAll(releaseTestResources)

type FormReply = {
	data: { result: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } }
	init: { status?: number } | null
}

async function postSignup(fields: Record<string, string>) {
	const request = formRequest('/signup', fields)
	const args = { request, params: {}, context: { clientIp: uniqueIp(), cspNonce: 'test' } }
	return action(args as unknown as Parameters<typeof action>[0]).catch((thrown: unknown) => thrown)
}

describe('/signup action', () => {
	test('shows each problem beside its field and keeps what was typed, except the password', async () => {
		const result = (await postSignup({ name: '', email: 'alex at school', password: 'tiny-pw' })) as FormReply
		expect(result.init?.status).toBe(400)
		expect(result.data.result.error).toMatchObject({
			name: ['Enter your name'],
			email: ['Enter an email address in the correct format, like name@example.com'],
			password: ['Password must be 10 characters or more'],
		})
		expect(result.data.result.initialValue).toMatchObject({ email: 'alex at school' })
		expect(JSON.stringify(result.data)).not.toContain('tiny-pw')
	})

	test('a password that is the email address is refused beside the password field', async () => {
		const email = uniqueEmail()
		const result = (await postSignup({ name: 'Alex', email, password: email })) as FormReply
		expect(result.init?.status).toBe(400)
		expect(result.data.result.error?.password).toEqual(['Your password must not be your email address'])
	})

	test('an existing email in another letter case: an error beside the email field, and no second user', async () => {
		const email = uniqueEmail('existing')
		const first = (await postSignup({ name: 'Alex', email, password: TEST_PASSWORD })) as Response
		expect(first.status).toBe(302)
		expect(first.headers.get('Location')).toBe('/dashboard')
		expect(first.headers.get('Set-Cookie')).toMatch(/^circle_session=[a-z2-7]{32}; /)

		const second = (await postSignup({
			name: 'Alex Again',
			email: email.toUpperCase(),
			password: TEST_PASSWORD,
		})) as FormReply
		expect(second.init?.status).toBe(409)
		expect(second.data.result.error?.email?.[0]).toMatch(/^An account with this email already exists/)
		expect(second.data.result.initialValue).toMatchObject({ name: 'Alex Again', email: email.toUpperCase() })
		expect(await prisma.user.count({ where: { email: { equals: email, mode: 'insensitive' } } })).toBe(1)
	})
})

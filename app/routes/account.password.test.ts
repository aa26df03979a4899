import { afterAll, describe, expect, test } from 'vitest'
import { createSession, validateSessionToken } from '#modules/auth/sessions.ts'
import { createTestUser, formRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { action } from './account.password.tsx'

afterAll(releaseTestResources)

function post(fields: Record<string, string>, token?: string) {
	const request = formRequest('/account/password', fields, token ? { cookie: `circle_session=${token}` } : {})
	const args = { request, params: {}, context: { clientIp: '2001:db8::9', cspNonce: 'test' } }
	return action(args as unknown as Parameters<typeof action>[0]).catch((thrown: unknown) => thrown)
}

type Reply = {
	data: {
		result: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> }
		endedSessions?: number
	}
	init: { status?: number } | null
}

describe('/account/password action', () => {
	test('keeps this browser signed in and signs out every other session', async () => {
		const user = await createTestUser()
		const here = await createSession({ userId: user.id })
		const elsewhere = await createSession({ userId: user.id })
		const newPassword = 'repairing harm together'

		const result = (await post(
			{ currentPassword: user.password, newPassword, confirmPassword: newPassword },
			here.token,
		)) as { result: unknown; endedSessions: number }
		expect(result.endedSessions).toBe(1)
		expect(await validateSessionToken(here.token)).not.toBeNull()
		expect(await validateSessionToken(elsewhere.token)).toBeNull()
	})

	test('a wrong current password is shown beside that field, and no password is sent back', async () => {
		const user = await createTestUser()
		const here = await createSession({ userId: user.id })
		const result = (await post(
			{ currentPassword: 'not my password', newPassword: 'a brand new secret', confirmPassword: 'a brand new secret' },
			here.token,
		)) as Reply
		expect(result.init?.status).toBe(422)
		expect(result.data.result.error?.currentPassword).toEqual(['Your current password is incorrect'])
		const json = JSON.stringify(result.data)
		expect(json).not.toContain('not my password')
		expect(json).not.toContain('a brand new secret')
	})

	test('visitors are sent to log in', async () => {
		const response = (await post({ currentPassword: 'x', newPassword: 'y', confirmPassword: 'y' })) as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe(`/login?${new URLSearchParams({ redirectTo: '/account/password' })}`)
	})
})

import { afterAll, describe, expect, test } from 'vitest'
import { createSession, validateSessionToken } from '#modules/auth/sessions.ts'
import { createTestUser, formRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { action, loader } from './logout.tsx'

afterAll(releaseTestResources)

describe('/logout', () => {
	test('POST ends the session and clears the cookie', async () => {
		const user = await createTestUser()
		const session = await createSession({ userId: user.id })
		const other = await createSession({ userId: user.id })
		const request = formRequest('/logout', {}, { cookie: `circle_session=${session.token}` })

		const response = await action({ request, params: {}, context: {} } as unknown as Parameters<typeof action>[0])
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/')
		expect(response.headers.get('Set-Cookie')).toMatch(/^circle_session=; .*Max-Age=0/)
		expect(await validateSessionToken(session.token)).toBeNull()
		// Only this browser is signed out.
		expect(await validateSessionToken(other.token)).not.toBeNull()
	})

	test('GET signs no one out: it redirects home', async () => {
		const user = await createTestUser()
		const session = await createSession({ userId: user.id })
		const thrown = await loader().catch((e: unknown) => e)
		expect((thrown as Response).status).toBe(302)
		expect((thrown as Response).headers.get('Location')).toBe('/')
		expect(await validateSessionToken(session.token)).not.toBeNull()
	})
})

import { afterAll, describe, expect, test } from 'vitest'
import { requestPasswordReset } from '#modules/auth/request-password-reset.ts'
import { createSession, validateSessionToken } from '#modules/auth/sessions.ts'
import {
	createTestUser,
	formRequest,
	getRequest,
	latestEmailLink,
	releaseTestResources,
	uniqueIp,
} from '#tests/factories/auth.ts'
import { action, loader } from './_auth.reset-password.tsx'

afterAll(releaseTestResources)

const NEW_PASSWORD = 'with, not to or for'

function post(fields: Record<string, string>) {
	const args = {
		request: formRequest('/reset-password', fields),
		params: {},
		context: { clientIp: uniqueIp(), cspNonce: 'test' },
	}
	return action(args as unknown as Parameters<typeof action>[0])
}

describe('/reset-password', () => {
	test('the link shows the form once; using it signs in here and out everywhere else', async () => {
		const user = await createTestUser()
		const before = await createSession({ userId: user.id })
		await requestPasswordReset({ email: user.email, ipAddress: uniqueIp() })
		const { token } = await latestEmailLink({ to: user.email, path: '/reset-password' })

		const page = await loader({ request: getRequest(`/reset-password?token=${token}`) } as unknown as Parameters<
			typeof loader
		>[0])
		expect(page).toEqual({ token, problem: null })

		const response = (await post({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })) as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/dashboard')
		const newToken = response.headers.get('Set-Cookie')?.match(/^circle_session=([a-z2-7]{32});/)?.[1] ?? ''
		expect((await validateSessionToken(newToken))?.user.id).toBe(user.id)
		expect(await validateSessionToken(before.token)).toBeNull()

		// Second use: refused above the form, and the page now explains instead of showing the form.
		const again = (await post({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })) as unknown as {
			data: { result: { error?: Record<string, string[] | null> } }
			init: { status?: number }
		}
		expect(again.init.status).toBe(410)
		expect(again.data.result.error?.['']?.[0]).toMatch(/already been used/)
		const usedPage = await loader({ request: getRequest(`/reset-password?token=${token}`) } as unknown as Parameters<
			typeof loader
		>[0])
		expect(usedPage.token).toBeNull()
	})

	test('mismatched passwords are shown beside the confirmation field', async () => {
		const result = (await post({
			token: 'x'.repeat(52),
			password: NEW_PASSWORD,
			confirmPassword: 'something else',
		})) as unknown as {
			data: { result: { error?: Record<string, string[] | null> } }
			init: { status?: number }
		}
		expect(result.init.status).toBe(400)
		expect(result.data.result.error?.confirmPassword).toEqual(['The passwords do not match'])
	})
})

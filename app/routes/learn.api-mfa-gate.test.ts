// The JSON endpoints a lesson page calls run the same MFA gate as every page (requireApiSession):
// a session that must prove a second factor it never proved (here a trainer's, begun before their
// authenticator app was set up) saves nothing, gets 401 and is ended, its cookie cleared.
import { afterAll, describe, expect, test } from 'vitest'
import { hashToken } from '#modules/auth/tokens.ts'
import { prisma } from '#modules/db/client.ts'
import { createTestUser, releaseTestResources } from '#tests/factories/auth.ts'
import { enrolTotp } from '#tests/factories/mfa.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { action as progressAction } from './learn.progress.ts'
import { action as reflectionAction } from './learn.reflection.ts'

afterAll(releaseTestResources)

function post(path: string, cookie: string) {
	return new Request(`http://localhost${path}`, {
		method: 'POST',
		headers: { Cookie: cookie, 'Content-Type': 'application/json' },
		body: JSON.stringify({}),
	})
}

const sessionId = (cookie: string) => hashToken(cookie.slice(cookie.indexOf('=') + 1))

const endpoints: [string, (args: never) => Promise<unknown>][] = [
	['/learn/progress', progressAction],
	['/learn/reflection', reflectionAction],
]

describe.each(endpoints)('POST %s', (path, action) => {
	test('a session the MFA gate would end gets 401, is ended and reaches nothing', async () => {
		const trainer = await createTestUser({ role: 'TRAINER' })
		await enrolTotp(trainer.id)
		const cookie = await sessionCookie(trainer.id, { mfa: false })
		const answer = (await runRoute(action, post(path, cookie))) as Response
		expect(answer.status).toBe(401)
		expect(((await answer.json()) as { code: string }).code).toBe('UNAUTHENTICATED')
		expect(answer.headers.get('Set-Cookie')).toMatch(/^circle_session=;/)
		expect(await prisma.session.count({ where: { id: sessionId(cookie) } })).toBe(0)
	})

	test('the same person, signed in with their second factor, reaches the endpoint', async () => {
		const trainer = await createTestUser({ role: 'TRAINER' })
		const cookie = await sessionCookie(trainer.id)
		// An empty body is the endpoint's own refusal (its schema), not the gate's.
		const status = statusOf(await runRoute(action, post(path, cookie)))
		expect(status).not.toBe(401)
		expect(status).toBeGreaterThanOrEqual(400)
		expect(await prisma.session.count({ where: { id: sessionId(cookie) } })).toBe(1)
	})
})

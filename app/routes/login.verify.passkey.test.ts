import { afterAll, describe, expect, test } from 'vitest'
import { beginSignIn } from '#modules/auth/sign-in.ts'
import { validateSessionToken } from '#modules/auth/sessions.ts'
import { prisma } from '#modules/db/client.ts'
import { createTestUser, releaseTestResources } from '#tests/factories/auth.ts'
import { enrolPasskey, jsonRequest, routeContext } from '#tests/factories/passkeys.ts'
import type { SoftAuthenticator } from '#tests/fakes/webauthn-authenticator.ts'
import { action } from './login.verify.passkey.ts'

afterAll(releaseTestResources)

async function post(body: unknown, challengeToken?: string) {
	const cookie = challengeToken ? `circle_signin=${challengeToken}` : undefined
	const args = { request: jsonRequest('/login/verify/passkey', body, { cookie }), params: {}, context: routeContext }
	return (await action(args as unknown as Parameters<typeof action>[0])) as Response
}

/** A person with a passkey who has passed their password and waits for the second factor. */
async function waitingSignIn({ redirectTo }: { redirectTo?: string } = {}) {
	const user = await createTestUser()
	const { authenticator, passkeyId } = await enrolPasskey({ userId: user.id })
	const result = await beginSignIn({ userId: user.id, method: 'PASSWORD', redirectTo })
	if (result.kind !== 'second-factor') throw new Error('expected a second-factor challenge')
	return { user, authenticator, passkeyId, token: result.challenge.token }
}

async function optionsFor(token: string) {
	const response = await post({ intent: 'options' }, token)
	expect(response.status).toBe(200)
	return ((await response.json()) as { options: Parameters<SoftAuthenticator['authenticate']>[0] }).options
}

function cookieValue(response: Response, name: string) {
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))
	return cookie?.slice(name.length + 1).split(';')[0] ?? null
}

describe('POST /login/verify/passkey', () => {
	test('the waiting person’s own passkey completes the sign-in, marked as multi-factor', async () => {
		const { user, authenticator, passkeyId, token } = await waitingSignIn({ redirectTo: '/cpd' })
		const options = await optionsFor(token)
		expect(options.allowCredentials?.map((c) => c.id)).toEqual([passkeyId])

		const response = await post({ intent: 'verify', response: authenticator.authenticate(options) }, token)
		expect(response.status).toBe(200)
		expect(await response.json()).toEqual({ ok: true, redirectTo: '/cpd' })
		const session = await validateSessionToken(cookieValue(response, 'circle_session')!)
		expect(session?.user.id).toBe(user.id)
		expect(cookieValue(response, 'circle_signin')).toBe('')
		const audit = await prisma.auditLog.findFirstOrThrow({ where: { actorId: user.id, action: 'auth.signed_in' } })
		expect(audit.details).toMatchObject({ method: 'PASSWORD', mfa: true, factor: 'PASSKEY' })

		// The sign-in is used up: the same cookie cannot start a second session.
		const again = await post({ intent: 'options' }, token)
		expect(again.status).toBe(410)
	})

	test('an assertion from another person’s passkey does not complete someone’s second factor', async () => {
		const victim = await waitingSignIn()
		const attacker = await createTestUser()
		const { authenticator: attackersKey } = await enrolPasskey({ userId: attacker.id })

		const options = await optionsFor(victim.token)
		const response = await post({ intent: 'verify', response: attackersKey.authenticate(options) }, victim.token)
		expect(response.status).toBe(422)
		expect(((await response.json()) as { code: string }).code).toBe('PASSKEY_UNKNOWN')
		expect(cookieValue(response, 'circle_session')).toBeNull()
		expect(await prisma.session.count({ where: { userId: victim.user.id } })).toBe(0)

		// The attacker's own, valid second-factor answer does not count for the victim's sign-in either.
		const attackersSignIn = await beginSignIn({ userId: attacker.id, method: 'PASSWORD' })
		if (attackersSignIn.kind !== 'second-factor') throw new Error('expected a challenge')
		const attackersOptions = await optionsFor(attackersSignIn.challenge.token)
		const swapped = await post(
			{ intent: 'verify', response: attackersKey.authenticate(attackersOptions) },
			victim.token,
		)
		expect(swapped.status).toBe(410)
		expect(await prisma.session.count({ where: { userId: victim.user.id } })).toBe(0)
	})

	test('without a waiting sign-in there is nothing to complete', async () => {
		const { authenticator, token } = await waitingSignIn()
		const options = await optionsFor(token)
		for (const cookie of [undefined, 'not-a-token', 'a'.repeat(32)]) {
			const response = await post({ intent: 'verify', response: authenticator.authenticate(options) }, cookie)
			expect(response.status).toBe(410)
			expect(((await response.json()) as { message: string }).message).toMatch(/sign in again/i)
		}
	})

	test('bad input gets a clear 4xx, never a 500', async () => {
		const { token } = await waitingSignIn()
		for (const body of ['{oops', { intent: 'verify', response: { id: 'x' } }, { intent: 'verify', response: 42 }]) {
			const response = await post(body, token)
			expect([400, 422]).toContain(response.status)
			expect(((await response.json()) as { message: string }).message).toBeTruthy()
		}
	})
})

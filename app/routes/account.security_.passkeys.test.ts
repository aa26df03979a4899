import { afterAll, describe, expect, test } from 'vitest'
import { createSession } from '#modules/auth/sessions.ts'
import { hashToken } from '#modules/auth/tokens.ts'
import { prisma } from '#modules/db/client.ts'
import { createTestUser, formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { enrolTotp } from '#tests/factories/mfa.ts'
import { createAuthenticator, enrolPasskey, jsonRequest, routeContext } from '#tests/factories/passkeys.ts'
import { action as registerAction } from './account.security_.passkeys.register.ts'
import { action as pageAction, loader } from './account.security_.passkeys.tsx'

afterAll(releaseTestResources)

/**
 * A session cookie; `minutesAgo` backdates the sign-in (an old one must confirm the password), and
 * `mfaVerified` says it proved a second factor, as a sign-in of an account that has one does.
 */
async function signedIn(userId: string, { minutesAgo = 0, mfaVerified = false } = {}) {
	const { token } = await createSession({ userId, mfaVerified })
	if (minutesAgo) {
		await prisma.session.update({
			where: { id: hashToken(token) },
			data: { createdAt: new Date(Date.now() - minutesAgo * 60_000) },
		})
	}
	return `circle_session=${token}`
}

async function register(body: unknown, cookie?: string) {
	const args = {
		request: jsonRequest('/account/security/passkeys/register', body, { cookie }),
		params: {},
		context: routeContext,
	}
	const response = (await registerAction(args as unknown as Parameters<typeof registerAction>[0])) as Response
	return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

async function page(fields: Record<string, string>, cookie?: string) {
	const args = {
		request: formRequest('/account/security/passkeys', fields, { cookie }),
		params: {},
		context: routeContext,
	}
	return pageAction(args as unknown as Parameters<typeof pageAction>[0]).catch((thrown: unknown) => thrown)
}

type Reply = { data: { ok: boolean; code?: string; message: string; field?: string | null }; init: { status?: number } }

describe('adding a passkey (POST /account/security/passkeys/register)', () => {
	test('a freshly signed-in person adds a passkey through options and verification', async () => {
		const user = await createTestUser()
		const cookie = await signedIn(user.id)
		const options = await register({ intent: 'options' }, cookie)
		expect(options.status).toBe(200)
		const authenticator = createAuthenticator()
		const answer = authenticator.register(options.json.options as Parameters<typeof authenticator.register>[0])
		const verified = await register({ intent: 'verify', response: answer }, cookie)
		expect(verified).toEqual({ status: 200, json: { ok: true, passkey: { id: answer.id, name: 'Passkey' } } })
		expect(await prisma.passkey.count({ where: { userId: user.id } })).toBe(1)
		// The same answer again: the challenge is spent.
		expect((await register({ intent: 'verify', response: answer }, cookie)).status).toBe(410)
	})

	test('an old sign-in must type the password first, and a wrong one is refused beside it', async () => {
		const user = await createTestUser()
		const cookie = await signedIn(user.id, { minutesAgo: 60 })
		expect(await register({ intent: 'options' }, cookie)).toMatchObject({
			status: 422,
			json: { code: 'REAUTHENTICATION_REQUIRED', field: 'password' },
		})
		expect(await register({ intent: 'options', password: 'wrong guess' }, cookie)).toMatchObject({
			status: 422,
			json: { code: 'WRONG_PASSWORD', field: 'password' },
		})
		expect((await register({ intent: 'options', password: user.password }, cookie)).status).toBe(200)
	})

	test('a session that never proved the account’s second factor cannot add a passkey, even with the password', async () => {
		// A session from before the person set up an authenticator app: the MFA rule does not apply
		// to a learner outside any organisation that requires it, so the session still opens pages,
		// but it must not add a passkey of its own and so keep a way in after a password change.
		const user = await createTestUser()
		await enrolTotp(user.id)
		const cookie = await signedIn(user.id)
		const refused = await register({ intent: 'options', password: user.password }, cookie)
		expect(refused).toMatchObject({ status: 403, json: { code: 'SECOND_FACTOR_REQUIRED' } })
		expect(await prisma.webAuthnChallenge.count({ where: { userId: user.id } })).toBe(0)
		// The same person, signed in with their authenticator app, may.
		const verified = await signedIn(user.id, { mfaVerified: true })
		expect((await register({ intent: 'options' }, verified)).status).toBe(200)
	})

	test('a session the MFA rule would end is ended here too, with 401, and adds nothing', async () => {
		const trainer = await createTestUser({ role: 'TRAINER' })
		await enrolTotp(trainer.id)
		const cookie = await signedIn(trainer.id)
		const args = {
			request: jsonRequest('/account/security/passkeys/register', { intent: 'options' }, { cookie }),
			params: {},
			context: routeContext,
		}
		const response = (await registerAction(args as unknown as Parameters<typeof registerAction>[0])) as Response
		expect(response.status).toBe(401)
		expect(response.headers.get('Set-Cookie')).toMatch(/^circle_session=;/)
		expect(await prisma.session.count({ where: { id: hashToken(cookie.slice('circle_session='.length)) } })).toBe(0)
		expect(await prisma.webAuthnChallenge.count({ where: { userId: trainer.id } })).toBe(0)
	})

	test('signed-out requests get 401 and bad bodies 400', async () => {
		expect((await register({ intent: 'options' })).status).toBe(401)
		const cookie = await signedIn((await createTestUser()).id)
		expect((await register('nope', cookie)).status).toBe(400)
		expect((await register({ intent: 'verify', response: { rawId: 1 } }, cookie)).status).toBe(422)
	})
})

describe('/account/security/passkeys', () => {
	test('lists the person’s passkeys and says whether the password will be needed', async () => {
		const user = await createTestUser()
		await enrolPasskey({ userId: user.id })
		const fresh = await loader({
			request: getRequest('/account/security/passkeys', { cookie: await signedIn(user.id) }),
		} as never)
		expect(fresh.passkeys).toHaveLength(1)
		expect(fresh.passkeys[0]).toMatchObject({ name: 'Passkey on Chrome (Windows)', lastUsedAt: null })
		expect(fresh.needsPassword).toBe(false)
		const old = await loader({
			request: getRequest('/account/security/passkeys', { cookie: await signedIn(user.id, { minutesAgo: 60 }) }),
		} as never)
		expect(old.needsPassword).toBe(true)
	})

	test('visitors are sent to log in', async () => {
		const response = (await page({ intent: 'remove', passkeyId: 'x' })) as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
	})

	test('renames and removes only the person’s own passkeys; removal is audited', async () => {
		const owner = await createTestUser()
		const { passkeyId } = await enrolPasskey({ userId: owner.id })
		const intruder = await signedIn((await createTestUser()).id)

		const renameOther = (await page({ intent: 'rename', passkeyId, name: 'Mine' }, intruder)) as Reply
		expect(renameOther.init.status).toBe(404)
		const removeOther = (await page({ intent: 'remove', passkeyId }, intruder)) as Reply
		expect(removeOther.init.status).toBe(404)
		expect(await prisma.passkey.count({ where: { id: passkeyId } })).toBe(1)

		const cookie = await signedIn(owner.id, { mfaVerified: true })
		const badName = (await page({ intent: 'rename', passkeyId, name: '' }, cookie)) as Reply
		expect(badName.init.status).toBe(422)
		expect(badName.data.field).toBe('name')
		expect(await page({ intent: 'rename', passkeyId, name: 'Work phone' }, cookie)).toMatchObject({ ok: true })
		expect((await prisma.passkey.findUniqueOrThrow({ where: { id: passkeyId } })).name).toBe('Work phone')

		expect(await page({ intent: 'remove', passkeyId }, cookie)).toMatchObject({ ok: true })
		expect(await prisma.passkey.count({ where: { id: passkeyId } })).toBe(0)
		const audit = await prisma.auditLog.findFirstOrThrow({
			where: { actorId: owner.id, action: 'mfa.passkey_removed' },
		})
		expect(audit.ipAddress).toBe(routeContext.clientIp)
	})

	test('removing from an old sign-in needs the password; without it nothing is removed', async () => {
		const user = await createTestUser()
		const { passkeyId } = await enrolPasskey({ userId: user.id })
		const cookie = await signedIn(user.id, { minutesAgo: 60, mfaVerified: true })
		const refused = (await page({ intent: 'remove', passkeyId }, cookie)) as Reply
		expect(refused.init.status).toBe(422)
		expect(refused.data).toMatchObject({ code: 'REAUTHENTICATION_REQUIRED', field: 'password' })
		expect(await prisma.passkey.count({ where: { id: passkeyId } })).toBe(1)
		expect(await page({ intent: 'remove', passkeyId, password: user.password }, cookie)).toMatchObject({ ok: true })
		expect(await prisma.passkey.count({ where: { id: passkeyId } })).toBe(0)
	})

	test('a session that never proved the second factor cannot remove a passkey', async () => {
		const user = await createTestUser()
		const { passkeyId } = await enrolPasskey({ userId: user.id })
		const refused = (await page(
			{ intent: 'remove', passkeyId, password: user.password },
			await signedIn(user.id),
		)) as Reply
		expect(refused.init.status).toBe(403)
		expect(refused.data).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED' })
		expect(await prisma.passkey.count({ where: { id: passkeyId } })).toBe(1)
	})

	test('a malformed form is refused with 400', async () => {
		const cookie = await signedIn((await createTestUser()).id)
		const reply = (await page({ intent: 'explode', passkeyId: 'a\u0000b' }, cookie)) as Reply
		expect(reply.init.status).toBe(400)
	})
})

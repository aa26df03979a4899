import { afterAll, describe, expect, test } from 'vitest'
import { createSession } from '#modules/auth/sessions.ts'
import { hashToken } from '#modules/auth/tokens.ts'
import { prisma } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { createTestUser, releaseTestResources } from '#tests/factories/auth.ts'
import { createAuthenticator, enrolPasskey } from '#tests/factories/passkeys.ts'
import { createSoftAuthenticator } from '#tests/fakes/webauthn-authenticator.ts'
import {
	defaultPasskeyName,
	finishPasskeyRegistration,
	hasPasskeys,
	listPasskeys,
	RECENT_SIGN_IN_MS,
	relyingParty,
	removePasskey,
	renamePasskey,
	startPasskeyRegistration,
	startPasskeySecondFactor,
	startPasskeySignIn,
	verifyPasskeySecondFactor,
	verifyPasskeySignIn,
	WEBAUTHN_CHALLENGE_MS,
} from './passkeys.ts'

afterAll(releaseTestResources)

const recent = () => ({ sessionCreatedAt: new Date(), sessionMfaVerified: true })
const stale = () => ({ sessionCreatedAt: new Date(Date.now() - RECENT_SIGN_IN_MS - 60_000), sessionMfaVerified: true })

function rejection(promise: Promise<unknown>) {
	return promise.then(
		() => {
			throw new Error('expected a refusal')
		},
		(error: { code?: string; kind?: string; field?: string; message: string }) => error,
	)
}

describe('relying party', () => {
	test('the RP ID is the hostname of the app origin, and the origin is the app origin', () => {
		expect(relyingParty('http://localhost:4130')).toEqual({
			rpID: 'localhost',
			rpName: 'Circle',
			origin: 'http://localhost:4130',
		})
		expect(relyingParty('https://learn.circle.example/')).toMatchObject({
			rpID: 'learn.circle.example',
			origin: 'https://learn.circle.example',
		})
	})
})

describe('registering a passkey', () => {
	test('asks for a discoverable credential, excludes the passkeys the person has, and stores the new one', async () => {
		const user = await createTestUser()
		const first = await enrolPasskey({ userId: user.id })

		const options = await startPasskeyRegistration({ userId: user.id, reauthentication: recent() })
		expect(options.rp).toEqual({ id: new URL(appUrl()).hostname, name: 'Circle' })
		expect(options.user.name).toBe(user.email)
		expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'preferred' })
		expect(options.excludeCredentials?.map((c) => c.id)).toEqual([first.passkeyId])

		const stored = await prisma.passkey.findUniqueOrThrow({ where: { id: first.passkeyId } })
		expect(stored).toMatchObject({
			userId: user.id,
			counter: 1n,
			transports: ['internal'],
			deviceType: 'singleDevice',
			backedUp: false,
			name: 'Passkey on Chrome (Windows)',
		})
		expect(stored.publicKey.length).toBeGreaterThan(60)
		const audit = await prisma.auditLog.findFirstOrThrow({ where: { actorId: user.id, action: 'mfa.passkey_added' } })
		expect(audit).toMatchObject({ targetType: 'User', targetId: user.id })
		expect(audit.details).toMatchObject({ passkeyId: first.passkeyId })
	})

	test('adding a passkey marks the session that added it as two-step verified (only that one) and emails the person', async () => {
		const user = await createTestUser()
		const here = await createSession({ userId: user.id })
		const elsewhere = await createSession({ userId: user.id })
		const authenticator = createAuthenticator()
		const options = await startPasskeyRegistration({ userId: user.id, reauthentication: recent() })
		await finishPasskeyRegistration({
			userId: user.id,
			input: authenticator.register(options),
			sessionId: hashToken(here.token),
		})
		const sessions = await prisma.session.findMany({
			where: { userId: user.id },
			select: { id: true, mfaVerifiedAt: true },
		})
		const verified = Object.fromEntries(sessions.map((row) => [row.id, row.mfaVerifiedAt !== null]))
		expect(verified).toEqual({ [hashToken(here.token)]: true, [hashToken(elsewhere.token)]: false })
		expect(
			await prisma.emailMessage.count({ where: { to: user.email, subject: { contains: 'passkey was added' } } }),
		).toBe(1)
	})

	test('a registration challenge can be used only once', async () => {
		const user = await createTestUser()
		const authenticator = createAuthenticator()
		const options = await startPasskeyRegistration({ userId: user.id, reauthentication: recent() })
		const answer = authenticator.register(options)
		await finishPasskeyRegistration({ userId: user.id, input: answer })
		await prisma.passkey.deleteMany({ where: { userId: user.id } })

		const again = await rejection(finishPasskeyRegistration({ userId: user.id, input: answer }))
		expect(again.code).toBe('CHALLENGE_EXPIRED')
		expect(await prisma.passkey.count({ where: { userId: user.id } })).toBe(0)
	})

	test('a registration challenge expires after five minutes and belongs to the person it was issued to', async () => {
		const user = await createTestUser()
		const other = await createTestUser()
		const authenticator = createAuthenticator()
		const options = await startPasskeyRegistration({ userId: user.id, reauthentication: recent() })
		const answer = authenticator.register(options)

		const someoneElse = await rejection(finishPasskeyRegistration({ userId: other.id, input: answer }))
		expect(someoneElse.code).toBe('CHALLENGE_EXPIRED')
		const late = await rejection(
			finishPasskeyRegistration({
				userId: user.id,
				input: answer,
				now: new Date(Date.now() + WEBAUTHN_CHALLENGE_MS + 1000),
			}),
		)
		expect(late.code).toBe('CHALLENGE_EXPIRED')
		expect(await prisma.passkey.count({ where: { userId: { in: [user.id, other.id] } } })).toBe(0)
	})

	test('an answer made on another site is refused', async () => {
		const user = await createTestUser()
		const phishing = createSoftAuthenticator({ origin: 'https://circle-login.example' })
		const options = await startPasskeyRegistration({ userId: user.id, reauthentication: recent() })
		const error = await rejection(finishPasskeyRegistration({ userId: user.id, input: phishing.register(options) }))
		expect(error.code).toBe('PASSKEY_FAILED')
		expect(await prisma.passkey.count({ where: { userId: user.id } })).toBe(0)
	})

	test('malformed answers get a clear refusal, not a crash', async () => {
		const user = await createTestUser()
		const options = await startPasskeyRegistration({ userId: user.id, reauthentication: recent() })
		const good = createAuthenticator().register(options)
		for (const input of [
			undefined,
			'not json',
			{},
			{ ...good, response: { ...good.response, clientDataJSON: 'bm90IGpzb24' } },
			{ ...good, response: { ...good.response, attestationObject: 'AAAA' } },
			{ ...good, id: 'has spaces and / slashes' },
		]) {
			const error = await rejection(finishPasskeyRegistration({ userId: user.id, input }))
			expect(['PASSKEY_FAILED', 'CHALLENGE_EXPIRED']).toContain(error.code)
			expect(error.message).toMatch(/passkey/i)
		}
	})

	test('an old sign-in must confirm the password first; a wrong one is refused beside the field', async () => {
		const user = await createTestUser()
		const missing = await rejection(startPasskeyRegistration({ userId: user.id, reauthentication: stale() }))
		expect(missing).toMatchObject({ code: 'REAUTHENTICATION_REQUIRED', field: 'password' })
		const wrong = await rejection(
			startPasskeyRegistration({ userId: user.id, reauthentication: { ...stale(), password: 'not it' } }),
		)
		expect(wrong).toMatchObject({ code: 'WRONG_PASSWORD', field: 'password' })
		const options = await startPasskeyRegistration({
			userId: user.id,
			reauthentication: { ...stale(), password: user.password },
		})
		expect(options.challenge).toBeTruthy()
	})
})

describe('passwordless sign-in', () => {
	test('a discoverable passkey signs its owner in, moves the counter on and records when it was used', async () => {
		const user = await createTestUser()
		const { authenticator, passkeyId } = await enrolPasskey({ userId: user.id })
		const options = await startPasskeySignIn()
		expect(options.allowCredentials ?? []).toEqual([])
		expect(options.rpId).toBe(new URL(appUrl()).hostname)

		const now = new Date()
		const result = await verifyPasskeySignIn({ input: authenticator.authenticate(options), now })
		expect(result).toEqual({ userId: user.id, passkeyId, userVerified: true })
		const stored = await prisma.passkey.findUniqueOrThrow({ where: { id: passkeyId } })
		expect(stored.counter).toBe(2n)
		expect(stored.lastUsedAt).toEqual(now)
	})

	test('says when the authenticator did not verify the person (no PIN or biometric)', async () => {
		const user = await createTestUser()
		const { authenticator } = await enrolPasskey({
			userId: user.id,
			authenticator: createAuthenticator({ userVerified: false }),
		})
		const result = await verifyPasskeySignIn({ input: authenticator.authenticate(await startPasskeySignIn()) })
		expect(result.userVerified).toBe(false)
	})

	test('an authentication challenge can be used only once', async () => {
		const user = await createTestUser()
		const { authenticator } = await enrolPasskey({ userId: user.id })
		const options = await startPasskeySignIn()
		const answer = authenticator.authenticate(options)
		await verifyPasskeySignIn({ input: answer })
		const replay = await rejection(verifyPasskeySignIn({ input: answer }))
		expect(replay.code).toBe('CHALLENGE_EXPIRED')
		// Even signed afresh (a higher counter), the used challenge stays used.
		const resigned = await rejection(verifyPasskeySignIn({ input: authenticator.authenticate(options) }))
		expect(resigned.code).toBe('CHALLENGE_EXPIRED')
	})

	test('an unknown passkey is refused with a clear message', async () => {
		const stranger = createAuthenticator()
		stranger.register(
			await startPasskeyRegistration({ userId: (await createTestUser()).id, reauthentication: recent() }),
		)
		const error = await rejection(verifyPasskeySignIn({ input: stranger.authenticate(await startPasskeySignIn()) }))
		expect(error).toMatchObject({ code: 'PASSKEY_UNKNOWN', kind: 'invalid' })
		expect(error.message).toMatch(/does not know that passkey/)
	})

	test('a counter that goes backwards is refused (the passkey may have been copied); one that stays at 0 is fine', async () => {
		const user = await createTestUser()
		const { authenticator, passkeyId } = await enrolPasskey({ userId: user.id })
		await verifyPasskeySignIn({ input: authenticator.authenticate(await startPasskeySignIn(), { counter: 5 }) })
		const backwards = await rejection(
			verifyPasskeySignIn({ input: authenticator.authenticate(await startPasskeySignIn(), { counter: 3 }) }),
		)
		expect(backwards.code).toBe('PASSKEY_FAILED')
		expect((await prisma.passkey.findUniqueOrThrow({ where: { id: passkeyId } })).counter).toBe(5n)

		const other = await createTestUser()
		const counterless = await enrolPasskey({
			userId: other.id,
			authenticator: createAuthenticator({ counting: false }),
		})
		for (let i = 0; i < 2; i++) {
			const result = await verifyPasskeySignIn({
				input: counterless.authenticator.authenticate(await startPasskeySignIn()),
			})
			expect(result.userId).toBe(other.id)
		}
	})

	test('a disabled person cannot sign in with their passkey', async () => {
		const user = await createTestUser()
		const { authenticator } = await enrolPasskey({ userId: user.id })
		await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
		const error = await rejection(
			verifyPasskeySignIn({ input: authenticator.authenticate(await startPasskeySignIn()) }),
		)
		expect(error).toMatchObject({ code: 'ACCOUNT_DISABLED', kind: 'forbidden' })
	})

	test('a signature that does not match is refused', async () => {
		const user = await createTestUser()
		const { authenticator } = await enrolPasskey({ userId: user.id })
		const answer = authenticator.authenticate(await startPasskeySignIn())
		const forged = {
			...answer,
			response: { ...answer.response, signature: answer.response.signature.replace(/^../, 'AA') },
		}
		expect((await rejection(verifyPasskeySignIn({ input: forged }))).code).toBe('PASSKEY_FAILED')
	})
})

describe('a passkey as the second factor', () => {
	test('allows only the person’s own passkeys and accepts one of them', async () => {
		const user = await createTestUser()
		const { authenticator, passkeyId } = await enrolPasskey({ userId: user.id })
		expect(await hasPasskeys({ userId: user.id })).toBe(true)
		const options = await startPasskeySecondFactor({ userId: user.id })
		expect(options.allowCredentials?.map((c) => c.id)).toEqual([passkeyId])
		const result = await verifyPasskeySecondFactor({ userId: user.id, input: authenticator.authenticate(options) })
		expect(result).toMatchObject({ userId: user.id, passkeyId })
	})

	test('an assertion from someone else’s passkey cannot prove another person’s second factor', async () => {
		const victim = await createTestUser()
		await enrolPasskey({ userId: victim.id })
		const attacker = await createTestUser()
		const { authenticator: attackersKey } = await enrolPasskey({ userId: attacker.id })

		// The attacker's passkey signs the challenge issued for the victim's sign-in.
		const forVictim = await startPasskeySecondFactor({ userId: victim.id })
		const error = await rejection(
			verifyPasskeySecondFactor({ userId: victim.id, input: attackersKey.authenticate(forVictim) }),
		)
		expect(error.code).toBe('PASSKEY_UNKNOWN')

		// Nor does the attacker's own second-factor challenge, answered correctly, count for the victim.
		const forAttacker = await startPasskeySecondFactor({ userId: attacker.id })
		const swapped = await rejection(
			verifyPasskeySecondFactor({ userId: victim.id, input: attackersKey.authenticate(forAttacker) }),
		)
		expect(swapped.code).toBe('CHALLENGE_EXPIRED')
	})

	test('a passwordless challenge cannot be spent as a second factor, nor the other way round', async () => {
		const user = await createTestUser()
		const { authenticator } = await enrolPasskey({ userId: user.id })
		const passwordless = await startPasskeySignIn()
		const asSecond = await rejection(
			verifyPasskeySecondFactor({ userId: user.id, input: authenticator.authenticate(passwordless) }),
		)
		expect(asSecond.code).toBe('CHALLENGE_EXPIRED')
		const second = await startPasskeySecondFactor({ userId: user.id })
		const asPasswordless = await rejection(verifyPasskeySignIn({ input: authenticator.authenticate(second) }))
		expect(asPasswordless.code).toBe('CHALLENGE_EXPIRED')
	})

	test('someone with no passkeys is told so', async () => {
		const user = await createTestUser()
		expect(await hasPasskeys({ userId: user.id })).toBe(false)
		expect((await rejection(startPasskeySecondFactor({ userId: user.id }))).code).toBe('PASSKEY_NOT_FOUND')
	})
})

describe('managing passkeys', () => {
	test('rename and remove only the person’s own passkeys; removal is audited', async () => {
		const owner = await createTestUser()
		const other = await createTestUser()
		const { passkeyId } = await enrolPasskey({ userId: owner.id })

		expect((await rejection(renamePasskey({ userId: other.id, passkeyId, name: 'Mine now' }))).code).toBe(
			'PASSKEY_NOT_FOUND',
		)
		expect((await rejection(removePasskey({ userId: other.id, passkeyId, reauthentication: recent() }))).code).toBe(
			'PASSKEY_NOT_FOUND',
		)

		await renamePasskey({ userId: owner.id, passkeyId, name: '  Work laptop  ' })
		expect((await listPasskeys({ userId: owner.id })).map((p) => p.name)).toEqual(['Work laptop'])
		const badName = await rejection(renamePasskey({ userId: owner.id, passkeyId, name: 'a\u0000b' }))
		expect(badName).toMatchObject({ code: 'PASSKEY_NAME_INVALID', field: 'name' })

		await removePasskey({ userId: owner.id, passkeyId, reauthentication: recent(), ipAddress: '2001:db8::1' })
		expect(await listPasskeys({ userId: owner.id })).toEqual([])
		const audit = await prisma.auditLog.findFirstOrThrow({
			where: { actorId: owner.id, action: 'mfa.passkey_removed' },
		})
		expect(audit).toMatchObject({ targetId: owner.id, ipAddress: '2001:db8::1' })
		expect(audit.details).toMatchObject({ passkeyId, name: 'Work laptop' })
	})

	test('removing a passkey from an old sign-in needs the password', async () => {
		const user = await createTestUser()
		const { passkeyId } = await enrolPasskey({ userId: user.id })
		expect((await rejection(removePasskey({ userId: user.id, passkeyId, reauthentication: stale() }))).code).toBe(
			'REAUTHENTICATION_REQUIRED',
		)
		expect(await prisma.passkey.count({ where: { id: passkeyId } })).toBe(1)
		await removePasskey({ userId: user.id, passkeyId, reauthentication: { ...stale(), password: user.password } })
		expect(await prisma.passkey.count({ where: { id: passkeyId } })).toBe(0)
	})

	test('a removed passkey no longer signs in', async () => {
		const user = await createTestUser()
		const { authenticator, passkeyId } = await enrolPasskey({ userId: user.id })
		await removePasskey({ userId: user.id, passkeyId, reauthentication: recent() })
		const error = await rejection(
			verifyPasskeySignIn({ input: authenticator.authenticate(await startPasskeySignIn()) }),
		)
		expect(error.code).toBe('PASSKEY_UNKNOWN')
	})
})

test('default names say which browser made the passkey', () => {
	expect(
		defaultPasskeyName(
			'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
		),
	).toBe('Passkey on Safari (Mac)')
	expect(
		defaultPasskeyName(
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0',
		),
	).toBe('Passkey on Edge (Windows)')
	expect(defaultPasskeyName('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(
		'Passkey on Firefox (Linux)',
	)
	expect(defaultPasskeyName(null)).toBe('Passkey')
})

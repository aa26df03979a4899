import { afterAll, describe, expect, test } from 'vitest'
import { beginSignIn, completeSignIn } from '#modules/auth/sign-in.ts'
import { createSession, validateSessionToken } from '#modules/auth/sessions.ts'
import { prisma } from '#modules/db/client.ts'
import { DomainError } from '#modules/errors/domain-error.ts'
import { THROTTLES } from '#modules/security/throttle.ts'
import { createTestUser, releaseTestResources, sessionOf, uniqueIp } from '#tests/factories/auth.ts'
import { enrolTotp } from '#tests/factories/mfa.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { findSignInChallenge } from './challenge.ts'
import { reauthenticate } from './reauth.ts'
import { regenerateRecoveryCodes, redeemRecoveryCode } from './recovery-codes.ts'
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment, totpCodeAt, verifyTotp } from './totp.ts'

afterAll(releaseTestResources)

async function failure(promise: Promise<unknown>) {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	)
	if (!(error instanceof DomainError)) throw new Error(`Expected a DomainError, got ${String(error)}`)
	return error
}

const STEP_MS = 30_000

describe('TOTP', () => {
	test('enrolment: a wrong first code is refused; the right one confirms, makes ten recovery codes, marks the session, audits and emails', async () => {
		const user = await createTestUser()
		const { token } = await createSession({ userId: user.id })
		const auth = await validateSessionToken(token)
		const now = new Date()
		const { secret, keyUri } = await startTotpEnrolment({ userId: user.id, accountName: user.email, now })
		expect(secret).toMatch(/^[A-Z2-7]{32}$/)
		expect(keyUri).toContain(`secret=${secret}`)
		// Sealed at rest, bound to the user.
		const stored = await prisma.totpCredential.findUniqueOrThrow({ where: { userId: user.id } })
		expect(stored.secretEncrypted).not.toContain(secret)

		const wrong = await failure(
			confirmTotpEnrolment({ userId: user.id, code: '000000', sessionId: auth!.session.id, now }),
		)
		expect(wrong).toMatchObject({ code: 'INVALID_CODE', field: 'code' })

		const { recoveryCodes } = await confirmTotpEnrolment({
			userId: user.id,
			code: totpCodeAt(secret, now),
			sessionId: auth!.session.id,
			now,
		})
		expect(recoveryCodes).toHaveLength(10)
		expect(new Set(recoveryCodes).size).toBe(10)
		const after = await validateSessionToken(token)
		expect(after?.session.mfaVerified).toBe(true)
		expect(after?.user.mfaEnrolled).toBe(true)
		expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(10)
		const hashes = await prisma.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } })
		expect(hashes.map((h) => h.codeHash)).not.toContain(recoveryCodes[0])
		expect(await prisma.auditLog.count({ where: { targetId: user.id, action: 'mfa.totp_enabled' } })).toBe(1)
		expect(
			await prisma.emailMessage.count({ where: { to: user.email, template: 'mfa-changed' } }),
		).toBeGreaterThanOrEqual(1)
	})

	test('a code is accepted in the step either side of now, and not two steps away', async () => {
		const user = await createTestUser()
		const base = new Date(Date.now() - 10 * STEP_MS)
		const { secret } = await enrolTotp(user.id, { now: base })
		const now = new Date(base.getTime() + 5 * STEP_MS)
		await expect(
			verifyTotp({ userId: user.id, code: totpCodeAt(secret, new Date(now.getTime() - STEP_MS)), now }),
		).resolves.toBeUndefined()
		const later = new Date(now.getTime() + 2 * STEP_MS)
		await expect(
			verifyTotp({ userId: user.id, code: totpCodeAt(secret, new Date(later.getTime() + STEP_MS)), now: later }),
		).resolves.toBeUndefined()
		const farLater = new Date(later.getTime() + 10 * STEP_MS)
		const tooOld = await failure(
			verifyTotp({
				userId: user.id,
				code: totpCodeAt(secret, new Date(farLater.getTime() - 2 * STEP_MS)),
				now: farLater,
			}),
		)
		expect(tooOld.code).toBe('INVALID_CODE')
	})

	test('a code is accepted once in its step: the same code again, or at once from two requests, is refused', async () => {
		const user = await createTestUser()
		const base = new Date(Date.now() - 10 * STEP_MS)
		const { secret } = await enrolTotp(user.id, { now: base })
		const now = new Date(base.getTime() + 3 * STEP_MS)
		const code = totpCodeAt(secret, now)
		await verifyTotp({ userId: user.id, code, now })
		const replay = await failure(verifyTotp({ userId: user.id, code, now }))
		expect(replay.code).toBe('INVALID_CODE')
		// An older step's code (still inside the window) cannot be used after a newer one.
		const older = await failure(
			verifyTotp({ userId: user.id, code: totpCodeAt(secret, new Date(now.getTime() - STEP_MS)), now }),
		)
		expect(older.code).toBe('INVALID_CODE')

		const next = new Date(now.getTime() + 2 * STEP_MS)
		const nextCode = totpCodeAt(secret, next)
		const results = await Promise.allSettled([
			verifyTotp({ userId: user.id, code: nextCode, now: next }),
			verifyTotp({ userId: user.id, code: nextCode, now: next }),
			verifyTotp({ userId: user.id, code: nextCode, now: next }),
		])
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
	})

	test('the 11th wrong code within 15 minutes is refused, even a right one', async () => {
		const user = await createTestUser()
		const base = new Date(Date.now() - 10 * STEP_MS)
		const { secret } = await enrolTotp(user.id, { now: base })
		const now = new Date()
		for (let attempt = 1; attempt <= THROTTLES.secondFactorPerAccount.points; attempt++) {
			const error = await failure(verifyTotp({ userId: user.id, code: '000000', now }))
			expect(error.code).toBe('INVALID_CODE')
		}
		const locked = await failure(verifyTotp({ userId: user.id, code: totpCodeAt(secret, now), now }))
		expect(locked.kind).toBe('throttled')
		// Recovery codes share the counter: they are no way round it.
		const viaRecovery = await failure(redeemRecoveryCode({ userId: user.id, code: 'aaaaa-bbbbb', now }))
		expect(viaRecovery.kind).toBe('throttled')
	})

	test('disabling removes the app and its recovery codes, with an audit entry', async () => {
		const user = await createTestUser()
		await enrolTotp(user.id)
		await disableTotp({ userId: user.id })
		expect(await prisma.totpCredential.count({ where: { userId: user.id } })).toBe(0)
		expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0)
		expect(await prisma.auditLog.count({ where: { targetId: user.id, action: 'mfa.totp_disabled' } })).toBe(1)
	})

	test('re-authentication needs the password (throttled), or a current code for an account without one', async () => {
		const user = await createTestUser()
		const wrong = await failure(reauthenticate({ userId: user.id, password: 'not it' }))
		expect(wrong).toMatchObject({ code: 'REAUTHENTICATION_FAILED', field: 'password' })
		await expect(reauthenticate({ userId: user.id, password: user.password })).resolves.toBeUndefined()

		const passwordless = await createTestUser()
		await prisma.user.update({ where: { id: passwordless.id }, data: { passwordHash: null } })
		const base = new Date(Date.now() - 10 * STEP_MS)
		const { secret } = await enrolTotp(passwordless.id, { now: base })
		const refused = await failure(reauthenticate({ userId: passwordless.id, password: 'anything' }))
		expect(refused.code).toBe('INVALID_CODE')
		const now = new Date()
		await expect(
			reauthenticate({ userId: passwordless.id, code: totpCodeAt(secret, now), now }),
		).resolves.toBeUndefined()
	})
})

describe('recovery codes', () => {
	test('a recovery code works once, whatever its letter case or hyphen, and is audited', async () => {
		const user = await createTestUser()
		const { recoveryCodes } = await enrolTotp(user.id)
		const code = recoveryCodes[0]!
		await redeemRecoveryCode({ userId: user.id, code: ` ${code.toUpperCase().replace('-', '')} ` })
		const again = await failure(redeemRecoveryCode({ userId: user.id, code }))
		expect(again.code).toBe('INVALID_CODE')
		// Two requests with one code at the same moment: one wins.
		const results = await Promise.allSettled([
			redeemRecoveryCode({ userId: user.id, code: recoveryCodes[1]! }),
			redeemRecoveryCode({ userId: user.id, code: recoveryCodes[1]! }),
		])
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
		expect(await prisma.auditLog.count({ where: { targetId: user.id, action: 'mfa.recovery_code_used' } })).toBe(2)
	})

	test('another person’s recovery code does not work', async () => {
		const owner = await createTestUser()
		const other = await createTestUser()
		const { recoveryCodes } = await enrolTotp(owner.id)
		await enrolTotp(other.id)
		const error = await failure(redeemRecoveryCode({ userId: other.id, code: recoveryCodes[0]! }))
		expect(error.code).toBe('INVALID_CODE')
	})

	test('regenerating replaces the whole set', async () => {
		const user = await createTestUser()
		const { recoveryCodes: old } = await enrolTotp(user.id)
		const fresh = await regenerateRecoveryCodes({ userId: user.id })
		expect(fresh).toHaveLength(10)
		expect((await failure(redeemRecoveryCode({ userId: user.id, code: old[2]! }))).code).toBe('INVALID_CODE')
		await redeemRecoveryCode({ userId: user.id, code: fresh[2]! })
		expect(
			await prisma.auditLog.count({ where: { targetId: user.id, action: 'mfa.recovery_codes_regenerated' } }),
		).toBe(1)
	})
})

describe('sign-in with a second factor', () => {
	test('a person with TOTP gets a challenge, not a session; the challenge completes once only', async () => {
		const user = await createTestUser()
		await enrolTotp(user.id)
		const before = await prisma.session.count({ where: { userId: user.id } })
		const result = await beginSignIn({ userId: user.id, method: 'PASSWORD', redirectTo: '/studio' })
		expect(result.kind).toBe('second-factor')
		if (result.kind !== 'second-factor') return
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(before)
		expect((await findSignInChallenge(result.challenge.token))?.userId).toBe(user.id)

		const attempts = await Promise.allSettled([
			completeSignIn({ challengeToken: result.challenge.token, factor: 'TOTP' }),
			completeSignIn({ challengeToken: result.challenge.token, factor: 'TOTP' }),
		])
		const won = attempts.filter((a) => a.status === 'fulfilled')
		expect(won).toHaveLength(1)
		const third = await failure(completeSignIn({ challengeToken: result.challenge.token, factor: 'TOTP' }))
		expect(third.code).toBe('CHALLENGE_EXPIRED')
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(before + 1)
		const session = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof completeSignIn>>>).value
		expect(session.redirectTo).toBe('/studio')
		expect((await validateSessionToken(session.session.token))?.session.mfaVerified).toBe(true)
	})

	test('a new device is emailed about once, and only to someone who has signed in before', async () => {
		const user = await createTestUser()
		const count = () => prisma.emailMessage.count({ where: { to: user.email, template: 'new-device-sign-in' } })
		const ua =
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
		sessionOf(await beginSignIn({ userId: user.id, method: 'PASSWORD', deviceId: 'device-a', userAgent: ua }))
		expect(await count()).toBe(0)
		sessionOf(await beginSignIn({ userId: user.id, method: 'PASSWORD', deviceId: 'device-a', userAgent: ua }))
		expect(await count()).toBe(0)
		sessionOf(
			await beginSignIn({
				userId: user.id,
				method: 'PASSWORD',
				deviceId: 'device-b',
				userAgent: ua,
				ipAddress: '81.2.69.142',
			}),
		)
		expect(await count()).toBe(1)
		const email = await prisma.emailMessage.findFirstOrThrow({
			where: { to: user.email, template: 'new-device-sign-in' },
		})
		expect(email.text).toContain('Chrome on Windows')
		expect(email.text).toContain('81.2.x.x')
		expect(email.text).not.toContain('81.2.69.142')
		const sessions = await prisma.session.findMany({ where: { userId: user.id }, select: { deviceId: true } })
		expect(sessions.map((s) => s.deviceId).sort()).toEqual(['device-a', 'device-a', 'device-b'])
	})
})

describe('the MFA rule, through the session', () => {
	async function sessionUser(userId: string) {
		const { token } = await createSession({ userId, ipAddress: uniqueIp() })
		return (await validateSessionToken(token))!.user
	}

	test('required for trainers and platform admins, not for learners', async () => {
		expect((await sessionUser((await createTestUser({ role: 'TRAINER' })).id)).mfaRequired).toBe(true)
		expect((await sessionUser((await createTestUser({ role: 'ADMIN' })).id)).mfaRequired).toBe(true)
		expect((await sessionUser((await createTestUser()).id)).mfaRequired).toBe(false)
	})

	test('an organisation can require it of its admins or of everyone; a deactivated membership does not count', async () => {
		const org = await createOrganisation()
		const admin = await addMember({ organisationId: org.id, role: 'ADMIN' })
		const member = await addMember({ organisationId: org.id })
		expect((await sessionUser(org.owner.id)).mfaRequired).toBe(false)

		await prisma.organisation.update({ where: { id: org.id }, data: { mfaPolicy: 'ADMINS' } })
		expect((await sessionUser(org.owner.id)).mfaRequired).toBe(true)
		expect((await sessionUser(admin.id)).mfaRequired).toBe(true)
		expect((await sessionUser(member.id)).mfaRequired).toBe(false)

		await prisma.organisation.update({ where: { id: org.id }, data: { mfaPolicy: 'ALL' } })
		expect((await sessionUser(member.id)).mfaRequired).toBe(true)
		await prisma.membership.update({ where: { id: member.membershipId }, data: { deactivatedAt: new Date() } })
		expect((await sessionUser(member.id)).mfaRequired).toBe(false)
	})
})

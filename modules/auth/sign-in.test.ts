import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { findSignInChallenge, SIGN_IN_CHALLENGE_MS } from '#modules/mfa/challenge.ts'
import { encryptSecret } from '#modules/security/encryption.ts'
import { totpContext } from '#modules/security/reseal.ts'
import { createTestUser } from '#tests/factories/auth.ts'
import { beginSignIn, completeSignIn } from './sign-in.ts'

async function withConfirmedTotp() {
	const user = await createTestUser()
	await prisma.totpCredential.create({
		data: {
			userId: user.id,
			secretEncrypted: encryptSecret('JBSWY3DPEHPK3PXP', totpContext(user.id)),
			confirmedAt: new Date(),
		},
	})
	return user
}

describe('beginSignIn and completeSignIn', () => {
	test('without a second factor the session starts at once and the sign-in is audited', async () => {
		const user = await createTestUser()
		const result = await beginSignIn({ userId: user.id, method: 'PASSWORD', ipAddress: '192.0.2.7' })
		expect(result.kind).toBe('session')
		const sessions = await prisma.session.findMany({ where: { userId: user.id } })
		expect(sessions).toHaveLength(1)
		expect(sessions[0]).toMatchObject({ method: 'PASSWORD', mfaVerifiedAt: null })
		expect(
			await prisma.auditLog.findFirst({
				where: { actorId: user.id, action: 'auth.signed_in', ipAddress: '192.0.2.7' },
			}),
		).not.toBeNull()
	})

	test('an unconfirmed TOTP secret is not a second factor', async () => {
		const user = await createTestUser()
		await prisma.totpCredential.create({
			data: { userId: user.id, secretEncrypted: encryptSecret('JBSWY3DPEHPK3PXP', totpContext(user.id)) },
		})
		expect((await beginSignIn({ userId: user.id, method: 'PASSWORD' })).kind).toBe('session')
	})

	test('with a second factor a challenge comes back and no session starts until it is completed, once', async () => {
		const user = await withConfirmedTotp()
		const result = await beginSignIn({ userId: user.id, method: 'PASSWORD', redirectTo: '/cpd' })
		if (result.kind !== 'second-factor') throw new Error(`expected a challenge, got ${result.kind}`)
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
		expect(await findSignInChallenge(result.challenge.token)).toMatchObject({ userId: user.id, redirectTo: '/cpd' })

		const [first, second] = await Promise.allSettled([
			completeSignIn({ challengeToken: result.challenge.token, factor: 'TOTP' }),
			completeSignIn({ challengeToken: result.challenge.token, factor: 'TOTP' }),
		])
		const outcomes = [first, second].map((r) => r.status).sort()
		expect(outcomes).toEqual(['fulfilled', 'rejected'])
		const sessions = await prisma.session.findMany({ where: { userId: user.id } })
		expect(sessions).toHaveLength(1)
		expect(sessions[0]?.mfaVerifiedAt).not.toBeNull()
		expect(await findSignInChallenge(result.challenge.token)).toBeNull()
	})

	test('a first factor that was itself multi-factor skips the challenge and marks the session', async () => {
		const user = await withConfirmedTotp()
		const result = await beginSignIn({ userId: user.id, method: 'SSO', mfaProven: true })
		expect(result.kind).toBe('session')
		const session = await prisma.session.findFirstOrThrow({ where: { userId: user.id } })
		expect(session).toMatchObject({ method: 'SSO' })
		expect(session.mfaVerifiedAt).not.toBeNull()
	})

	test('an expired challenge cannot be completed, and a disabled account cannot complete one', async () => {
		const user = await withConfirmedTotp()
		const past = new Date(Date.now() - SIGN_IN_CHALLENGE_MS - 1000)
		const stale = await beginSignIn({ userId: user.id, method: 'PASSWORD', now: past })
		if (stale.kind !== 'second-factor') throw new Error('expected a challenge')
		expect(await findSignInChallenge(stale.challenge.token)).toBeNull()
		await expect(completeSignIn({ challengeToken: stale.challenge.token, factor: 'TOTP' })).rejects.toMatchObject({
			code: 'CHALLENGE_EXPIRED',
		})

		const fresh = await beginSignIn({ userId: user.id, method: 'PASSWORD' })
		if (fresh.kind !== 'second-factor') throw new Error('expected a challenge')
		await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
		await expect(completeSignIn({ challengeToken: fresh.challenge.token, factor: 'TOTP' })).rejects.toMatchObject({
			code: 'ACCOUNT_DISABLED',
		})
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
	})
})

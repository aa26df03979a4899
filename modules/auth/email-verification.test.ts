import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { THROTTLES } from '#modules/security/throttle.ts'
import { resendVerificationEmail, verifyEmail } from './email-verification.ts'
import { signUp } from './sign-up.ts'
import {
	createTestUser,
	latestEmailLink,
	TEST_PASSWORD,
	uniqueEmail,
	uniqueIp,
	whileTokenLocked,
	releaseTestResources,
} from '#tests/factories/auth.ts'
import { hashToken } from './tokens.ts'

afterAll(releaseTestResources)

async function signUpAndGetToken() {
	const email = uniqueEmail('verify')
	const { userId } = await signUp({ name: 'Robin', email, password: TEST_PASSWORD, ipAddress: uniqueIp() })
	const { token } = await latestEmailLink({ to: email, path: '/verify-email' })
	return { userId, email, token }
}

function emailVerifiedAt(userId: string) {
	return prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true } })
}

describe('verifyEmail', () => {
	test('the emailed link confirms the address; only the token’s hash is stored', async () => {
		const { userId, token } = await signUpAndGetToken()
		const stored = await prisma.userToken.findMany({
			where: { userId },
			select: { tokenHash: true, kind: true, expiresAt: true },
		})
		expect(stored).toEqual([{ tokenHash: hashToken(token), kind: 'EMAIL_VERIFICATION', expiresAt: expect.any(Date) }])
		expect(stored[0]?.tokenHash).not.toContain(token)
		const hours = (stored[0]!.expiresAt.getTime() - Date.now()) / 3_600_000
		expect(hours).toBeGreaterThan(47.9)
		expect(hours).toBeLessThanOrEqual(48)

		expect(await verifyEmail({ token })).toEqual({ userId, alreadyVerified: false })
		expect((await emailVerifiedAt(userId)).emailVerifiedAt).toBeInstanceOf(Date)
		// Used once: a second visit changes nothing and says so.
		expect(await verifyEmail({ token })).toEqual({ userId, alreadyVerified: true })
	})

	test('two uses at the same moment mark the token used once', async () => {
		const { userId, token } = await signUpAndGetToken()
		const results = await whileTokenLocked(hashToken(token), () =>
			Promise.all([verifyEmail({ token }), verifyEmail({ token })]),
		)
		expect(results.map((r) => r.alreadyVerified).sort()).toEqual([false, true])
		const tokens = await prisma.userToken.findMany({ where: { userId }, select: { usedAt: true } })
		expect(tokens).toHaveLength(1)
		expect(tokens[0]?.usedAt).toBeInstanceOf(Date)
	})

	test('refuses an expired link', async () => {
		const { userId, token } = await signUpAndGetToken()
		await prisma.userToken.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 1000) } })
		await expect(verifyEmail({ token })).rejects.toMatchObject({ kind: 'gone', code: 'TOKEN_EXPIRED' })
		expect((await emailVerifiedAt(userId)).emailVerifiedAt).toBeNull()
	})

	test('refuses an unknown link and a password reset token', async () => {
		await expect(verifyEmail({ token: 'a'.repeat(52) })).rejects.toMatchObject({ kind: 'not_found' })
		const user = await createTestUser()
		const token = 'b'.repeat(52)
		await prisma.userToken.create({
			data: {
				userId: user.id,
				kind: 'PASSWORD_RESET',
				tokenHash: hashToken(token),
				expiresAt: new Date(Date.now() + 60_000),
			},
		})
		await expect(verifyEmail({ token })).rejects.toMatchObject({ kind: 'not_found' })
		expect((await emailVerifiedAt(user.id)).emailVerifiedAt).toBeNull()
	})
})

describe('resendVerificationEmail', () => {
	test('sends a new working link to an unverified user', async () => {
		const { userId, email, token: first } = await signUpAndGetToken()
		expect(await resendVerificationEmail({ userId, ipAddress: uniqueIp() })).toEqual({ alreadyVerified: false })
		const { token: second } = await latestEmailLink({ to: email, path: '/verify-email' })
		expect(second).not.toBe(first)
		expect(await verifyEmail({ token: second })).toEqual({ userId, alreadyVerified: false })
	})

	test('sends nothing to a verified user', async () => {
		const user = await createTestUser({ emailVerified: true })
		expect(await resendVerificationEmail({ userId: user.id, ipAddress: uniqueIp() })).toEqual({ alreadyVerified: true })
		expect(await prisma.emailMessage.count({ where: { to: user.email } })).toBe(0)
	})

	test('is throttled per address', async () => {
		const user = await createTestUser()
		for (let i = 0; i < THROTTLES.emailPerAddress.points; i++) {
			await resendVerificationEmail({ userId: user.id, ipAddress: uniqueIp() })
		}
		await expect(resendVerificationEmail({ userId: user.id, ipAddress: uniqueIp() })).rejects.toMatchObject({
			kind: 'throttled',
		})
		expect(await prisma.emailMessage.count({ where: { to: user.email } })).toBe(THROTTLES.emailPerAddress.points)
	})
})

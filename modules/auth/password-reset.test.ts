import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { THROTTLES } from '#modules/security/throttle.ts'
import { logIn } from './log-in.ts'
import { requestPasswordReset } from './request-password-reset.ts'
import { checkPasswordResetToken, resetPassword } from './reset-password.ts'
import { createSession, validateSessionToken } from './sessions.ts'
import {
	createTestUser,
	latestEmailLink,
	uniqueEmail,
	uniqueIp,
	whileTokenLocked,
	releaseTestResources,
	sessionOf,
} from '#tests/factories/auth.ts'
import { hashToken } from './tokens.ts'

afterAll(releaseTestResources)

const NEW_PASSWORD = 'listening before fixing'

async function userWithResetLink() {
	const user = await createTestUser()
	await requestPasswordReset({ email: user.email.toUpperCase(), ipAddress: uniqueIp() })
	const { token, template } = await latestEmailLink({ to: user.email, path: '/reset-password' })
	expect(template).toBe('reset-password')
	return { user, token }
}

describe('requestPasswordReset', () => {
	test('emails a one-hour link to an existing account, storing only the token’s hash', async () => {
		const { user, token } = await userWithResetLink()
		const stored = await prisma.userToken.findMany({
			where: { userId: user.id, kind: 'PASSWORD_RESET' },
			select: { tokenHash: true, expiresAt: true, usedAt: true },
		})
		expect(stored).toEqual([{ tokenHash: hashToken(token), expiresAt: expect.any(Date), usedAt: null }])
		const minutes = (stored[0]!.expiresAt.getTime() - Date.now()) / 60_000
		expect(minutes).toBeGreaterThan(59)
		expect(minutes).toBeLessThanOrEqual(60)
		expect(await checkPasswordResetToken({ token })).toBe('valid')
	})

	test('answers an unknown address the same way, sends nothing, and takes as long', async () => {
		const email = uniqueEmail('nobody')
		const started = Date.now()
		await expect(requestPasswordReset({ email, ipAddress: uniqueIp() })).resolves.toBeUndefined()
		expect(Date.now() - started).toBeGreaterThanOrEqual(390)
		expect(await prisma.emailMessage.count({ where: { to: email } })).toBe(0)
	})

	test('a new link retires the older unused ones', async () => {
		const { user, token: first } = await userWithResetLink()
		await requestPasswordReset({ email: user.email, ipAddress: uniqueIp() })
		const { token: second } = await latestEmailLink({ to: user.email, path: '/reset-password' })

		expect(await checkPasswordResetToken({ token: first })).toBe('used')
		await expect(resetPassword({ token: first, password: NEW_PASSWORD })).rejects.toMatchObject({ code: 'TOKEN_USED' })
		await expect(resetPassword({ token: second, password: NEW_PASSWORD })).resolves.toMatchObject({ userId: user.id })
	})

	test('is throttled per address, whether or not the account exists', async () => {
		const email = uniqueEmail('nobody')
		for (let i = 0; i < THROTTLES.emailPerAddress.points; i++) {
			await requestPasswordReset({ email, ipAddress: uniqueIp() })
		}
		await expect(requestPasswordReset({ email, ipAddress: uniqueIp() })).rejects.toMatchObject({ kind: 'throttled' })
	})
})

describe('resetPassword', () => {
	test('sets the password, ends every session and starts a fresh one', async () => {
		const { user, token } = await userWithResetLink()
		const before = [await createSession({ userId: user.id }), await createSession({ userId: user.id })]

		const session = sessionOf(await resetPassword({ token, password: NEW_PASSWORD, ipAddress: uniqueIp() }))

		for (const old of before) expect(await validateSessionToken(old.token)).toBeNull()
		expect((await validateSessionToken(session.token))?.user.id).toBe(user.id)
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)
		await expect(logIn({ email: user.email, password: user.password, ipAddress: uniqueIp() })).rejects.toMatchObject({
			code: 'INVALID_CREDENTIALS',
		})
		await expect(logIn({ email: user.email, password: NEW_PASSWORD, ipAddress: uniqueIp() })).resolves.toMatchObject({
			userId: user.id,
		})
		expect(await prisma.auditLog.count({ where: { targetId: user.id, action: 'user.password_reset' } })).toBe(1)
		expect(await prisma.emailMessage.count({ where: { to: user.email, template: 'password-changed' } })).toBe(1)
	})

	test('a reset link works once', async () => {
		const { user, token } = await userWithResetLink()
		await resetPassword({ token, password: NEW_PASSWORD })
		await expect(resetPassword({ token, password: 'someone else’s idea' })).rejects.toMatchObject({
			kind: 'gone',
			code: 'TOKEN_USED',
		})
		expect(await checkPasswordResetToken({ token })).toBe('used')
		await expect(logIn({ email: user.email, password: NEW_PASSWORD, ipAddress: uniqueIp() })).resolves.toBeTruthy()
	})

	test('a reset link works once, even for two submissions at the same moment', async () => {
		const { user, token } = await userWithResetLink()
		const results = await whileTokenLocked(hashToken(token), () =>
			Promise.allSettled([
				resetPassword({ token, password: 'first concurrent password' }),
				resetPassword({ token, password: 'second concurrent password' }),
			]),
		)

		const fulfilled = results.filter((r) => r.status === 'fulfilled')
		const rejected = results.filter((r) => r.status === 'rejected')
		expect(fulfilled).toHaveLength(1)
		expect(rejected).toHaveLength(1)
		expect(rejected[0]?.status === 'rejected' && rejected[0].reason).toMatchObject({ code: 'TOKEN_USED' })
		// Only the winner's session exists, and only one audit entry and one notice were written.
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)
		expect(await prisma.auditLog.count({ where: { targetId: user.id, action: 'user.password_reset' } })).toBe(1)
		expect(await prisma.emailMessage.count({ where: { to: user.email, template: 'password-changed' } })).toBe(1)
	})

	test('refuses an expired link', async () => {
		const { user, token } = await userWithResetLink()
		await prisma.userToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
		expect(await checkPasswordResetToken({ token })).toBe('expired')
		await expect(resetPassword({ token, password: NEW_PASSWORD })).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' })
	})

	test('refuses the email address as the new password, leaving the link usable', async () => {
		const { user, token } = await userWithResetLink()
		await expect(resetPassword({ token, password: user.email })).rejects.toMatchObject({
			code: 'PASSWORD_EQUALS_EMAIL',
		})
		expect(await checkPasswordResetToken({ token })).toBe('valid')
	})

	test('refuses a disabled user’s link', async () => {
		const { user, token } = await userWithResetLink()
		await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
		await expect(resetPassword({ token, password: NEW_PASSWORD })).rejects.toMatchObject({ code: 'INVALID_TOKEN' })
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
	})
})

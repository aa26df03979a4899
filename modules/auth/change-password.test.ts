import { createHash } from 'node:crypto'
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { changePassword } from './change-password.ts'
import { logIn } from './log-in.ts'
import { createSession, validateSessionToken } from './sessions.ts'
import { createTestUser, uniqueIp, releaseTestResources } from '#tests/factories/auth.ts'

afterAll(releaseTestResources)

const NEW_PASSWORD = 'high challenge, high support'

function sessionId(token: string) {
	return createHash('sha256').update(token).digest('hex')
}

describe('changePassword', () => {
	test('keeps the current session, ends every other one, audits and emails', async () => {
		const user = await createTestUser()
		const current = await createSession({ userId: user.id })
		const others = [await createSession({ userId: user.id }), await createSession({ userId: user.id })]

		const result = await changePassword({
			userId: user.id,
			currentSessionId: sessionId(current.token),
			currentPassword: user.password,
			newPassword: NEW_PASSWORD,
		})

		expect(result).toEqual({ endedSessions: 2 })
		expect(await validateSessionToken(current.token)).not.toBeNull()
		for (const other of others) expect(await validateSessionToken(other.token)).toBeNull()
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)

		const audit = await prisma.auditLog.findMany({
			where: { targetType: 'User', targetId: user.id },
			select: { action: true, actorId: true },
		})
		expect(audit).toEqual([{ action: 'user.password_changed', actorId: user.id }])
		expect(await prisma.emailMessage.count({ where: { to: user.email, template: 'password-changed' } })).toBe(1)

		await expect(logIn({ email: user.email, password: NEW_PASSWORD, ipAddress: uniqueIp() })).resolves.toBeTruthy()
	})

	test('refuses a wrong current password and changes nothing', async () => {
		const user = await createTestUser()
		const current = await createSession({ userId: user.id })
		const other = await createSession({ userId: user.id })

		await expect(
			changePassword({
				userId: user.id,
				currentSessionId: sessionId(current.token),
				currentPassword: 'a wrong guess',
				newPassword: NEW_PASSWORD,
			}),
		).rejects.toMatchObject({ code: 'WRONG_PASSWORD', field: 'currentPassword' })

		expect(await validateSessionToken(other.token)).not.toBeNull()
		await expect(logIn({ email: user.email, password: user.password, ipAddress: uniqueIp() })).resolves.toBeTruthy()
		expect(await prisma.auditLog.count({ where: { targetId: user.id, action: 'user.password_changed' } })).toBe(0)
	})

	test('refuses the email address as the new password', async () => {
		const user = await createTestUser()
		const current = await createSession({ userId: user.id })
		await expect(
			changePassword({
				userId: user.id,
				currentSessionId: sessionId(current.token),
				currentPassword: user.password,
				newPassword: user.email,
			}),
		).rejects.toMatchObject({ code: 'PASSWORD_EQUALS_EMAIL', field: 'newPassword' })
	})
})

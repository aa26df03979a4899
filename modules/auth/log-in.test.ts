import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { DomainError } from '#modules/errors/domain-error.ts'
import { THROTTLES } from '#modules/security/throttle.ts'
import { INVALID_CREDENTIALS_MESSAGE, logIn } from './log-in.ts'
import { validateSessionToken } from './sessions.ts'
import { createTestUser, uniqueEmail, uniqueIp, releaseTestResources, sessionOf } from '#tests/factories/auth.ts'

afterAll(releaseTestResources)

async function failure(promise: Promise<unknown>) {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	)
	if (!(error instanceof DomainError)) throw new Error(`Expected a DomainError, got ${String(error)}`)
	return error
}

describe('logIn', () => {
	test('signs in with the right password, whatever the email’s letter case, with a new session each time', async () => {
		const user = await createTestUser()
		const first = await logIn({ email: user.email.toUpperCase(), password: user.password, ipAddress: uniqueIp() })
		const second = await logIn({ email: ` ${user.email} `, password: user.password, ipAddress: uniqueIp() })

		expect(first.userId).toBe(user.id)
		expect(sessionOf(first).token).not.toBe(sessionOf(second).token)
		expect((await validateSessionToken(sessionOf(first).token))?.user.id).toBe(user.id)
		expect((await validateSessionToken(sessionOf(second).token))?.user.id).toBe(user.id)
	})

	test('gives the same answer for an unknown email and a wrong password', async () => {
		const user = await createTestUser()
		const wrongPassword = await failure(
			logIn({ email: user.email, password: 'not the password', ipAddress: uniqueIp() }),
		)
		const unknownEmail = await failure(logIn({ email: uniqueEmail(), password: user.password, ipAddress: uniqueIp() }))

		for (const error of [wrongPassword, unknownEmail]) {
			expect(error.code).toBe('INVALID_CREDENTIALS')
			expect(error.message).toBe(INVALID_CREDENTIALS_MESSAGE)
			expect(error.field).toBeUndefined()
		}
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
	})

	test('the 11th rapid wrong password for one account is refused, even with the right password', async () => {
		const user = await createTestUser()
		// A different IP address for every attempt: the limit is per account, not per machine.
		for (let attempt = 1; attempt <= THROTTLES.loginPerAccount.points; attempt++) {
			const error = await failure(
				logIn({ email: user.email, password: `wrong password ${attempt}`, ipAddress: uniqueIp() }),
			)
			expect(error.code).toBe('INVALID_CREDENTIALS')
		}

		const locked = await failure(logIn({ email: user.email, password: user.password, ipAddress: uniqueIp() }))
		expect(locked.kind).toBe('throttled')
		expect(locked.retryAfterSeconds).toBeGreaterThan(0)
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
	})

	test('a success clears the account’s count of wrong passwords', async () => {
		const user = await createTestUser()
		for (let attempt = 1; attempt < THROTTLES.loginPerAccount.points; attempt++) {
			await failure(logIn({ email: user.email, password: 'wrong password', ipAddress: uniqueIp() }))
		}
		await logIn({ email: user.email, password: user.password, ipAddress: uniqueIp() })
		// Nine more wrong ones are allowed again before the lock, so the next right one succeeds.
		for (let attempt = 1; attempt < THROTTLES.loginPerAccount.points; attempt++) {
			await failure(logIn({ email: user.email, password: 'wrong password', ipAddress: uniqueIp() }))
		}
		await expect(logIn({ email: user.email, password: user.password, ipAddress: uniqueIp() })).resolves.toMatchObject({
			userId: user.id,
		})
	})

	test('a disabled user cannot log in', async () => {
		const user = await createTestUser()
		await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
		const error = await failure(logIn({ email: user.email, password: user.password, ipAddress: uniqueIp() }))
		expect(error.code).toBe('ACCOUNT_DISABLED')
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
	})
})

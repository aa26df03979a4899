import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { DomainError } from '#modules/errors/domain-error.ts'
import { THROTTLES } from '#modules/security/throttle.ts'
import { validateSessionToken } from './sessions.ts'
import { signUp } from './sign-up.ts'
import {
	latestEmailLink,
	TEST_PASSWORD,
	uniqueEmail,
	uniqueIp,
	releaseTestResources,
	sessionOf,
} from '#tests/factories/auth.ts'

afterAll(releaseTestResources)

function usersWithEmail(email: string) {
	return prisma.$queryRaw<Array<{ id: string }>>`SELECT id FROM "User" WHERE lower(email) = lower(${email})`
}

describe('signUp', () => {
	test('creates a learner with a normalised email, sends a verification email and signs them in', async () => {
		const email = uniqueEmail('new')
		const result = await signUp({
			name: '  Alex Morgan ',
			email: `  ${email.toUpperCase()} `,
			password: TEST_PASSWORD,
			ipAddress: uniqueIp(),
		})
		const { userId } = result
		const session = sessionOf(result)

		const user = await prisma.user.findUniqueOrThrow({
			where: { id: userId },
			select: { email: true, name: true, role: true, emailVerifiedAt: true, passwordHash: true },
		})
		expect(user).toMatchObject({ email, name: 'Alex Morgan', role: 'LEARNER', emailVerifiedAt: null })
		expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
		expect((await latestEmailLink({ to: email, path: '/verify-email' })).template).toBe('verify-email')
		expect((await validateSessionToken(session.token))?.user.id).toBe(userId)
	})

	test('an existing email in another letter case does not create a second user', async () => {
		const email = uniqueEmail('taken')
		await signUp({ name: 'First', email, password: TEST_PASSWORD, ipAddress: uniqueIp() })

		const error = await signUp({
			name: 'Second',
			email: email.replace('taken', 'TAKEN').toUpperCase(),
			password: TEST_PASSWORD,
			ipAddress: uniqueIp(),
		}).catch((e: unknown) => e)
		expect(error).toBeInstanceOf(DomainError)
		expect(error).toMatchObject({ code: 'EMAIL_TAKEN', field: 'email' })
		expect(await usersWithEmail(email)).toHaveLength(1)
	})

	test('two sign-ups for one address at the same time make exactly one user', async () => {
		const email = uniqueEmail('race')
		const results = await Promise.allSettled([
			signUp({ name: 'One', email, password: TEST_PASSWORD, ipAddress: uniqueIp() }),
			signUp({ name: 'Two', email: email.toUpperCase(), password: TEST_PASSWORD, ipAddress: uniqueIp() }),
		])
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
		const rejected = results.find((r) => r.status === 'rejected')
		expect(rejected?.status === 'rejected' && rejected.reason).toMatchObject({ code: 'EMAIL_TAKEN' })
		expect(await usersWithEmail(email)).toHaveLength(1)
	})

	test('refuses a password that is the email address', async () => {
		const email = uniqueEmail('same')
		await expect(
			signUp({ name: 'Sam', email, password: email.toUpperCase(), ipAddress: uniqueIp() }),
		).rejects.toMatchObject({
			code: 'PASSWORD_EQUALS_EMAIL',
			field: 'password',
		})
		expect(await usersWithEmail(email)).toHaveLength(0)
	})

	test('is throttled per IP address', async () => {
		const ipAddress = uniqueIp()
		for (let i = 0; i < THROTTLES.emailPerIp.points; i++) {
			await signUp({ name: 'Many', email: uniqueEmail('many'), password: TEST_PASSWORD, ipAddress })
		}
		const email = uniqueEmail('one-too-many')
		await expect(signUp({ name: 'Many', email, password: TEST_PASSWORD, ipAddress })).rejects.toMatchObject({
			kind: 'throttled',
		})
		expect(await usersWithEmail(email)).toHaveLength(0)
	})
})

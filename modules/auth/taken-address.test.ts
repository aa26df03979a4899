// Who holds an address (ADR 0033, amended 7 December 2026): an account's own address, or another
// account's confirmed personal address, and nothing else. A leaver signs in with their confirmed
// personal address, so no new account may be made with it (sign-up, invitation sign-up, SCIM),
// since sign-in prefers an account's own address and the newcomer would take the leaver's sign-in
// and password resets. An unconfirmed personal address reserves nothing: the first to confirm wins.
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { acceptInvitation, getInvitation, signUpAndAcceptInvitation } from '#modules/organisations/invitations.ts'
import { authenticateScimToken } from '#modules/scim/tokens.ts'
import { createScimUser } from '#modules/scim/users.ts'
import { createTestUser, latestEmailLink, releaseTestResources, uniqueEmail, uniqueIp } from '#tests/factories/auth.ts'
import { createInvitation, createOrganisation, createSeatPool } from '#tests/factories/organisations.ts'
import { entraCreateUser, scimTokenFor, verifiedDomain } from '#tests/factories/scim.ts'
import { logIn } from './log-in.ts'
import { setPersonalEmail, verifyPersonalEmail } from './personal-email.ts'
import { requestPasswordReset } from './request-password-reset.ts'
import { EMAIL_TAKEN_MESSAGE, signUp } from './sign-up.ts'
import { refusal } from '#tests/factories/errors.ts'

afterAll(async () => {
	await releaseTestResources()
	await prisma.$disconnect()
})

async function linkFor(userId: string, email: string) {
	await setPersonalEmail({ userId, email, ipAddress: uniqueIp() })
	return (await latestEmailLink({ to: email, path: '/account/personal-email' })).token
}

/** Jane, a leaver: her account and a confirmed personal address she signs in with. */
async function leaverWithPersonalAddress() {
	const jane = await createTestUser({ emailVerified: true })
	const personal = uniqueEmail('jane-personal')
	await verifyPersonalEmail({ userId: jane.id, token: await linkFor(jane.id, personal) })
	return { jane, personal }
}

/** The address still signs Jane in, and a reset asked for it is hers, not someone else's. */
async function expectStillJanes(jane: { id: string; password: string }, personal: string) {
	expect(await prisma.user.count({ where: { email: personal } })).toBe(0)
	expect((await logIn({ email: personal, password: jane.password, ipAddress: uniqueIp() })).userId).toBe(jane.id)
	await requestPasswordReset({ email: personal, ipAddress: uniqueIp() })
	const reset = await prisma.userToken.findFirstOrThrow({
		where: { kind: 'PASSWORD_RESET', user: { OR: [{ email: personal }, { personalEmail: personal }] } },
		select: { userId: true },
	})
	expect(reset.userId).toBe(jane.id)
}

describe('a confirmed personal address is taken', () => {
	test('sign-up with it is refused with the same reply as an account’s own address, and Jane keeps signing in with it', async () => {
		const { jane, personal } = await leaverWithPersonalAddress()
		const error = await refusal(
			signUp({
				name: 'Mallory',
				email: personal.toUpperCase(),
				password: 'a different long password',
				ipAddress: uniqueIp(),
			}),
		)
		const ownAddress = await refusal(
			signUp({ name: 'Mallory', email: jane.email, password: 'a different long password', ipAddress: uniqueIp() }),
		)
		expect(error).toMatchObject({ code: 'EMAIL_TAKEN', field: 'email', message: EMAIL_TAKEN_MESSAGE })
		expect({ code: error.code, field: error.field, message: error.message, kind: error.kind }).toEqual({
			code: ownAddress.code,
			field: ownAddress.field,
			message: ownAddress.message,
			kind: ownAddress.kind,
		})
		await expectStillJanes(jane, personal)
	})

	test('an invitation to it cannot be taken up by signing up; Jane keeps signing in with it, and accepts it herself', async () => {
		const { jane, personal } = await leaverWithPersonalAddress()
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id })
		const { token } = await createInvitation({ organisationId: org.id, poolId: pool.id, email: personal })
		const error = await refusal(
			signUpAndAcceptInvitation({ token, name: 'Mallory', password: 'a different long password' }),
		)
		expect(error.code).toBe('EMAIL_TAKEN')
		expect(await prisma.invitation.count({ where: { organisationId: org.id, acceptedAt: { not: null } } })).toBe(0)
		await expectStillJanes(jane, personal)
		// The page tells her to log in, and, signed in, she can accept what was sent to her address.
		expect((await getInvitation({ token })).hasAccount).toBe(true)
		await acceptInvitation({ token, userId: jane.id })
		expect(await prisma.membership.count({ where: { organisationId: org.id, userId: jane.id } })).toBe(1)
	})

	test('SCIM at a verified domain does not make an account with it, nor hand Jane’s account over', async () => {
		const org = await createOrganisation()
		const domain = await verifiedDomain(org.id)
		const jane = await createTestUser({ emailVerified: true })
		// Confirmed before the organisation verified the domain (adding it now would be refused).
		const personal = `jane-${crypto.randomUUID()}@${domain}`
		await prisma.user.update({
			where: { id: jane.id },
			data: { personalEmail: personal, personalEmailVerifiedAt: new Date() },
		})
		const { token } = await scimTokenFor(org)
		const error = await refusal(
			createScimUser({
				body: entraCreateUser({ userName: personal }),
				baseUrl: 'http://localhost',
				client: await authenticateScimToken({ token, now: new Date() }),
				origin: {},
				now: new Date(),
			}),
		)
		expect(error.code).toBe('SCIM_UNIQUENESS')
		expect(await prisma.user.count({ where: { email: personal } })).toBe(0)
		expect(await prisma.membership.count({ where: { organisationId: org.id, userId: jane.id } })).toBe(0)
		expect((await logIn({ email: personal, password: jane.password, ipAddress: uniqueIp() })).userId).toBe(jane.id)
	})

	test('another person cannot add it as their personal address', async () => {
		const { personal } = await leaverWithPersonalAddress()
		const other = await createTestUser()
		const error = await refusal(setPersonalEmail({ userId: other.id, email: personal, ipAddress: uniqueIp() }))
		expect(error).toMatchObject({ code: 'PERSONAL_EMAIL_INVALID', field: 'personalEmail' })
	})
})

describe('an unconfirmed personal address reserves nothing', () => {
	test('two people may have it waiting; the first to confirm has it and the second is refused', async () => {
		const first = await createTestUser()
		const second = await createTestUser()
		const shared = uniqueEmail('shared')
		const firstToken = await linkFor(first.id, shared)
		// Not refused because someone else added it and never confirmed it.
		const secondToken = await linkFor(second.id, shared)

		await verifyPersonalEmail({ userId: second.id, token: secondToken })
		const error = await refusal(verifyPersonalEmail({ userId: first.id, token: firstToken }))
		expect(error.code).toBe('PERSONAL_EMAIL_TAKEN')
		const rows = await prisma.user.findMany({
			where: { id: { in: [first.id, second.id] } },
			select: { id: true, personalEmailVerifiedAt: true },
		})
		expect(rows.find((r) => r.id === second.id)?.personalEmailVerifiedAt).not.toBeNull()
		expect(rows.find((r) => r.id === first.id)?.personalEmailVerifiedAt).toBeNull()
		expect((await logIn({ email: shared, password: second.password, ipAddress: uniqueIp() })).userId).toBe(second.id)
	})

	test('two confirmations at the same moment: exactly one has it', async () => {
		const people = await Promise.all([createTestUser(), createTestUser(), createTestUser()])
		const shared = uniqueEmail('race')
		const tokens: string[] = []
		for (const person of people) tokens.push(await linkFor(person.id, shared))
		const results = await Promise.allSettled(
			people.map((person, i) => verifyPersonalEmail({ userId: person.id, token: tokens[i]! })),
		)
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
		for (const r of results)
			if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'PERSONAL_EMAIL_TAKEN' })
		expect(await prisma.user.count({ where: { personalEmail: shared, personalEmailVerifiedAt: { not: null } } })).toBe(
			1,
		)
	})

	test('it does not stop a sign-up, and after that sign-up it can no longer be confirmed', async () => {
		const waiting = await createTestUser()
		const address = uniqueEmail('pending')
		const token = await linkFor(waiting.id, address)
		const signedUp = await signUp({
			name: 'Owner',
			email: address,
			password: 'a different long password',
			ipAddress: uniqueIp(),
		})
		expect((await refusal(verifyPersonalEmail({ userId: waiting.id, token }))).code).toBe('PERSONAL_EMAIL_TAKEN')
		expect((await logIn({ email: address, password: 'a different long password', ipAddress: uniqueIp() })).userId).toBe(
			signedUp.userId,
		)
	})
})

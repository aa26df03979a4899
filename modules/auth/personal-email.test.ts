// A personal address keeps the person's own record reachable (docs/decisions/0033): once confirmed it
// signs them in and resets their password; an organisation that requires single sign-on keeps its
// rule while it has them as a member, and SCIM deactivation does not lock them out of their record.
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { authenticateScimToken } from '#modules/scim/tokens.ts'
import { encryptSecret } from '#modules/security/encryption.ts'
import { clientSecretContext } from '#modules/sso/providers.ts'
import { patchScimUser } from '#modules/scim/users.ts'
import { createTestUser, latestEmailLink, releaseTestResources, uniqueEmail, uniqueIp } from '#tests/factories/auth.ts'
import { createOrganisation } from '#tests/factories/organisations.ts'
import { ENTRA_DEACTIVATE, scimTokenFor, uniqueDomain, verifiedDomain } from '#tests/factories/scim.ts'
import { logIn } from './log-in.ts'
import { removePersonalEmail, setPersonalEmail, verifyPersonalEmail } from './personal-email.ts'
import { requestPasswordReset } from './request-password-reset.ts'
import { refusal } from '#tests/factories/errors.ts'

afterAll(async () => {
	await releaseTestResources()
	await prisma.$disconnect()
})

async function addAndConfirm(userId: string, email: string) {
	await setPersonalEmail({ userId, email, ipAddress: uniqueIp() })
	const { token, template } = await latestEmailLink({ to: email, path: '/account/personal-email' })
	expect(template).toBe('personal-email')
	return verifyPersonalEmail({ userId, token })
}

describe('a personal email address', () => {
	test('signs in only once confirmed, with a link that works once and only for its own account', async () => {
		const user = await createTestUser({ emailVerified: true })
		const personal = uniqueEmail('personal')
		await setPersonalEmail({ userId: user.id, email: personal, ipAddress: uniqueIp() })
		expect((await refusal(logIn({ email: personal, password: user.password, ipAddress: uniqueIp() }))).code).toBe(
			'INVALID_CREDENTIALS',
		)
		const { token } = await latestEmailLink({ to: personal, path: '/account/personal-email' })
		const someoneElse = await createTestUser()
		expect((await refusal(verifyPersonalEmail({ userId: someoneElse.id, token }))).code).toBe('INVALID_TOKEN')
		await verifyPersonalEmail({ userId: user.id, token })
		expect((await refusal(verifyPersonalEmail({ userId: user.id, token }))).code).toBe('TOKEN_USED')

		const signedIn = await logIn({ email: personal.toUpperCase(), password: user.password, ipAddress: uniqueIp() })
		expect(signedIn.userId).toBe(user.id)

		await removePersonalEmail({ userId: user.id })
		expect((await refusal(logIn({ email: personal, password: user.password, ipAddress: uniqueIp() }))).code).toBe(
			'INVALID_CREDENTIALS',
		)
	})

	test('refuses the account’s own address, another account’s, and an address at an organisation’s verified domain', async () => {
		const user = await createTestUser()
		const other = await createTestUser()
		const org = await createOrganisation()
		const domain = await verifiedDomain(org.id)
		for (const email of [user.email, other.email, `me@${domain}`]) {
			const error = await refusal(setPersonalEmail({ userId: user.id, email, ipAddress: uniqueIp() }))
			expect(error.code).toBe('PERSONAL_EMAIL_INVALID')
			expect(error.field).toBe('personalEmail')
		}
		expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { personalEmail: true } })).toEqual({
			personalEmail: null,
		})
	})

	test('an organisation that requires single sign-on keeps its rule while they are a member; after SCIM deactivates them, their personal address opens their record', async () => {
		const org = await createOrganisation()
		const domain = await verifiedDomain(org.id, uniqueDomain('sso'))
		await prisma.identityProvider.create({
			data: {
				organisationId: org.id,
				kind: 'OIDC',
				displayName: 'Trust sign-in',
				issuer: 'https://idp.example.org',
				clientId: 'circle',
				// Sealed as every stored secret is (the key rotation test reads every row).
				clientSecretEncrypted: encryptSecret('unused', clientSecretContext(org.id)),
				requireSso: true,
			},
		})
		const worker = await createTestUser({ email: `nurse-${crypto.randomUUID()}@${domain}`, emailVerified: true })
		const membership = await prisma.membership.create({
			data: { organisationId: org.id, userId: worker.id },
			select: { id: true },
		})
		const personal = uniqueEmail('personal')
		await addAndConfirm(worker.id, personal)

		const whileMember = await refusal(logIn({ email: personal, password: worker.password, ipAddress: uniqueIp() }))
		expect(whileMember.code).toBe('SSO_REQUIRED')
		await requestPasswordReset({ email: personal, ipAddress: uniqueIp() })
		expect(await prisma.emailMessage.count({ where: { to: personal, template: 'reset-password' } })).toBe(0)

		const { token } = await scimTokenFor(org)
		await patchScimUser({
			id: membership.id,
			body: ENTRA_DEACTIVATE,
			baseUrl: 'http://localhost',
			client: await authenticateScimToken({ token, now: new Date() }),
			origin: {},
			now: new Date(),
		})
		const signedIn = await logIn({ email: personal, password: worker.password, ipAddress: uniqueIp() })
		expect(signedIn.userId).toBe(worker.id)
		await requestPasswordReset({ email: personal, ipAddress: uniqueIp() })
		expect(await prisma.emailMessage.count({ where: { to: personal, template: 'reset-password' } })).toBe(1)
		// The work address still follows the organisation's rule.
		expect((await refusal(logIn({ email: worker.email, password: worker.password, ipAddress: uniqueIp() }))).code).toBe(
			'SSO_REQUIRED',
		)
	})
})

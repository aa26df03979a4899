import { createHash } from 'node:crypto'
import { prisma } from '#modules/db/client.ts'
import { encryptSecret } from '#modules/security/encryption.ts'
import { clientSecretContext } from '#modules/sso/providers.ts'

/**
 * Single sign-on for the demo organisation, against the development identity provider that
 * `npm start` runs (scripts/dev-idp.ts). The client secret is public: it only opens the demo.
 */
export const DEMO_SSO = {
	domain: 'riverside.example',
	clientId: 'circle-demo',
	clientSecret: 'circle-demo-idp-secret-not-for-production',
}

/** The development provider's issuer for a port (loopback only). */
export function devIdpIssuer(port: number) {
	return `http://127.0.0.1:${port}`
}

/** The stable `sub` the development provider gives an address, so seeded staff are linked to it. */
export function devIdpSubject(email: string) {
	return `dev-${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 24)}`
}

/**
 * Connects the demo organisation to the development provider at `issuer`: its domain verified (by
 * the demo platform admin), new people made members with a seat from its schools licence, and the
 * seeded staff at the domain linked to their provider accounts. Idempotent; run by the seed and by
 * `npm start` (so a changed port is picked up).
 */
export async function configureDemoSso({ issuer, organisationSlug }: { issuer: string; organisationSlug: string }) {
	const org = await prisma.organisation.findUnique({
		where: { slug: organisationSlug },
		select: { id: true, seatPools: { select: { id: true }, orderBy: { createdAt: 'asc' }, take: 1 } },
	})
	if (!org) return null
	const admin = await prisma.user.findFirst({
		where: { role: 'ADMIN' },
		orderBy: { createdAt: 'asc' },
		select: { id: true },
	})
	const fields = {
		kind: 'OIDC' as const,
		displayName: 'Circle development identity provider',
		issuer,
		clientId: DEMO_SSO.clientId,
		clientSecretEncrypted: encryptSecret(DEMO_SSO.clientSecret, clientSecretContext(org.id)),
	}
	const provider = await prisma.identityProvider.upsert({
		where: { organisationId: org.id },
		create: {
			organisationId: org.id,
			...fields,
			enabled: true,
			jitMembership: true,
			jitSeatPoolId: org.seatPools[0]?.id ?? null,
		},
		// Only the address moves with the port; what the demo's visitors changed on the settings page stays.
		update: { issuer },
		select: { id: true },
	})
	// Only one organisation can hold a domain verified: if a visitor's organisation verified it first, it stays theirs.
	const heldElsewhere = await prisma.organisationDomain.findFirst({
		where: { domain: DEMO_SSO.domain, verifiedAt: { not: null }, organisationId: { not: org.id } },
		select: { id: true },
	})
	if (!heldElsewhere) {
		await prisma.organisationDomain.upsert({
			where: { organisationId_domain: { organisationId: org.id, domain: DEMO_SSO.domain } },
			create: {
				organisationId: org.id,
				domain: DEMO_SSO.domain,
				verificationToken: 'demo',
				verifiedAt: new Date(),
				verifiedBy: 'ADMIN',
				verifiedById: admin?.id ?? null,
			},
			update: {},
		})
	}
	const staff = await prisma.user.findMany({
		where: { email: { endsWith: `@${DEMO_SSO.domain}` }, identities: { none: { providerId: provider.id } } },
		select: { id: true, email: true },
	})
	for (const person of staff) {
		await prisma.userIdentity.create({
			data: { userId: person.id, providerId: provider.id, subject: devIdpSubject(person.email), email: person.email },
		})
	}
	return { providerId: provider.id }
}

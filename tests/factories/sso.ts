// Test data for single sign-on: an organisation whose identity provider is a local oidc-provider
// (tests/fakes/oidc-provider.ts), set up through the real module functions.
import { randomUUID } from 'node:crypto'
import { prisma } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { checkDomainDns, claimDomain } from '#modules/sso/domains.ts'
import { saveIdentityProvider } from '#modules/sso/providers.ts'
import type { FakeOidcProvider } from '#tests/fakes/oidc-provider.ts'
import { createOrganisation, createSeatPool } from './organisations.ts'

export function ssoRedirectUri() {
	return `${appUrl()}/sso/callback`
}

export function uniqueDomain(label = 'trust') {
	return `${label}-${randomUUID().slice(0, 8)}.example.org`
}

/** A resolver that answers TXT lookups from a fixed table, standing in for DNS. */
export function fakeTxt(records: Record<string, string[]>) {
	return async (name: string) => (records[name] ?? []).map((value) => [value])
}

/**
 * An organisation connected to `fake` (as an Entra ID preset unless told), with `domain` claimed and
 * (unless `verified: false`) verified through a TXT record, and a seat pool JIT members take from.
 */
export async function createSsoOrganisation({
	fake,
	domain = uniqueDomain(),
	verified = true,
	kind = 'ENTRA',
	hostedDomain,
	jitMembership = true,
	seats = 5,
}: {
	fake: FakeOidcProvider
	domain?: string
	verified?: boolean
	kind?: 'ENTRA' | 'GOOGLE' | 'OIDC'
	hostedDomain?: string
	jitMembership?: boolean
	seats?: number
}) {
	const organisation = await createOrganisation()
	const pool = await createSeatPool({ organisationId: organisation.id, seats })
	const { providerId } = await saveIdentityProvider({
		organisationId: organisation.id,
		actorId: organisation.owner.id,
		kind,
		issuer: fake.issuer,
		tenantId: kind === 'ENTRA' ? '8b0c2f5e-1111-4a4a-9c9c-000000000001' : null,
		hostedDomain: hostedDomain ?? null,
		clientId: fake.clientId,
		clientSecret: fake.clientSecret,
		enabled: true,
		jitMembership,
		jitSeatPoolId: pool.id,
		redirectUri: ssoRedirectUri(),
	})
	const claim = await claimDomain({ organisationId: organisation.id, actorId: organisation.owner.id, domain })
	if (verified) {
		const row = await prisma.organisationDomain.findUniqueOrThrow({ where: { id: claim.id } })
		await checkDomainDns({
			organisationId: organisation.id,
			actorId: organisation.owner.id,
			domainId: claim.id,
			resolveTxt: fakeTxt({ [`_circle-challenge.${domain}`]: [`circle-verification=${row.verificationToken}`] }),
		})
	}
	return { organisation, pool, providerId, domain, domainId: claim.id }
}

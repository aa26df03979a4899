import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'
import { type IdentityProviderKind, prisma } from '#modules/db/client.ts'
import { assertOrganisationActor } from '#modules/organisations/access.ts'
import { decryptSecret, encryptSecret } from '#modules/security/encryption.ts'
import { ssoContext } from '#modules/security/reseal.ts'
import { listDomains } from './domains.ts'
import { SsoError } from './errors.ts'
import { checkClientCredentials, type DeploymentSettings, discoverIssuer } from './oidc.ts'

/**
 * The encryption context of an organisation's client secret: a sealed secret copied to another
 * organisation's row does not open. The one definition is beside the key rotation's list.
 */
export const clientSecretContext = ssoContext

export type SaveIdentityProviderOptions = {
	organisationId: string
	actorId: string
	kind: IdentityProviderKind
	/** The issuer to discover: issuerForPreset() of the form's preset (tests pass their local provider's). */
	issuer: string
	tenantId?: string | null
	/** Google Workspace: only ID tokens whose `hd` claim is this domain are accepted. */
	hostedDomain?: string | null
	clientId: string
	/** Empty keeps the saved secret. */
	clientSecret?: string | null
	enabled: boolean
	jitMembership: boolean
	jitSeatPoolId?: string | null
	/** Circle's redirect URI (`<APP_URL>/sso/callback`), used to check the client credentials. */
	redirectUri: string
	/** Decides a real deployment (public providers only); getEnv() unless a test passes one. */
	env?: DeploymentSettings
} & RequestOrigin

/**
 * Connects (or reconfigures) an organisation's identity provider. Discovery runs first and the
 * client id and secret are tried at the token endpoint: an address that is not an OIDC issuer, an
 * unreachable one, or credentials the provider refuses are each a clear error beside their field,
 * and nothing is saved. The secret is sealed (AES-256-GCM) and never shown again.
 */
export async function saveIdentityProvider(options: SaveIdentityProviderOptions) {
	const { organisationId, actorId, kind, clientId, enabled, jitMembership, redirectUri, ipAddress, userAgent } = options
	const hostedDomain = options.hostedDomain?.trim().toLowerCase() || null
	const tenantId = options.tenantId?.trim() || null
	// Checked before any request leaves Circle, so nobody else can use this to probe addresses.
	const existing = await prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		return tx.identityProvider.findUnique({ where: { organisationId } })
	})
	if (kind === 'GOOGLE' && !hostedDomain) {
		throw new SsoError('invalid', 'SSO_NOT_CONFIGURED', 'Enter your Google Workspace domain', { field: 'hostedDomain' })
	}
	const typedSecret = options.clientSecret?.trim() || null
	const clientSecret =
		typedSecret ??
		(existing ? decryptSecret(existing.clientSecretEncrypted, clientSecretContext(organisationId)) : null)
	if (!clientSecret) {
		throw new SsoError('invalid', 'SSO_NOT_CONFIGURED', 'Enter the client secret', { field: 'clientSecret' })
	}
	const issuerField = kind === 'ENTRA' ? 'tenantId' : 'issuer'
	const config = await discoverIssuer({
		issuer: options.issuer,
		clientId,
		clientSecret,
		field: issuerField,
		env: options.env,
	})
	await checkClientCredentials(config, redirectUri, { issuerField })
	const issuer = config.serverMetadata().issuer

	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const jitSeatPoolId = options.jitSeatPoolId || null
		if (jitSeatPoolId) {
			const pool = await tx.seatPool.findFirst({ where: { id: jitSeatPoolId, organisationId }, select: { id: true } })
			if (!pool) {
				throw new SsoError('invalid', 'SEAT_POOL_NOT_FOUND', 'Choose one of your seat licences', {
					field: 'jitSeatPoolId',
				})
			}
		}
		const fields = {
			kind,
			displayName:
				kind === 'ENTRA' ? 'Microsoft Entra ID' : kind === 'GOOGLE' ? 'Google Workspace' : new URL(issuer).host,
			issuer,
			clientId,
			clientSecretEncrypted: encryptSecret(clientSecret, clientSecretContext(organisationId)),
			tenantId: kind === 'ENTRA' ? tenantId : null,
			hostedDomain: kind === 'GOOGLE' ? hostedDomain : null,
			enabled,
			jitMembership,
			jitSeatPoolId: jitMembership ? jitSeatPoolId : null,
		}
		const saved = await tx.identityProvider.upsert({
			where: { organisationId },
			create: { organisationId, ...fields },
			update: fields,
			select: { id: true },
		})
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'sso.provider_saved',
			targetType: 'IdentityProvider',
			targetId: saved.id,
			details: {
				kind,
				issuer,
				clientId,
				secretChanged: Boolean(typedSecret),
				enabled,
				jitMembership,
				jitSeatPoolId: fields.jitSeatPoolId,
				created: !existing,
			},
			ipAddress,
			userAgent,
		})
		return { providerId: saved.id, issuer }
	})
}

/** Turns "require single sign-on" on or off for the organisation's verified domains. */
export async function setRequireSso({
	organisationId,
	actorId,
	requireSso,
	ipAddress,
	userAgent,
}: { organisationId: string; actorId: string; requireSso: boolean } & RequestOrigin) {
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const provider = await tx.identityProvider.findUnique({
			where: { organisationId },
			select: { id: true, requireSso: true },
		})
		if (!provider) {
			throw new SsoError(
				'invalid',
				'SSO_NOT_CONFIGURED',
				'Connect your identity provider before requiring single sign-on.',
				{ field: 'requireSso' },
			)
		}
		if (provider.requireSso === requireSso) return { changed: false }
		await tx.identityProvider.update({ where: { id: provider.id }, data: { requireSso } })
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'sso.require_sso_changed',
			targetType: 'IdentityProvider',
			targetId: provider.id,
			details: { requireSso },
			ipAddress,
			userAgent,
		})
		return { changed: true }
	})
}

/** What the sign-in settings page shows: the provider (never its secret), the domains and the seat licences. */
export async function getSignInSettings({ organisationId }: { organisationId: string }) {
	const [provider, domains, pools] = await Promise.all([
		prisma.identityProvider.findUnique({
			where: { organisationId },
			select: {
				id: true,
				kind: true,
				issuer: true,
				clientId: true,
				tenantId: true,
				hostedDomain: true,
				enabled: true,
				requireSso: true,
				jitMembership: true,
				jitSeatPoolId: true,
				updatedAt: true,
			},
		}),
		listDomains({ organisationId }),
		prisma.seatPool.findMany({
			where: { organisationId },
			orderBy: { createdAt: 'asc' },
			select: {
				id: true,
				seats: true,
				used: true,
				course: { select: { slug: true, publishedVersion: { select: { title: true } } } },
			},
		}),
	])
	return {
		provider: provider ? { ...provider, hasSecret: true } : null,
		domains,
		pools: pools.map((p) => ({
			id: p.id,
			label: `${p.course.publishedVersion?.title ?? p.course.slug} (${p.seats - p.used} of ${p.seats} seats free)`,
		})),
	}
}

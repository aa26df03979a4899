import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { logIn } from '#modules/auth/log-in.ts'
import { requestPasswordReset } from '#modules/auth/request-password-reset.ts'
import { resetPassword } from '#modules/auth/reset-password.ts'
import { signUp } from '#modules/auth/sign-up.ts'
import { prisma } from '#modules/db/client.ts'
import { translateErrorMessage } from '#modules/i18n/error-messages.ts'
import { serverI18n } from '#modules/i18n/translate.ts'
import { removeMember } from '#modules/organisations/members.ts'
import { clearMembershipRemoval } from '#modules/organisations/removals.ts'
import { encryptSecret } from '#modules/security/encryption.ts'
import { refusingLookup } from '#modules/security/internal-address.ts'
import { createTestUser, latestEmailLink, releaseTestResources } from '#tests/factories/auth.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { createSsoOrganisation, fakeTxt, ssoRedirectUri, uniqueDomain } from '#tests/factories/sso.ts'
import { type FakeOidcProvider, followToCallback, startFakeOidcProvider } from '#tests/fakes/oidc-provider.ts'
import { checkDomainDns, claimDomain, findSsoForEmail, listDomains, verifyDomainAsAdmin } from './domains.ts'
import { issuerForPreset } from './presets.ts'
import { clientSecretContext, saveIdentityProvider, setRequireSso } from './providers.ts'
import { assertPasswordSignInAllowed } from './require-sso.ts'
import { completeSsoSignIn, confirmIdentityLink, startSsoSignIn } from './sign-in.ts'
import { refusal as failure } from '#tests/factories/errors.ts'

let fake: FakeOidcProvider

beforeAll(async () => {
	fake = await startFakeOidcProvider({ redirectUris: [ssoRedirectUri()] })
})
afterAll(async () => {
	await fake.close()
	await releaseTestResources()
})

/** Runs a whole sign-in through the fake: start, the provider's redirects, then the callback. */
async function signInThroughFake(providerId: string, { state }: { state?: (real: string) => string } = {}) {
	const started = await startSsoSignIn({ providerId, redirectUri: ssoRedirectUri(), redirectTo: '/dashboard' })
	const callbackUrl = await followToCallback(started.url, ssoRedirectUri())
	return completeSsoSignIn({
		callbackUrl,
		expectedState: state ? state(started.state) : started.state,
		redirectUri: ssoRedirectUri(),
		ipAddress: '2001:db8::13',
		userAgent: 'vitest',
	})
}

function person(domain: string, extra: Partial<FakeOidcProvider['person']> = {}) {
	const sub = `sub-${crypto.randomUUID()}`
	return { sub, email: `${sub}@${domain}`, name: 'Jo Cartwright', email_verified: true, ...extra }
}

describe('presets', () => {
	test('Entra ID from a tenant id, Google, and a generic issuer', () => {
		expect(issuerForPreset({ kind: 'ENTRA', tenantId: '8B0C2F5E-1111-4A4A-9C9C-000000000001' })).toBe(
			'https://login.microsoftonline.com/8b0c2f5e-1111-4a4a-9c9c-000000000001/v2.0',
		)
		expect(issuerForPreset({ kind: 'GOOGLE' })).toBe('https://accounts.google.com')
		expect(issuerForPreset({ kind: 'OIDC', issuer: ' https://id.example.org/ ' })).toBe('https://id.example.org')
	})
})

describe('saving a provider', () => {
	function options(organisation: { id: string; owner: { id: string } }, overrides: Record<string, unknown> = {}) {
		return {
			organisationId: organisation.id,
			actorId: organisation.owner.id,
			kind: 'OIDC' as const,
			issuer: fake.issuer,
			clientId: fake.clientId,
			clientSecret: fake.clientSecret,
			enabled: true,
			jitMembership: true,
			redirectUri: ssoRedirectUri(),
			...overrides,
		}
	}

	test('discovers the issuer, seals the secret and audits the change', async () => {
		const organisation = await createOrganisation()
		const { providerId, issuer } = await saveIdentityProvider(options(organisation, { ipAddress: '2001:db8::1' }))
		expect(issuer).toBe(fake.issuer)
		const row = await prisma.identityProvider.findUniqueOrThrow({ where: { id: providerId } })
		expect(row.clientSecretEncrypted).not.toContain(fake.clientSecret)
		const audit = await prisma.auditLog.findFirstOrThrow({
			where: { targetId: providerId, action: 'sso.provider_saved' },
		})
		expect(audit).toMatchObject({
			actorId: organisation.owner.id,
			organisationId: organisation.id,
			ipAddress: '2001:db8::1',
		})
		expect(JSON.stringify(audit.details)).not.toContain(fake.clientSecret)
	})

	test('an empty secret keeps the saved one', async () => {
		const organisation = await createOrganisation()
		await saveIdentityProvider(options(organisation))
		await expect(saveIdentityProvider(options(organisation, { clientSecret: '' }))).resolves.toBeTruthy()
	})

	test('an address that is not an OIDC issuer: a clear message, nothing saved', async () => {
		const organisation = await createOrganisation()
		const plain = http.createServer((_req, res) =>
			res.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1>Hi</h1>'),
		)
		await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve))
		try {
			const issuer = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`
			const error = await failure(saveIdentityProvider(options(organisation, { issuer })))
			expect(error).toMatchObject({ code: 'NOT_AN_ISSUER', field: 'issuer' })
			expect(error.message).toContain('is not an OpenID Connect issuer')
		} finally {
			plain.close()
		}
		expect(await prisma.identityProvider.count({ where: { organisationId: organisation.id } })).toBe(0)
	})

	test('an unreachable address: a clear message, nothing saved', async () => {
		const organisation = await createOrganisation()
		const closed = http.createServer()
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
		const port = (closed.address() as AddressInfo).port
		await new Promise((resolve) => closed.close(resolve))
		const error = await failure(saveIdentityProvider(options(organisation, { issuer: `http://127.0.0.1:${port}` })))
		expect(error).toMatchObject({ code: 'ISSUER_UNREACHABLE', field: 'issuer' })
		expect(error.message).toContain('could not reach')
		expect(await prisma.identityProvider.count({ where: { organisationId: organisation.id } })).toBe(0)
	})

	test('a wrong client secret: refused by the token endpoint, a clear message, nothing saved', async () => {
		const organisation = await createOrganisation()
		const error = await failure(saveIdentityProvider(options(organisation, { clientSecret: 'not-the-secret' })))
		expect(error).toMatchObject({ code: 'CLIENT_REJECTED', field: 'clientSecret' })
		expect(await prisma.identityProvider.count({ where: { organisationId: organisation.id } })).toBe(0)
	})

	test('a plain member cannot configure the provider, and nothing is fetched for them', async () => {
		const organisation = await createOrganisation()
		const member = await addMember({ organisationId: organisation.id })
		const outsider = await createOrganisation()
		const before = fake.tokenRequests
		expect(await failure(saveIdentityProvider(options(organisation, { actorId: member.id })))).toMatchObject({
			kind: 'forbidden',
		})
		expect(await failure(saveIdentityProvider(options(organisation, { actorId: outsider.owner.id })))).toMatchObject({
			kind: 'not_found',
		})
		expect(fake.tokenRequests).toBe(before)
	})
})

/**
 * A server that only records whether anything reached it: an internal service Circle must not touch.
 * Every connection counts, a TLS handshake to this plain-http server included.
 */
async function startRecordingServer(host = '127.0.0.1') {
	const hits: string[] = []
	const server = http.createServer((req, res) => {
		hits.push(`${req.method} ${req.url}`)
		res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}')
	})
	server.on('connection', (socket) => hits.push(`connection from ${socket.remoteAddress}`))
	await new Promise<void>((resolve) => server.listen(0, host, resolve))
	const port = (server.address() as AddressInfo).port
	return { hits, port, close: () => new Promise((resolve) => server.close(resolve)) }
}

/** A free port on 127.0.0.1 that nothing listens on. */
async function closedPort() {
	const server = http.createServer()
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const port = (server.address() as AddressInfo).port
	await new Promise((resolve) => server.close(resolve))
	return port
}

/** Production with a database of its own: a real deployment (isRealDeployment), as a test can pass it. */
const REAL_DEPLOYMENT = {
	NODE_ENV: 'production',
	DATABASE_URL: 'postgresql://circle@db.circle.example:5432/circle',
	EMBEDDED_PG_PORT: 54329,
} as const

describe('addresses inside Circle’s own network', () => {
	function options(organisation: { id: string; owner: { id: string } }, issuer: string, env?: typeof REAL_DEPLOYMENT) {
		return {
			organisationId: organisation.id,
			actorId: organisation.owner.id,
			kind: 'OIDC' as const,
			issuer,
			clientId: 'circle',
			clientSecret: 'a-secret',
			enabled: true,
			jitMembership: false,
			redirectUri: ssoRedirectUri(),
			env,
		}
	}

	test('a real deployment refuses an internal issuer before fetching anything, with one answer for every host and port', async () => {
		const organisation = await createOrganisation()
		const internal = await startRecordingServer()
		const closed = await closedPort()
		try {
			const replies = new Set<string>()
			for (const issuer of [
				`https://127.0.0.1:${internal.port}`,
				`https://127.0.0.1:${closed}`,
				`https://localhost:${internal.port}`,
				`https://[::1]:${internal.port}`,
				`https://[::ffff:127.0.0.1]:${internal.port}`,
				`https://0x7f000001:${internal.port}`,
				'https://10.0.3.7:8443',
				'https://169.254.169.254/latest',
				'https://metadata.google.internal',
				'https://keycloak:8443/realms/staff',
			]) {
				const error = await failure(saveIdentityProvider(options(organisation, issuer, REAL_DEPLOYMENT)))
				expect(error, issuer).toMatchObject({ kind: 'invalid', code: 'ISSUER_PRIVATE', field: 'issuer' })
				replies.add(error.message)
			}
			// An open port and a closed one, a live host and a dead one: nothing to tell them apart by.
			expect([...replies]).toEqual(['The issuer must be a public address, not one inside Circle’s own network'])
			expect(translateErrorMessage([...replies][0]!, 'cy', serverI18n)).toBe(
				"Rhaid i'r cyhoeddwr fod yn gyfeiriad cyhoeddus, nid un o fewn rhwydwaith Circle ei hun",
			)
			expect(internal.hits).toEqual([])
		} finally {
			await internal.close()
		}
		expect(await prisma.identityProvider.count({ where: { organisationId: organisation.id } })).toBe(0)
	})

	test('outside a real deployment only this machine’s 127.0.0.1 is let through, never another internal address', async () => {
		const organisation = await createOrganisation()
		// 127.0.0.2 is this machine too (Linux answers all of 127.0.0.0/8), but not the providers' address.
		const internal = await startRecordingServer('127.0.0.2')
		try {
			for (const issuer of ['https://10.0.3.7:8443', `https://127.0.0.2:${internal.port}`]) {
				const error = await failure(saveIdentityProvider(options(organisation, issuer)))
				expect(error, issuer).toMatchObject({ code: 'ISSUER_PRIVATE', field: 'issuer' })
			}
			expect(internal.hits).toEqual([])
		} finally {
			await internal.close()
		}
		// The tests' own provider on 127.0.0.1 still works (every other test here uses it).
		await expect(saveIdentityProvider(options(organisation, fake.issuer))).rejects.toMatchObject({
			code: 'CLIENT_REJECTED',
		})
	})

	test('a discovery document naming an internal token endpoint: refused when Circle would connect, nothing sent', async () => {
		const organisation = await createOrganisation()
		const internal = await startRecordingServer('127.0.0.2')
		// An issuer Circle may reach whose discovery document points the token request inside the network.
		const issuerServer = http.createServer((req, res) => {
			const issuer = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`
			if (req.url !== '/.well-known/openid-configuration') return res.writeHead(404).end()
			res.writeHead(200, { 'Content-Type': 'application/json' }).end(
				JSON.stringify({
					issuer,
					authorization_endpoint: `${issuer}/authorize`,
					token_endpoint: `http://127.0.0.2:${internal.port}/token`,
					jwks_uri: `http://127.0.0.2:${internal.port}/jwks`,
					response_types_supported: ['code'],
					subject_types_supported: ['public'],
					id_token_signing_alg_values_supported: ['RS256'],
				}),
			)
		})
		await new Promise<void>((resolve) => issuerServer.listen(0, '127.0.0.1', resolve))
		try {
			const issuer = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`
			const error = await failure(saveIdentityProvider(options(organisation, issuer)))
			expect(error).toMatchObject({ kind: 'invalid', code: 'ISSUER_PRIVATE', field: 'issuer' })
			expect(error.message).toBe(
				'The provider’s token endpoint is an address inside Circle’s own network, which Circle does not send to',
			)
			expect(internal.hits).toEqual([])
		} finally {
			issuerServer.close()
			await internal.close()
		}
		expect(await prisma.identityProvider.count({ where: { organisationId: organisation.id } })).toBe(0)
	})

	test('the connection’s own lookup: a name is checked as it resolves, and only 127.0.0.1 and ::1 are ever let through', async () => {
		const resolve = (lookup: ReturnType<typeof refusingLookup>, name: string) =>
			new Promise((done, reject) =>
				lookup(name, { all: true }, (error, address) => (error ? reject(error) : done(address))),
			)
		await expect(resolve(refusingLookup({ allowLoopback: true }), 'localhost')).resolves.toEqual(
			expect.arrayContaining([expect.objectContaining({ address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) })]),
		)
		await expect(resolve(refusingLookup(), 'localhost')).rejects.toMatchObject({ code: 'EINTERNALADDRESS' })
	})

	test('a redirect from the issuer is not followed', async () => {
		const organisation = await createOrganisation()
		const target = await startRecordingServer()
		const redirecting = http.createServer((_req, res) =>
			res.writeHead(302, { Location: `http://127.0.0.1:${target.port}/.well-known/openid-configuration` }).end(),
		)
		await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve))
		try {
			const issuer = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`
			expect(await failure(saveIdentityProvider(options(organisation, issuer)))).toMatchObject({
				code: 'NOT_AN_ISSUER',
			})
			expect(target.hits).toEqual([])
		} finally {
			redirecting.close()
			await target.close()
		}
	})

	test('a provider saved with an internal issuer before this rule is not contacted at sign-in', async () => {
		const organisation = await createOrganisation()
		const internal = await startRecordingServer('127.0.0.2')
		try {
			const provider = await prisma.identityProvider.create({
				data: {
					organisationId: organisation.id,
					kind: 'OIDC',
					displayName: 'Old provider',
					issuer: `https://127.0.0.2:${internal.port}`,
					clientId: 'circle',
					clientSecretEncrypted: encryptSecret('a-secret', clientSecretContext(organisation.id)),
					enabled: true,
				},
			})
			const error = await failure(startSsoSignIn({ providerId: provider.id, redirectUri: ssoRedirectUri() }))
			expect(error).toMatchObject({ code: 'SSO_FAILED' })
			expect(internal.hits).toEqual([])
		} finally {
			await internal.close()
		}
	})
})

describe('domain claims', () => {
	test('DNS TXT verification with an injected resolver; a domain another organisation claimed is refused', async () => {
		const organisation = await createOrganisation()
		const domain = uniqueDomain()
		const claim = await claimDomain({
			organisationId: organisation.id,
			actorId: organisation.owner.id,
			domain: `@${domain.toUpperCase()}`,
		})
		expect(claim.domain).toBe(domain)
		const row = await prisma.organisationDomain.findUniqueOrThrow({ where: { id: claim.id } })

		const missing = await failure(
			checkDomainDns({
				organisationId: organisation.id,
				actorId: organisation.owner.id,
				domainId: claim.id,
				resolveTxt: fakeTxt({}),
			}),
		)
		expect(missing.code).toBe('DNS_RECORD_MISSING')
		expect((await prisma.organisationDomain.findUniqueOrThrow({ where: { id: claim.id } })).verifiedAt).toBeNull()

		await checkDomainDns({
			organisationId: organisation.id,
			actorId: organisation.owner.id,
			domainId: claim.id,
			resolveTxt: fakeTxt({ [domain]: ['v=spf1 -all', `circle-verification=${row.verificationToken}`] }),
		})
		const verified = await prisma.organisationDomain.findUniqueOrThrow({ where: { id: claim.id } })
		expect(verified).toMatchObject({ verifiedBy: 'DNS', verifiedById: organisation.owner.id })
		expect(await prisma.auditLog.count({ where: { targetId: claim.id, action: 'sso.domain_verified' } })).toBe(1)

		const other = await createOrganisation()
		expect(await failure(claimDomain({ organisationId: other.id, actorId: other.owner.id, domain }))).toMatchObject({
			code: 'DOMAIN_TAKEN',
			field: 'domain',
		})
	})

	test('a platform admin can verify a claim; nobody else can by that route', async () => {
		const organisation = await createOrganisation()
		const claim = await claimDomain({
			organisationId: organisation.id,
			actorId: organisation.owner.id,
			domain: uniqueDomain(),
		})
		expect((await failure(verifyDomainAsAdmin({ domainId: claim.id, adminId: organisation.owner.id }))).kind).toBe(
			'forbidden',
		)
		const admin = await createTestUser({ role: 'ADMIN' })
		await verifyDomainAsAdmin({ domainId: claim.id, adminId: admin.id })
		expect(await prisma.organisationDomain.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
			verifiedBy: 'ADMIN',
		})
	})

	test('a pending claim blocks nobody: both organisations hold one, the first to verify wins, the other is refused', async () => {
		const domain = uniqueDomain('nhs')
		const squatter = await createOrganisation()
		const real = await createOrganisation()
		const squatted = await claimDomain({ organisationId: squatter.id, actorId: squatter.owner.id, domain })
		// The real organisation's claim is not refused, and nothing tells it another organisation claimed the domain.
		const claim = await claimDomain({ organisationId: real.id, actorId: real.owner.id, domain })
		expect(claim).toMatchObject({ domain, created: true })
		const [mine, theirs] = await Promise.all([
			prisma.organisationDomain.findUniqueOrThrow({ where: { id: claim.id } }),
			prisma.organisationDomain.findUniqueOrThrow({ where: { id: squatted.id } }),
		])
		expect(mine.verificationToken).not.toBe(theirs.verificationToken)
		// The squatter's token, published by nobody at the real domain, proves nothing.
		const dns = fakeTxt({ [`_circle-challenge.${domain}`]: [`circle-verification=${mine.verificationToken}`] })
		expect(
			await failure(
				checkDomainDns({
					organisationId: squatter.id,
					actorId: squatter.owner.id,
					domainId: squatted.id,
					resolveTxt: dns,
				}),
			),
		).toMatchObject({ code: 'DNS_RECORD_MISSING' })
		await checkDomainDns({ organisationId: real.id, actorId: real.owner.id, domainId: claim.id, resolveTxt: dns })

		// The first to verify wins: the other organisation cannot verify it now, by DNS or through a platform admin.
		const squatterDns = fakeTxt({ [domain]: [`circle-verification=${theirs.verificationToken}`] })
		expect(
			await failure(
				checkDomainDns({
					organisationId: squatter.id,
					actorId: squatter.owner.id,
					domainId: squatted.id,
					resolveTxt: squatterDns,
				}),
			),
		).toMatchObject({ code: 'DOMAIN_TAKEN', field: `domain-${squatted.id}` })
		const admin = await createTestUser({ role: 'ADMIN' })
		expect(await failure(verifyDomainAsAdmin({ domainId: squatted.id, adminId: admin.id }))).toMatchObject({
			code: 'DOMAIN_TAKEN',
		})
		expect(await prisma.organisationDomain.count({ where: { domain, verifiedAt: { not: null } } })).toBe(1)
		// Its settings page says so; a new claim by anyone else is refused.
		expect(await listDomains({ organisationId: squatter.id })).toMatchObject([{ domain, status: 'verified-elsewhere' }])
		expect(await listDomains({ organisationId: real.id })).toMatchObject([{ domain, status: 'verified' }])
		const third = await createOrganisation()
		expect(await failure(claimDomain({ organisationId: third.id, actorId: third.owner.id, domain }))).toMatchObject({
			code: 'DOMAIN_TAKEN',
			field: 'domain',
		})
		// The database holds the rule too: a second verified claim of the domain cannot be written.
		await expect(
			prisma.organisationDomain.update({ where: { id: squatted.id }, data: { verifiedAt: new Date() } }),
		).rejects.toMatchObject({ code: 'P2002' })
	})

	test('two verifications at the same moment: exactly one organisation wins', async () => {
		const domain = uniqueDomain('race')
		const admin = await createTestUser({ role: 'ADMIN' })
		const claims = await Promise.all(
			[await createOrganisation(), await createOrganisation()].map((org) =>
				claimDomain({ organisationId: org.id, actorId: org.owner.id, domain }),
			),
		)
		const outcomes = await Promise.allSettled(
			claims.map((claim) => verifyDomainAsAdmin({ domainId: claim.id, adminId: admin.id })),
		)
		expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
		const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult
		expect(refused.reason).toMatchObject({ code: 'DOMAIN_TAKEN' })
		expect(await prisma.organisationDomain.count({ where: { domain, verifiedAt: { not: null } } })).toBe(1)
	})

	test('an unverified claim lapses after 14 days: it cannot be verified, and claiming again renews it', async () => {
		const domain = uniqueDomain('lapse')
		const organisation = await createOrganisation()
		const claimedAt = new Date('2026-03-01T09:00:00Z')
		const later = new Date(claimedAt.getTime() + 14 * 24 * 60 * 60 * 1000)
		const justBefore = new Date(later.getTime() - 60_000)
		const claim = await claimDomain({
			organisationId: organisation.id,
			actorId: organisation.owner.id,
			domain,
			now: claimedAt,
		})
		const row = await prisma.organisationDomain.findUniqueOrThrow({ where: { id: claim.id } })
		const dns = fakeTxt({ [domain]: [`circle-verification=${row.verificationToken}`] })
		expect(await listDomains({ organisationId: organisation.id, now: justBefore })).toMatchObject([
			{ status: 'pending', expiresAt: later },
		])
		expect(await listDomains({ organisationId: organisation.id, now: later })).toMatchObject([{ status: 'expired' }])
		const args = {
			organisationId: organisation.id,
			actorId: organisation.owner.id,
			domainId: claim.id,
			resolveTxt: dns,
		}
		expect(await failure(checkDomainDns({ ...args, now: later }))).toMatchObject({
			code: 'DOMAIN_CLAIM_EXPIRED',
			field: `domain-${claim.id}`,
		})
		const admin = await createTestUser({ role: 'ADMIN' })
		expect(await failure(verifyDomainAsAdmin({ domainId: claim.id, adminId: admin.id, now: later }))).toMatchObject({
			code: 'DOMAIN_CLAIM_EXPIRED',
		})
		expect((await prisma.organisationDomain.findUniqueOrThrow({ where: { id: claim.id } })).verifiedAt).toBeNull()

		// Claimed again: a new token and a new 14 days; the old record no longer proves anything.
		const again = await claimDomain({
			organisationId: organisation.id,
			actorId: organisation.owner.id,
			domain,
			now: later,
		})
		expect(again).toMatchObject({ id: claim.id, created: true })
		const renewed = await prisma.organisationDomain.findUniqueOrThrow({ where: { id: claim.id } })
		expect(renewed.verificationToken).not.toBe(row.verificationToken)
		expect(renewed.createdAt).toEqual(later)
		expect(await failure(checkDomainDns({ ...args, now: later }))).toMatchObject({ code: 'DNS_RECORD_MISSING' })
		await checkDomainDns({
			...args,
			now: later,
			resolveTxt: fakeTxt({ [domain]: [`circle-verification=${renewed.verificationToken}`] }),
		})
		expect(await listDomains({ organisationId: organisation.id, now: later })).toMatchObject([{ status: 'verified' }])
	})

	test("another organisation's pending claim changes nothing for the organisation that verified the domain", async () => {
		// The squatter claims first and sets up its own provider requiring single sign-on.
		const domain = uniqueDomain('hrd')
		const squatter = await createSsoOrganisation({ fake, domain, verified: false })
		await setRequireSso({
			organisationId: squatter.organisation.id,
			actorId: squatter.organisation.owner.id,
			requireSso: true,
		})
		expect(await findSsoForEmail(`someone@${domain}`)).toBeNull()
		const real = await createSsoOrganisation({ fake, domain })
		await setRequireSso({ organisationId: real.organisation.id, actorId: real.organisation.owner.id, requireSso: true })
		// Sign-ins at the domain go to the organisation that verified it, and its rule is the one applied.
		expect(await findSsoForEmail(`someone@${domain}`)).toMatchObject({
			providerId: real.providerId,
			organisationId: real.organisation.id,
		})
		const refusal = await failure(assertPasswordSignInAllowed({ email: `someone@${domain}` }))
		expect(refusal).toMatchObject({ code: 'SSO_REQUIRED' })
		expect(refusal.message).toContain(real.organisation.name)
		// The squatter's provider can neither create nor claim accounts at the domain.
		fake.person = person(domain)
		expect(await failure(signInThroughFake(squatter.providerId))).toMatchObject({ code: 'DOMAIN_NOT_VERIFIED' })
		expect(await prisma.user.count({ where: { email: fake.person.email! } })).toBe(0)
	})

	test('an unverified claim routes nobody to the provider', async () => {
		const { domain } = await createSsoOrganisation({ fake, verified: false })
		expect(await findSsoForEmail(`someone@${domain}`)).toBeNull()
		const verified = await createSsoOrganisation({ fake })
		expect(await findSsoForEmail(`someone@${verified.domain}`)).toMatchObject({ providerId: verified.providerId })
	})
})

describe('signing in', () => {
	test('a first sign-in creates the account, the membership and a seat; the amr says MFA was done', async () => {
		const { organisation, providerId, domain, pool } = await createSsoOrganisation({ fake })
		fake.person = person(domain, { amr: ['pwd', 'mfa'] })
		const outcome = await signInThroughFake(providerId)
		expect(outcome.kind).toBe('signed-in')
		if (outcome.kind !== 'signed-in') return
		expect(outcome.result.kind).toBe('session')
		const user = await prisma.user.findUniqueOrThrow({
			where: { email: fake.person.email! },
			include: { memberships: true, seatAssignments: true, identities: true, sessions: true },
		})
		expect(user.name).toBe('Jo Cartwright')
		expect(user.emailVerifiedAt).not.toBeNull()
		expect(user.passwordHash).toBeNull()
		expect(user.memberships).toMatchObject([{ organisationId: organisation.id, role: 'MEMBER' }])
		expect(user.seatAssignments).toMatchObject([{ poolId: pool.id, status: 'ASSIGNED' }])
		expect(user.identities).toMatchObject([{ providerId, subject: fake.person.sub }])
		expect(user.sessions).toMatchObject([{ method: 'SSO' }])
		expect(user.sessions[0]!.mfaVerifiedAt).not.toBeNull()

		// The second time, the identity (provider + subject) finds the same person, whatever the email says.
		fake.person = { ...fake.person, email: `renamed-${fake.person.email}` }
		const again = await signInThroughFake(providerId)
		expect(again.kind === 'signed-in' && again.result.userId).toBe(user.id)
	})

	test('without MFA in the amr the session is not marked multi-factor', async () => {
		const { providerId, domain } = await createSsoOrganisation({ fake })
		fake.person = person(domain, { amr: ['pwd'] })
		const outcome = await signInThroughFake(providerId)
		const session = await prisma.session.findFirstOrThrow({
			where: { userId: outcome.kind === 'signed-in' ? outcome.result.userId : '' },
		})
		expect(session.mfaVerifiedAt).toBeNull()
	})

	const badTokens: Array<[string, FakeOidcProvider['tamper']]> = [
		['a wrong nonce', { claims: (c) => ({ ...c, nonce: 'not-the-nonce' }) }],
		['a wrong audience', { claims: (c) => ({ ...c, aud: 'some-other-client' }) }],
		['a wrong issuer', { claims: (c) => ({ ...c, iss: 'https://evil.example.org' }) }],
		[
			'an expired token',
			{
				claims: (c) => ({ ...c, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }),
			},
		],
		['a bad signature', { foreignKey: true }],
	]
	for (const [label, tamper] of badTokens) {
		test(`an ID token with ${label} is refused: no account, no session`, async () => {
			const { providerId, domain } = await createSsoOrganisation({ fake })
			fake.person = person(domain)
			fake.tamper = tamper
			const error = await failure(signInThroughFake(providerId))
			expect(fake.tamper).toBeNull() // the tampered token was really served
			expect(error).toMatchObject({ code: 'TOKEN_REJECTED' })
			expect(error.message).toContain("did not pass Circle's security checks")
			expect(await prisma.user.count({ where: { email: fake.person.email! } })).toBe(0)
		})
	}

	test('the untampered re-signing path is accepted (so the refusals above are about the claims)', async () => {
		const { providerId, domain } = await createSsoOrganisation({ fake })
		fake.person = person(domain)
		fake.tamper = { claims: (c) => c }
		expect((await signInThroughFake(providerId)).kind).toBe('signed-in')
	})

	test('a state mismatch is refused, and a used state cannot be replayed', async () => {
		const { providerId, domain } = await createSsoOrganisation({ fake })
		fake.person = person(domain)
		const started = await startSsoSignIn({ providerId, redirectUri: ssoRedirectUri() })
		const other = await startSsoSignIn({ providerId, redirectUri: ssoRedirectUri() })
		const callbackUrl = await followToCallback(started.url, ssoRedirectUri())
		// The browser's cookie holds another sign-in's state: openid-client compares it with the URL's.
		const mismatch = await failure(
			completeSsoSignIn({ callbackUrl, expectedState: other.state, redirectUri: ssoRedirectUri() }),
		)
		expect(mismatch.code).toBe('TOKEN_REJECTED')
		expect(
			await failure(completeSsoSignIn({ callbackUrl, expectedState: null, redirectUri: ssoRedirectUri() })),
		).toMatchObject({
			code: 'LOGIN_STATE_INVALID',
		})
		expect(await prisma.user.count({ where: { email: fake.person.email! } })).toBe(0)

		const fresh = await startSsoSignIn({ providerId, redirectUri: ssoRedirectUri() })
		const freshCallback = await followToCallback(fresh.url, ssoRedirectUri())
		await completeSsoSignIn({ callbackUrl: freshCallback, expectedState: fresh.state, redirectUri: ssoRedirectUri() })
		expect(
			await failure(
				completeSsoSignIn({ callbackUrl: freshCallback, expectedState: fresh.state, redirectUri: ssoRedirectUri() }),
			),
		).toMatchObject({ code: 'LOGIN_STATE_INVALID' })
	})

	test('starts from one network address are throttled', async () => {
		const { providerId } = await createSsoOrganisation({ fake })
		const ipAddress = `2001:db8::${Math.floor(Math.random() * 0xffff).toString(16)}:5`
		for (let i = 0; i < 120; i++) await startSsoSignIn({ providerId, redirectUri: ssoRedirectUri(), ipAddress })
		expect(await failure(startSsoSignIn({ providerId, redirectUri: ssoRedirectUri(), ipAddress }))).toMatchObject({
			kind: 'throttled',
		})
	})

	test('an expired login state is refused', async () => {
		const { providerId, domain } = await createSsoOrganisation({ fake })
		fake.person = person(domain)
		const started = await startSsoSignIn({
			providerId,
			redirectUri: ssoRedirectUri(),
			now: new Date(Date.now() - 11 * 60_000),
		})
		const callbackUrl = await followToCallback(started.url, ssoRedirectUri())
		expect(
			await failure(completeSsoSignIn({ callbackUrl, expectedState: started.state, redirectUri: ssoRedirectUri() })),
		).toMatchObject({ code: 'LOGIN_STATE_INVALID' })
	})

	test('SSO for a domain this organisation has not verified never claims an existing account', async () => {
		const { providerId, domain } = await createSsoOrganisation({ fake, verified: false })
		const existing = await createTestUser({ email: `victim@${domain}` })
		fake.person = person(domain, { email: existing.email })
		const error = await failure(signInThroughFake(providerId))
		expect(error.code).toBe('DOMAIN_NOT_VERIFIED')
		expect(await prisma.userIdentity.count({ where: { userId: existing.id } })).toBe(0)
		expect(await prisma.pendingIdentityLink.count({ where: { userId: existing.id } })).toBe(0)
		expect(await prisma.session.count({ where: { userId: existing.id } })).toBe(0)
	})

	test("another organisation's verified domain does not count", async () => {
		const mine = await createSsoOrganisation({ fake })
		const theirs = await createSsoOrganisation({ fake })
		const existing = await createTestUser({ email: `someone@${theirs.domain}` })
		fake.person = person(theirs.domain, { email: existing.email })
		expect((await failure(signInThroughFake(mine.providerId))).code).toBe('DOMAIN_NOT_VERIFIED')
		expect(await prisma.session.count({ where: { userId: existing.id } })).toBe(0)
	})

	test('an existing password account is linked only after its owner follows the emailed link', async () => {
		const { organisation, providerId, domain } = await createSsoOrganisation({ fake })
		const existing = await createTestUser({ email: `existing-${crypto.randomUUID()}@${domain}` })
		fake.person = person(domain, { email: existing.email })
		const outcome = await signInThroughFake(providerId)
		expect(outcome).toMatchObject({ kind: 'link-sent', email: existing.email })
		expect(await prisma.userIdentity.count({ where: { userId: existing.id } })).toBe(0)
		expect(await prisma.session.count({ where: { userId: existing.id } })).toBe(0)

		const { token, template } = await latestEmailLink({ to: existing.email, path: '/sso/link' })
		expect(template).toBe('sso-link')
		const result = await confirmIdentityLink({ token })
		expect(result).toMatchObject({ kind: 'session', userId: existing.id })
		expect(await prisma.userIdentity.count({ where: { userId: existing.id, providerId } })).toBe(1)
		expect(await prisma.membership.count({ where: { userId: existing.id, organisationId: organisation.id } })).toBe(1)
		expect((await failure(confirmIdentityLink({ token }))).code).toBe('LINK_INVALID')

		// From now on the identity signs them straight in.
		const next = await signInThroughFake(providerId)
		expect(next.kind === 'signed-in' && next.result.userId).toBe(existing.id)
	})

	test('an address that is someone’s confirmed personal one makes no second account: its holder is asked to link', async () => {
		const { organisation, providerId, domain } = await createSsoOrganisation({ fake })
		// Confirmed before the organisation verified the domain (adding it now would be refused).
		const jane = await createTestUser()
		const personal = `jane-${crypto.randomUUID()}@${domain}`
		await prisma.user.update({
			where: { id: jane.id },
			data: { personalEmail: personal, personalEmailVerifiedAt: new Date() },
		})
		fake.person = person(domain, { email: personal })
		const outcome = await signInThroughFake(providerId)
		expect(outcome).toMatchObject({ kind: 'link-sent', email: personal })
		expect(await prisma.user.count({ where: { email: personal } })).toBe(0)
		expect(await prisma.session.count({ where: { userId: jane.id } })).toBe(0)

		const { token, template } = await latestEmailLink({ to: personal, path: '/sso/link' })
		expect(template).toBe('sso-link')
		expect(await confirmIdentityLink({ token })).toMatchObject({ kind: 'session', userId: jane.id })
		expect(await prisma.userIdentity.count({ where: { userId: jane.id, providerId } })).toBe(1)
		expect(await prisma.membership.count({ where: { userId: jane.id, organisationId: organisation.id } })).toBe(1)
		// The link proved the personal mailbox, not the account's own address.
		const after = await prisma.user.findUniqueOrThrow({ where: { id: jane.id }, select: { emailVerifiedAt: true } })
		expect(after.emailVerifiedAt).toBeNull()
	})

	test('a deactivated member and a disabled account are refused', async () => {
		const { organisation, providerId, domain } = await createSsoOrganisation({ fake })
		fake.person = person(domain)
		const first = await signInThroughFake(providerId)
		const userId = first.kind === 'signed-in' ? first.result.userId : ''
		await prisma.membership.update({
			where: { organisationId_userId: { organisationId: organisation.id, userId } },
			data: { deactivatedAt: new Date() },
		})
		expect((await failure(signInThroughFake(providerId))).code).toBe('ACCESS_REMOVED')
		await prisma.membership.update({
			where: { organisationId_userId: { organisationId: organisation.id, userId } },
			data: { deactivatedAt: null },
		})
		await prisma.user.update({ where: { id: userId }, data: { disabledAt: new Date() } })
		expect((await failure(signInThroughFake(providerId))).code).toBe('ACCESS_REMOVED')
	})

	test('someone an admin removed is signed in to their own account but not made a member again, until invited back', async () => {
		const { organisation, providerId, domain } = await createSsoOrganisation({ fake })
		fake.person = person(domain)
		const first = await signInThroughFake(providerId)
		const userId = first.kind === 'signed-in' ? first.result.userId : ''
		const membership = await prisma.membership.findUniqueOrThrow({
			where: { organisationId_userId: { organisationId: organisation.id, userId } },
			select: { id: true },
		})
		await removeMember({ organisationId: organisation.id, membershipId: membership.id, actorId: organisation.owner.id })

		const again = await signInThroughFake(providerId)
		expect(again.kind === 'signed-in' && again.result.userId).toBe(userId)
		expect(await prisma.membership.count({ where: { organisationId: organisation.id, userId } })).toBe(0)

		// Invited back on purpose: the marker goes, and the next sign-in finds them a member.
		await prisma.$transaction((tx) => clearMembershipRemoval(tx, { organisationId: organisation.id, userId }))
		await signInThroughFake(providerId)
		expect(await prisma.membership.count({ where: { organisationId: organisation.id, userId } })).toBe(1)
	})

	test('a secret the provider no longer accepts gives a clear message at sign-in, not a crash', async () => {
		const { organisation, providerId, domain } = await createSsoOrganisation({ fake })
		await prisma.identityProvider.update({
			where: { id: providerId },
			data: { clientSecretEncrypted: encryptSecret('an-expired-secret', clientSecretContext(organisation.id)) },
		})
		fake.person = person(domain)
		const error = await failure(signInThroughFake(providerId))
		expect(error.code).toBe('CLIENT_REJECTED')
		expect(error.message).toContain("refused Circle's client secret")
	})

	test('Google Workspace: a token for another hosted domain is refused', async () => {
		const domain = uniqueDomain('school')
		const { providerId } = await createSsoOrganisation({ fake, domain, kind: 'GOOGLE', hostedDomain: domain })
		fake.person = person(domain, { hd: 'gmail.com' })
		expect((await failure(signInThroughFake(providerId))).code).toBe('TOKEN_REJECTED')
		fake.person = person(domain, { hd: domain })
		expect((await signInThroughFake(providerId)).kind).toBe('signed-in')
	})
})

describe('require single sign-on', () => {
	test('password log-in, reset and sign-up refuse addresses at the domain, pointing to SSO; platform admins keep their password', async () => {
		const { organisation, domain } = await createSsoOrganisation({ fake })
		const member = await createTestUser({ email: `member@${domain}` })
		const admin = await createTestUser({ email: `admin@${domain}`, role: 'ADMIN' })
		const ip = '2001:db8::5150'
		// A reset link asked for before the switch is refused after it.
		await requestPasswordReset({ email: member.email, ipAddress: ip })
		const { token } = await latestEmailLink({ to: member.email, path: '/reset-password' })

		await setRequireSso({ organisationId: organisation.id, actorId: organisation.owner.id, requireSso: true })
		expect(
			await prisma.auditLog.count({ where: { organisationId: organisation.id, action: 'sso.require_sso_changed' } }),
		).toBe(1)

		const login = await failure(logIn({ email: member.email, password: member.password, ipAddress: ip }))
		expect(login).toMatchObject({ code: 'SSO_REQUIRED', field: 'email' })
		expect(login.message).toContain('single sign-on')
		expect((await failure(requestPasswordReset({ email: member.email, ipAddress: ip }))).code).toBe('SSO_REQUIRED')
		expect((await failure(resetPassword({ token, password: 'a brand new passphrase' }))).code).toBe('SSO_REQUIRED')
		expect(
			(
				await failure(
					signUp({ name: 'New Person', email: `new@${domain}`, password: 'a brand new passphrase', ipAddress: ip }),
				)
			).code,
		).toBe('SSO_REQUIRED')
		expect(await prisma.user.count({ where: { email: `new@${domain}` } })).toBe(0)

		// Break-glass: a platform admin at the same domain still signs in with their password.
		await expect(logIn({ email: admin.email, password: admin.password, ipAddress: ip })).resolves.toMatchObject({
			userId: admin.id,
		})

		// Other domains, and the same domain once the switch is off, are untouched.
		const elsewhere = await createTestUser()
		await expect(logIn({ email: elsewhere.email, password: elsewhere.password, ipAddress: ip })).resolves.toBeTruthy()
		await setRequireSso({ organisationId: organisation.id, actorId: organisation.owner.id, requireSso: false })
		await expect(logIn({ email: member.email, password: member.password, ipAddress: ip })).resolves.toBeTruthy()
	})

	test('an unverified domain requires nothing, and only admins of the organisation may switch it', async () => {
		const { organisation, domain } = await createSsoOrganisation({ fake, verified: false })
		await setRequireSso({ organisationId: organisation.id, actorId: organisation.owner.id, requireSso: true })
		const member = await createTestUser({ email: `member@${domain}` })
		await expect(
			logIn({ email: member.email, password: member.password, ipAddress: '2001:db8::5151' }),
		).resolves.toBeTruthy()
		const plain = await addMember({ organisationId: organisation.id })
		expect(
			(await failure(setRequireSso({ organisationId: organisation.id, actorId: plain.id, requireSso: false }))).kind,
		).toBe('forbidden')
	})
})

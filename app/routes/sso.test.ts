import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { claimDomain } from '#modules/sso/domains.ts'
import { setRequireSso } from '#modules/sso/providers.ts'
import { createTestUser, formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { createSsoOrganisation, ssoRedirectUri } from '#tests/factories/sso.ts'
import { type FakeOidcProvider, followToCallback, startFakeOidcProvider } from '#tests/fakes/oidc-provider.ts'
import { action as loginAction } from './_auth.login.tsx'
import { loader as callbackLoader } from './_auth.sso.callback.tsx'
import { action as startAction } from './_auth.sso.start.tsx'
import { action as adminOrgAction, loader as adminOrgLoader } from './admin.organisations.$id.tsx'
import { action as settingsAction, loader as settingsLoader } from './org.$slug.settings.sign-in.tsx'

let fake: FakeOidcProvider
beforeAll(async () => {
	fake = await startFakeOidcProvider({ redirectUris: [ssoRedirectUri()] })
})
afterAll(async () => {
	await fake.close()
	await releaseTestResources()
})

type Handler = (args: never) => Promise<unknown>
function call<T extends Handler>(handler: T, request: Request, params: Record<string, string> = {}) {
	const args = { request, params, context: { clientIp: '2001:db8::99', cspNonce: 'test' } }
	return (handler as unknown as (a: typeof args) => Promise<unknown>)(args).catch((thrown: unknown) => thrown)
}
function statusOf(outcome: unknown) {
	if (outcome instanceof Response) return outcome.status
	return (outcome as { init?: { status?: number } | null })?.init?.status ?? 200
}
function dataOf<T>(outcome: unknown): T {
	return ((outcome as { data?: unknown }).data ?? outcome) as T
}
function cookieValue(response: Response, name: string) {
	for (const cookie of response.headers.getSetCookie()) {
		if (cookie.startsWith(`${name}=`)) return cookie.slice(name.length + 1).split(';')[0]!
	}
	return null
}

describe('sign-in settings', () => {
	test("another organisation's admin gets a 404, a plain member a 403, for the page and every write", async () => {
		const { organisation } = await createSsoOrganisation({ fake })
		const other = await createOrganisation()
		const member = await addMember({ organisationId: organisation.id })
		const path = `/org/${organisation.slug}/settings/sign-in`
		const params = { slug: organisation.slug }
		for (const [userId, status] of [
			[other.owner.id, 404],
			[member.id, 403],
		] as const) {
			const cookie = await sessionCookie(userId)
			expect(statusOf(await call(settingsLoader, getRequest(path, { cookie }), params))).toBe(status)
			const writes: Array<Record<string, string>> = [
				{ intent: 'require-sso', requireSso: 'on' },
				{ intent: 'claim-domain', domain: 'stolen.example.org' },
				{ intent: 'save-provider', kind: 'OIDC', issuer: fake.issuer, clientId: 'x', clientSecret: 'y' },
			]
			for (const fields of writes) {
				expect(statusOf(await call(settingsAction, formRequest(path, fields, { cookie }), params))).toBe(status)
			}
		}
		const provider = await prisma.identityProvider.findUniqueOrThrow({ where: { organisationId: organisation.id } })
		expect(provider.requireSso).toBe(false)
		expect(await prisma.organisationDomain.count({ where: { domain: 'stolen.example.org' } })).toBe(0)
	})

	test('the page never shows the secret; a non-OIDC address is refused beside its field and nothing changes', async () => {
		const { organisation } = await createSsoOrganisation({ fake })
		const cookie = await sessionCookie(organisation.owner.id)
		const path = `/org/${organisation.slug}/settings/sign-in`
		const page = await call(settingsLoader, getRequest(path, { cookie }), { slug: organisation.slug })
		expect(JSON.stringify(page)).not.toContain(fake.clientSecret)
		expect(dataOf<{ provider: { hasSecret: boolean } }>(page).provider.hasSecret).toBe(true)

		const reply = await call(
			settingsAction,
			formRequest(
				path,
				{
					intent: 'save-provider',
					kind: 'OIDC',
					issuer: `${fake.issuer}/not-here`,
					clientId: 'other',
					clientSecret: 'z',
					enabled: 'on',
				},
				{ cookie },
			),
			{ slug: organisation.slug },
		)
		expect(statusOf(reply)).toBe(422)
		const body = dataOf<{ fieldErrors: Record<string, string[]>; values: Record<string, string> }>(reply)
		expect(body.fieldErrors.issuer?.[0]).toContain('is not an OpenID Connect issuer')
		expect(body.values.clientId).toBe('other')
		expect(JSON.stringify(body)).not.toContain('"z"')
		const provider = await prisma.identityProvider.findUniqueOrThrow({ where: { organisationId: organisation.id } })
		expect(provider.clientId).toBe(fake.clientId)
	})

	test('any signed-in user’s own organisation: an internal issuer is one refusal beside the field, not a port scan', async () => {
		// The reported attack: create an organisation, then save https://10.0.3.7:8443 as its issuer.
		const organisation = await createOrganisation()
		const cookie = await sessionCookie(organisation.owner.id)
		const path = `/org/${organisation.slug}/settings/sign-in`
		const messages = new Set<string>()
		for (const issuer of ['https://10.0.3.7:8443', 'https://10.0.3.7:22', 'https://169.254.169.254']) {
			const fields = { intent: 'save-provider', kind: 'OIDC', issuer, clientId: 'x', clientSecret: 'y', enabled: 'on' }
			const started = Date.now()
			const reply = await call(settingsAction, formRequest(path, fields, { cookie }), { slug: organisation.slug })
			expect(statusOf(reply)).toBe(422)
			// Refused before any connection: no wait for a timeout that would say whether the host is there.
			expect(Date.now() - started).toBeLessThan(2_000)
			const body = dataOf<{ fieldErrors: Record<string, string[]> }>(reply)
			expect(Object.keys(body.fieldErrors)).toEqual(['issuer'])
			messages.add(body.fieldErrors.issuer![0]!)
		}
		expect([...messages]).toEqual(['The issuer must be a public address, not one inside Circle’s own network'])
		expect(await prisma.identityProvider.count({ where: { organisationId: organisation.id } })).toBe(0)
	})

	test('a platform admin verifies a claim from the admin page', async () => {
		const { organisation, domainId } = await createSsoOrganisation({ fake, verified: false })
		const admin = await createTestUser({ role: 'ADMIN' })
		const path = `/admin/organisations/${organisation.id}`
		const reply = await call(
			adminOrgAction,
			formRequest(path, { intent: 'verify-domain', domainId }, { cookie: await sessionCookie(admin.id) }),
			{ id: organisation.id },
		)
		expect(dataOf<{ ok: boolean }>(reply).ok).toBe(true)
		const claim = await prisma.organisationDomain.findUniqueOrThrow({ where: { id: domainId } })
		expect(claim.verifiedBy).toBe('ADMIN')
		const entry = await prisma.auditLog.findFirstOrThrow({
			where: { targetId: domainId, action: 'sso.domain_verified' },
		})
		expect(entry).toMatchObject({ actorId: admin.id, ipAddress: '2001:db8::99', userAgent: 'vitest' })
	})

	test('a domain another organisation verified first: the admin page refuses to verify it, and both pages say so', async () => {
		const real = await createSsoOrganisation({ fake })
		const squatter = await createOrganisation()
		// Claimed after the real organisation verified it: refused beside the field.
		const path = `/org/${squatter.slug}/settings/sign-in`
		const cookie = await sessionCookie(squatter.owner.id)
		const refused = await call(
			settingsAction,
			formRequest(path, { intent: 'claim-domain', domain: real.domain }, { cookie }),
			{ slug: squatter.slug },
		)
		expect(statusOf(refused)).toBe(409)
		expect(dataOf<{ fieldErrors: Record<string, string[]> }>(refused).fieldErrors.domain?.[0]).toContain(
			'verified by another organisation',
		)
		// A claim made while it was still pending (written here as it would have been then).
		await prisma.organisationDomain.updateMany({ where: { domain: real.domain }, data: { verifiedAt: null } })
		const squatted = await claimDomain({ organisationId: squatter.id, actorId: squatter.owner.id, domain: real.domain })
		await prisma.organisationDomain.update({ where: { id: real.domainId }, data: { verifiedAt: new Date() } })

		const admin = await createTestUser({ role: 'ADMIN' })
		const reply = await call(
			adminOrgAction,
			formRequest(
				`/admin/organisations/${squatter.id}`,
				{ intent: 'verify-domain', domainId: squatted.id },
				{ cookie: await sessionCookie(admin.id) },
			),
			{ id: squatter.id },
		)
		expect(statusOf(reply)).toBe(409)
		expect(dataOf<{ ok: boolean; message: string }>(reply)).toMatchObject({ ok: false, code: 'DOMAIN_TAKEN' })
		expect((await prisma.organisationDomain.findUniqueOrThrow({ where: { id: squatted.id } })).verifiedAt).toBeNull()
		const adminPage = await call(
			adminOrgLoader,
			getRequest(`/admin/organisations/${squatter.id}`, { cookie: await sessionCookie(admin.id) }),
			{ id: squatter.id },
		)
		expect(dataOf<{ domains: Array<{ status: string }> }>(adminPage).domains).toMatchObject([
			{ status: 'verified-elsewhere' },
		])

		const page = await call(settingsLoader, getRequest(path, { cookie }), { slug: squatter.slug })
		expect(dataOf<{ domains: Array<{ domain: string; status: string }> }>(page).domains).toMatchObject([
			{ domain: real.domain, status: 'verified-elsewhere' },
		])
	})
})

describe('log-in with single sign-on', () => {
	test('an address without a password goes to its organisation’s provider, and the callback signs the person in', async () => {
		const { domain } = await createSsoOrganisation({ fake })
		const sub = `sub-${crypto.randomUUID()}`
		fake.person = { sub, email: `${sub}@${domain}`, name: 'Rhys Evans', email_verified: true }
		const started = (await call(
			loginAction,
			formRequest('/login', { email: fake.person.email!, password: '' }),
		)) as Response
		expect(started.status).toBe(302)
		const location = started.headers.get('Location')!
		expect(location.startsWith(fake.issuer)).toBe(true)
		expect(new URL(location).searchParams.get('login_hint')).toBe(fake.person.email)
		const state = cookieValue(started, 'circle_sso')!
		expect(state).toBeTruthy()

		const callbackUrl = await followToCallback(location, ssoRedirectUri())
		const callbackPath = `${callbackUrl.pathname}${callbackUrl.search}`
		// Without the browser's state cookie (another browser, a forged link) nothing happens.
		const refused = await call(callbackLoader, getRequest(callbackPath))
		expect(statusOf(refused)).toBe(422)
		expect(dataOf<{ message: string }>(refused).message).toContain('start again')

		// A fresh sign-in with the cookie succeeds.
		const again = (await call(startAction, formRequest('/sso/start', { email: fake.person.email! }))) as Response
		const againCallback = await followToCallback(again.headers.get('Location')!, ssoRedirectUri())
		const signedIn = (await call(
			callbackLoader,
			getRequest(`${againCallback.pathname}${againCallback.search}`, {
				cookie: `circle_sso=${cookieValue(again, 'circle_sso')}`,
			}),
		)) as Response
		expect(signedIn.status).toBe(302)
		expect(signedIn.headers.get('Location')).toBe('/dashboard')
		expect(signedIn.headers.getSetCookie().some((c) => c.startsWith('circle_sso=;'))).toBe(true)
		expect(await prisma.user.count({ where: { email: fake.person.email! } })).toBe(1)
	})

	test('an address at a domain without SSO asks for the password as before', async () => {
		const reply = await call(loginAction, formRequest('/login', { email: 'someone@example.org', password: '' }))
		expect(statusOf(reply)).toBe(400)
		const start = await call(startAction, formRequest('/sso/start', { email: 'someone@example.org' }))
		expect(statusOf(start)).toBe(400)
		expect(JSON.stringify(dataOf(start))).toContain('No organisation on Circle signs in this address')
	})

	test('with SSO required, a password log-in is refused with a message pointing to SSO', async () => {
		const { organisation, domain } = await createSsoOrganisation({ fake })
		const member = await createTestUser({ email: `member@${domain}` })
		await setRequireSso({ organisationId: organisation.id, actorId: organisation.owner.id, requireSso: true })
		const reply = await call(loginAction, formRequest('/login', { email: member.email, password: member.password }))
		expect(statusOf(reply)).toBe(403)
		expect(JSON.stringify(dataOf(reply))).toContain('signs you in with single sign-on')
	})
})

// SCIM 2.0 over the route handlers, with the requests Microsoft Entra ID's provisioning service
// sends: create, filter by userName, PATCH active "False", and the rest. Real PostgreSQL, real
// tokens made as the settings page makes them.
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { claimSeat } from '#modules/organisations/claim-seat.ts'
import { createSession, validateSessionToken } from '#modules/auth/sessions.ts'
import { revokeScimToken } from '#modules/scim/tokens.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createCertificate } from '#tests/factories/certificates.ts'
import { markLessonsCompleted } from '#tests/factories/learning.ts'
import { addMember, createOrganisation, createSeatPool } from '#tests/factories/organisations.ts'
import { ENTRA_DEACTIVATE, entraCreateUser, scimTokenFor, uniqueDomain, verifiedDomain } from '#tests/factories/scim.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { loader as orgLoader } from './org.$slug.tsx'
import { loader as providerConfigLoader } from './scim.v2.ServiceProviderConfig.ts'
import { loader as resourceTypesLoader } from './scim.v2.ResourceTypes.ts'
import { loader as schemasLoader } from './scim.v2.Schemas.ts'
import { action as userAction, loader as userLoader } from './scim.v2.Users.$id.ts'
import { action as usersAction, loader as usersLoader } from './scim.v2.Users.ts'

afterAll(releaseTestResources)

const IP = '198.51.100.23'
const context = { clientIp: IP, cspNonce: 'test' }

type Call = { token?: string | null; body?: unknown; raw?: string }

/** One SCIM request to /scim/v2/<path>, through the route that answers it, as Entra sends it. */
async function scim(method: string, path: string, { token, body, raw }: Call = {}) {
	const headers = new Headers({ 'User-Agent': 'Azure-AD-SCIM-Service/1.0', Accept: 'application/scim+json' })
	if (token) headers.set('Authorization', `Bearer ${token}`)
	let payload: string | undefined
	if (raw !== undefined || body !== undefined) {
		payload = raw ?? JSON.stringify(body)
		headers.set('Content-Type', 'application/scim+json')
	}
	const request = new Request(`http://circle.test/scim/v2/${path}`, { method, headers, body: payload })
	const [resource, id] = new URL(request.url).pathname.split('/').slice(3)
	let response: Response
	if (resource === 'Users' && id) {
		const args = { request, params: { id }, context } as never
		response = (await (method === 'GET' ? userLoader(args) : userAction(args))) as Response
	} else if (resource === 'Users') {
		const args = { request, params: {}, context } as never
		response = (await (method === 'GET' ? usersLoader(args) : usersAction(args))) as Response
	} else {
		const args = { request, params: {}, context } as never
		const loader = {
			ServiceProviderConfig: providerConfigLoader,
			ResourceTypes: resourceTypesLoader,
			Schemas: schemasLoader,
		}[resource as 'Schemas']
		response = (await loader(args)) as Response
	}
	const text = await response.text()
	return {
		status: response.status,
		headers: response.headers,
		// SCIM documents are read loosely here; each test states the shape it expects with toMatchObject.
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		json: text ? (JSON.parse(text) as Record<string, any>) : null,
	}
}

function expectScimError(res: Awaited<ReturnType<typeof scim>>, status: number, scimType?: string) {
	expect(res.status).toBe(status)
	expect(res.headers.get('Content-Type')).toMatch(/^application\/scim\+json/)
	expect(res.json).toMatchObject({
		schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
		status: String(status),
		detail: expect.any(String),
	})
	if (scimType) expect(res.json!.scimType).toBe(scimType)
}

async function provisionedOrg({ verified = true } = {}) {
	const org = await createOrganisation()
	const domain = verified ? await verifiedDomain(org.id) : uniqueDomain('elsewhere')
	const { token, prefix, id: tokenId } = await scimTokenFor(org)
	return { org, domain, token, prefix, tokenId }
}

function address(domain: string, label = 'priya') {
	return `${label}.${Math.random().toString(36).slice(2, 8)}@${domain}`
}

async function counts() {
	return { users: await prisma.user.count(), memberships: await prisma.membership.count() }
}

describe('SCIM create and match (as Entra ID sends them)', () => {
	test('POST /Users creates the account and membership, email verified at a verified domain, and audits it', async () => {
		const { org, domain, token, prefix } = await provisionedOrg()
		const email = address(domain)
		const body = entraCreateUser({ userName: email, externalId: 'entra-object-1' })
		const res = await scim('POST', 'Users', { token, body })
		expect(res.status).toBe(201)
		expect(res.headers.get('Content-Type')).toMatch(/^application\/scim\+json/)
		expect(res.json).toMatchObject({
			schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
			externalId: 'entra-object-1',
			userName: email,
			active: true,
			displayName: 'Priya Patel',
			emails: [{ value: email, type: 'work', primary: true }],
			meta: { resourceType: 'User', location: `http://circle.test/scim/v2/Users/${res.json!.id}` },
		})
		expect(res.headers.get('Location')).toBe(res.json!.meta.location)
		const membership = await prisma.membership.findUniqueOrThrow({
			where: { id: res.json!.id },
			select: {
				organisationId: true,
				role: true,
				externalId: true,
				user: { select: { name: true, emailVerifiedAt: true } },
			},
		})
		expect(membership).toMatchObject({ organisationId: org.id, role: 'MEMBER', externalId: 'entra-object-1' })
		expect(membership.user.name).toBe('Priya Patel')
		expect(membership.user.emailVerifiedAt).not.toBeNull()
		const entry = await prisma.auditLog.findFirstOrThrow({
			where: { targetId: res.json!.id, action: 'scim.user_created' },
		})
		expect(entry).toMatchObject({
			actorId: null,
			organisationId: org.id,
			ipAddress: IP,
			userAgent: 'Azure-AD-SCIM-Service/1.0',
		})
		expect(entry.details).toMatchObject({ via: 'scim', tokenPrefix: prefix, email, accountCreated: true })
	})

	test('an address at a domain the organisation has not verified gets an account, but an unverified one', async () => {
		const { domain, token } = await provisionedOrg({ verified: false })
		const email = address(domain)
		const res = await scim('POST', 'Users', { token, body: entraCreateUser({ userName: email }) })
		expect(res.status).toBe(201)
		const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { emailVerifiedAt: true } })
		expect(user.emailVerifiedAt).toBeNull()
	})

	test('GET /Users?filter=userName eq finds the person (userName kept even when it is not their email), and externalId eq too', async () => {
		const { domain, token } = await provisionedOrg()
		const email = address(domain)
		const userName = `P.Patel@${domain.toUpperCase()}`
		const created = await scim('POST', 'Users', {
			token,
			body: entraCreateUser({ userName, email, externalId: 'ext-42' }),
		})
		expect(created.status).toBe(201)
		const found = await scim('GET', `Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`, { token })
		expect(found.status).toBe(200)
		expect(found.json).toMatchObject({
			schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
			totalResults: 1,
			startIndex: 1,
			itemsPerPage: 1,
			Resources: [{ id: created.json!.id, emails: [{ value: email }] }],
		})
		const byExternal = await scim('GET', `Users?filter=${encodeURIComponent('externalId eq "ext-42"')}`, { token })
		expect(byExternal.json).toMatchObject({ totalResults: 1, Resources: [{ id: created.json!.id }] })
		const nobody = await scim('GET', `Users?filter=${encodeURIComponent('userName eq "nobody@example.org"')}`, {
			token,
		})
		expect(nobody.json).toMatchObject({ totalResults: 0, Resources: [] })
	})

	test('a member who joined before provisioning is matched by email, and POST takes them over', async () => {
		const { org, token } = await provisionedOrg()
		const member = await addMember({ organisationId: org.id })
		const found = await scim('GET', `Users?filter=${encodeURIComponent(`userName eq "${member.email}"`)}`, { token })
		expect(found.json).toMatchObject({ totalResults: 1, Resources: [{ id: member.membershipId }] })
		const taken = await scim('POST', 'Users', {
			token,
			body: entraCreateUser({ userName: member.email, externalId: 'x-1' }),
		})
		expect(taken.status).toBe(201)
		expect(taken.json!.id).toBe(member.membershipId)
		// The account is the person's own (not at a verified domain): the organisation does not rename it.
		expect(taken.json!.displayName).toBe(member.name)
		const again = await scim('POST', 'Users', { token, body: entraCreateUser({ userName: member.email }) })
		expectScimError(again, 409, 'uniqueness')
	})

	test('an unsupported filter is 400 invalidFilter, never a full listing', async () => {
		const { token } = await provisionedOrg()
		for (const filter of [
			'userName co "a"',
			'displayName eq "x"',
			'userName eq x',
			'userName eq "a" or userName eq "b"',
		]) {
			const res = await scim('GET', `Users?filter=${encodeURIComponent(filter)}`, { token })
			expectScimError(res, 400, 'invalidFilter')
		}
	})

	test('listing pages with startIndex and count', async () => {
		const { domain, token } = await provisionedOrg()
		for (const n of [1, 2, 3]) {
			await scim('POST', 'Users', { token, body: entraCreateUser({ userName: address(domain, `p${n}`) }) })
		}
		const page = await scim('GET', 'Users?startIndex=2&count=1', { token })
		// The owner is a member too: four users.
		expect(page.json).toMatchObject({ totalResults: 4, startIndex: 2, itemsPerPage: 1 })
		expect(page.json!.Resources).toHaveLength(1)
	})
})

describe('bad input saves nothing and answers in the RFC error format', () => {
	test('a body that is not JSON is 400 invalidSyntax', async () => {
		const { token } = await provisionedOrg()
		const before = await counts()
		const res = await scim('POST', 'Users', { token, raw: '{"userName": "half' })
		expectScimError(res, 400, 'invalidSyntax')
		expect(await counts()).toEqual(before)
	})

	test('a body without userName is 400 invalidValue', async () => {
		const { domain, token } = await provisionedOrg()
		const before = await counts()
		const { userName: _dropped, ...body } = entraCreateUser({ userName: address(domain) })
		const res = await scim('POST', 'Users', { token, body })
		expectScimError(res, 400, 'invalidValue')
		expect(res.json!.detail).toMatch(/userName/)
		expect(await counts()).toEqual(before)
	})

	test('no email address anywhere, a NUL byte, or an empty body: 400 and nothing saved', async () => {
		const { token } = await provisionedOrg()
		const before = await counts()
		const noEmail = await scim('POST', 'Users', { token, body: { userName: 'not-an-email', active: true } })
		expectScimError(noEmail, 400, 'invalidValue')
		const nul = await scim('POST', 'Users', { token, body: { userName: 'a\u0000b@example.org' } })
		expectScimError(nul, 400, 'invalidValue')
		const empty = await scim('POST', 'Users', { token, raw: '' })
		expectScimError(empty, 400)
		expect(await counts()).toEqual(before)
	})

	test('a body over the size limit is 413', async () => {
		const { token } = await provisionedOrg()
		const res = await scim('POST', 'Users', { token, raw: JSON.stringify({ userName: 'x'.repeat(70_000) }) })
		expect(res.status).toBe(413)
		expect(res.json).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '413' })
	})
})

describe('tokens', () => {
	test('no token, a wrong token and a revoked token are 401', async () => {
		const { org, token, tokenId } = await provisionedOrg()
		expectScimError(await scim('GET', 'Users'), 401)
		expectScimError(await scim('GET', 'Users', { token: `${token.slice(0, -2)}xx` }), 401)
		expect((await scim('GET', 'Users', { token })).status).toBe(200)
		await revokeScimToken({ organisationId: org.id, tokenId, actorId: org.owner.id, now: new Date() })
		const revoked = await scim('GET', 'Users', { token })
		expectScimError(revoked, 401)
		expect(revoked.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
		expectScimError(await scim('POST', 'Users', { token, body: entraCreateUser({ userName: 'a@example.org' }) }), 401)
	})

	test('only the hash and a short prefix are stored; lastUsedAt is written at most once a minute', async () => {
		const { token, tokenId } = await provisionedOrg()
		const row = await prisma.scimToken.findUniqueOrThrow({ where: { id: tokenId } })
		expect(JSON.stringify(row)).not.toContain(token)
		expect(token.startsWith(row.prefix)).toBe(true)
		expect(row.prefix.length).toBeLessThan(20)
		await scim('GET', 'Users', { token })
		const first = (await prisma.scimToken.findUniqueOrThrow({ where: { id: tokenId } })).lastUsedAt
		expect(first).not.toBeNull()
		await scim('GET', 'Users', { token })
		expect((await prisma.scimToken.findUniqueOrThrow({ where: { id: tokenId } })).lastUsedAt).toEqual(first)
	})

	test('one organisation’s token can neither read nor change another organisation’s users', async () => {
		const a = await provisionedOrg()
		const b = await provisionedOrg()
		const bEmail = address(b.domain)
		const bUser = await scim('POST', 'Users', {
			token: b.token,
			body: entraCreateUser({ userName: bEmail, externalId: 'b-ext' }),
		})
		const id = bUser.json!.id as string

		expectScimError(await scim('GET', `Users/${id}`, { token: a.token }), 404)
		for (const filter of [`userName eq "${bEmail}"`, 'externalId eq "b-ext"', `id eq "${id}"`]) {
			const res = await scim('GET', `Users?filter=${encodeURIComponent(filter)}`, { token: a.token })
			expect(res.json).toMatchObject({ totalResults: 0 })
		}
		const all = await scim('GET', 'Users', { token: a.token })
		expect(all.json!.Resources.map((r: { id: string }) => r.id)).not.toContain(id)
		expectScimError(await scim('PATCH', `Users/${id}`, { token: a.token, body: ENTRA_DEACTIVATE }), 404)
		expectScimError(
			await scim('PUT', `Users/${id}`, {
				token: a.token,
				body: { ...entraCreateUser({ userName: bEmail }), active: false },
			}),
			404,
		)
		expectScimError(await scim('DELETE', `Users/${id}`, { token: a.token }), 404)
		// POSTing B's person with A's token makes a membership of A, and leaves B's untouched.
		await scim('POST', 'Users', { token: a.token, body: entraCreateUser({ userName: bEmail, externalId: 'b-ext' }) })

		const still = await prisma.membership.findUniqueOrThrow({
			where: { id },
			select: { deactivatedAt: true, externalId: true, organisationId: true },
		})
		expect(still).toEqual({ deactivatedAt: null, externalId: 'b-ext', organisationId: b.org.id })
		expect((await scim('GET', `Users/${id}`, { token: b.token })).json).toMatchObject({ active: true })
	})
})

describe('deactivation', () => {
	async function leaverWithSeat() {
		const fx = await provisionedOrg()
		const email = address(fx.domain)
		const created = await scim('POST', 'Users', { token: fx.token, body: entraCreateUser({ userName: email }) })
		const userId = (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id
		const pool = await createSeatPool({ organisationId: fx.org.id, seats: 3 })
		await claimSeat({ poolId: pool.id, userId })
		return { ...fx, email, userId, pool, id: created.json!.id as string }
	}

	test('PATCH active "False" ends every session at once, returns an unstarted seat, keeps certificates, and audits it', async () => {
		const fx = await leaverWithSeat()
		const { certificate } = await createCertificate({ userId: fx.userId })
		const { token: sessionToken } = await createSession({ userId: fx.userId })
		await createSession({ userId: fx.userId })
		expect(await validateSessionToken(sessionToken)).not.toBeNull()
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: fx.pool.id } })).used).toBe(1)

		const res = await scim('PATCH', `Users/${fx.id}`, { token: fx.token, body: ENTRA_DEACTIVATE })
		expect(res.status).toBe(200)
		expect(res.json).toMatchObject({ id: fx.id, active: false })

		expect(await validateSessionToken(sessionToken)).toBeNull()
		expect(await prisma.session.count({ where: { userId: fx.userId } })).toBe(0)
		expect((await prisma.membership.findUniqueOrThrow({ where: { id: fx.id } })).deactivatedAt).not.toBeNull()
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: fx.pool.id } })).used).toBe(0)
		const seat = await prisma.seatAssignment.findFirstOrThrow({ where: { poolId: fx.pool.id, userId: fx.userId } })
		expect(seat.status).toBe('REVOKED')
		// Their own records stay theirs; the account itself is not disabled (ADR 0026).
		expect(await prisma.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).toMatchObject({
			revokedAt: null,
		})
		expect((await prisma.user.findUniqueOrThrow({ where: { id: fx.userId } })).disabledAt).toBeNull()

		const entry = await prisma.auditLog.findFirstOrThrow({
			where: { targetId: fx.id, action: 'scim.user_deactivated' },
		})
		expect(entry).toMatchObject({ actorId: null, organisationId: fx.org.id, ipAddress: IP })
		expect(entry.details).toMatchObject({
			via: 'scim',
			tokenPrefix: fx.prefix,
			identityOwned: true,
			sessionsEnded: 2,
			seatsEnded: 1,
			seatsReturned: 1,
		})
		const seatEntry = await prisma.auditLog.findFirstOrThrow({ where: { targetId: seat.id, action: 'seat.leaver' } })
		expect(seatEntry).toMatchObject({ actorId: null, organisationId: fx.org.id, ipAddress: IP })
	})

	test('a leaver’s started seat goes back to the pool, and their progress is kept', async () => {
		const fx = await leaverWithSeat()
		const enrolment = await prisma.enrolment.findFirstOrThrow({
			where: { userId: fx.userId, courseId: fx.pool.course.id },
		})
		await markLessonsCompleted({
			userId: fx.userId,
			enrolmentId: enrolment.id,
			lessons: fx.pool.course.lessons.slice(0, 1),
		})
		await scim('PATCH', `Users/${fx.id}`, { token: fx.token, body: ENTRA_DEACTIVATE })
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: fx.pool.id } })).used).toBe(0)
		expect(await prisma.lessonProgress.count({ where: { userId: fx.userId } })).toBe(1)
		expect(await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).toMatchObject({
			status: 'REVOKED',
		})
	})

	test('a leaver who completed the course keeps the seat spent: one seat cannot certify a string of accounts', async () => {
		const fx = await leaverWithSeat()
		await prisma.enrolment.updateMany({
			where: { userId: fx.userId, courseId: fx.pool.course.id },
			data: { startedAt: new Date(), completedAt: new Date() },
		})
		await scim('PATCH', `Users/${fx.id}`, { token: fx.token, body: ENTRA_DEACTIVATE })
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: fx.pool.id } })).used).toBe(1)
		const seat = await prisma.seatAssignment.findFirstOrThrow({ where: { poolId: fx.pool.id, userId: fx.userId } })
		expect(seat.status).toBe('REVOKED')
	})

	test('two deactivations of one person at once end their seat once, and both succeed', async () => {
		const fx = await leaverWithSeat()
		const colleague = await addMember({ organisationId: fx.org.id })
		await claimSeat({ poolId: fx.pool.id, userId: colleague.id })
		const [first, second] = await Promise.all([
			scim('PATCH', `Users/${fx.id}`, { token: fx.token, body: ENTRA_DEACTIVATE }),
			scim('PATCH', `Users/${fx.id}`, { token: fx.token, body: ENTRA_DEACTIVATE }),
		])
		expect([first.status, second.status]).toEqual([200, 200])
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: fx.pool.id } })).used).toBe(1)
		expect(await prisma.auditLog.count({ where: { organisationId: fx.org.id, action: 'seat.leaver' } })).toBe(1)
		expect(await prisma.auditLog.count({ where: { targetId: fx.id, action: 'scim.user_deactivated' } })).toBe(1)
	})

	test('PATCH without a path ({active:false}) deactivates too, and active true reactivates without restoring seats', async () => {
		const fx = await leaverWithSeat()
		const off = await scim('PATCH', `Users/${fx.id}`, {
			token: fx.token,
			body: {
				schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
				Operations: [{ op: 'replace', value: { active: false } }],
			},
		})
		expect(off.json).toMatchObject({ active: false })
		const on = await scim('PATCH', `Users/${fx.id}`, {
			token: fx.token,
			body: {
				schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
				Operations: [{ op: 'Replace', path: 'active', value: 'True' }],
			},
		})
		expect(on.json).toMatchObject({ active: true })
		expect((await prisma.membership.findUniqueOrThrow({ where: { id: fx.id } })).deactivatedAt).toBeNull()
		expect(await prisma.seatAssignment.count({ where: { userId: fx.userId, status: 'ASSIGNED' } })).toBe(0)
		expect(await prisma.auditLog.count({ where: { targetId: fx.id, action: 'scim.user_reactivated' } })).toBe(1)
	})

	test('a deactivated administrator is refused the organisation’s pages at once', async () => {
		const fx = await provisionedOrg({ verified: false })
		const admin = await addMember({ organisationId: fx.org.id, role: 'ADMIN' })
		const cookie = await sessionCookie(admin.id)
		const args = (c: string) =>
			({
				request: new Request(`http://circle.test/org/${fx.org.slug}`, { headers: { Cookie: c } }),
				params: { slug: fx.org.slug },
				context,
			}) as never
		expect(await orgLoader(args(cookie))).toMatchObject({ organisation: { id: fx.org.id } })
		await scim('PATCH', `Users/${admin.membershipId}`, { token: fx.token, body: ENTRA_DEACTIVATE })
		// Their address is not at a domain the organisation owns: the account keeps its session,
		// but the organisation is closed to it.
		expect(await prisma.session.count({ where: { userId: admin.id } })).toBe(1)
		const refused = await orgLoader(args(cookie)).catch((thrown: unknown) => thrown)
		expect((refused as { init?: { status?: number } }).init?.status).toBe(404)
	})

	test('PUT with active false deactivates; DELETE removes the membership but keeps the account', async () => {
		const fx = await leaverWithSeat()
		const put = await scim('PUT', `Users/${fx.id}`, {
			token: fx.token,
			body: { ...entraCreateUser({ userName: fx.email, givenName: 'Priya', familyName: 'Shah' }), active: false },
		})
		expect(put.json).toMatchObject({ active: false, displayName: 'Priya Shah' })
		expect(await prisma.seatAssignment.count({ where: { userId: fx.userId, status: 'ASSIGNED' } })).toBe(0)

		const del = await scim('DELETE', `Users/${fx.id}`, { token: fx.token })
		expect(del.status).toBe(204)
		expect(await prisma.membership.findUnique({ where: { id: fx.id } })).toBeNull()
		expect(await prisma.user.findUnique({ where: { id: fx.userId } })).not.toBeNull()
		expectScimError(await scim('GET', `Users/${fx.id}`, { token: fx.token }), 404)
		expect(await prisma.auditLog.count({ where: { targetId: fx.id, action: 'scim.user_deleted' } })).toBe(1)
	})

	test('DELETE of an active person ends their sessions and seats as deactivation does', async () => {
		const fx = await leaverWithSeat()
		await createSession({ userId: fx.userId })
		expect((await scim('DELETE', `Users/${fx.id}`, { token: fx.token })).status).toBe(204)
		expect(await prisma.session.count({ where: { userId: fx.userId } })).toBe(0)
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: fx.pool.id } })).used).toBe(0)
	})
})

describe('updates', () => {
	test('PATCH name parts renames a person whose identity the organisation owns, and audits the change', async () => {
		const { domain, token } = await provisionedOrg()
		const email = address(domain)
		const { json } = await scim('POST', 'Users', { token, body: entraCreateUser({ userName: email }) })
		const res = await scim('PATCH', `Users/${json!.id}`, {
			token,
			body: {
				schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
				Operations: [
					{ op: 'Replace', path: 'name.familyName', value: 'Okafor' },
					{ op: 'Replace', path: 'title', value: 'Ward sister' },
					{ op: 'Add', path: 'externalId', value: 'new-ext' },
				],
			},
		})
		expect(res.status).toBe(200)
		expect(res.json).toMatchObject({ displayName: 'Priya Okafor', externalId: 'new-ext' })
		const entry = await prisma.auditLog.findFirstOrThrow({ where: { targetId: json!.id, action: 'scim.user_updated' } })
		expect(entry.details).toMatchObject({ changes: { name: { from: 'Priya Patel', to: 'Priya Okafor' } } })
	})

	test('an email change is allowed only between the organisation’s verified domains', async () => {
		const { org, domain, token } = await provisionedOrg()
		const email = address(domain)
		const { json } = await scim('POST', 'Users', { token, body: entraCreateUser({ userName: email }) })
		const patch = (value: string) =>
			scim('PATCH', `Users/${json!.id}`, {
				token,
				body: {
					schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
					Operations: [{ op: 'Replace', path: 'emails[type eq "work"].value', value }],
				},
			})
		expectScimError(await patch('someone@gmail.test'), 400, 'mutability')
		const other = await verifiedDomain(org.id)
		const moved = await patch(`priya@${other}`)
		expect(moved.json).toMatchObject({ emails: [{ value: `priya@${other}` }] })
	})

	test('an unknown op or a bad active value is 400 and changes nothing', async () => {
		const { domain, token } = await provisionedOrg()
		const { json } = await scim('POST', 'Users', { token, body: entraCreateUser({ userName: address(domain) }) })
		const bad = await scim('PATCH', `Users/${json!.id}`, {
			token,
			body: {
				schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
				Operations: [{ op: 'Move', path: 'active', value: false }],
			},
		})
		expectScimError(bad, 400, 'invalidValue')
		const maybe = await scim('PATCH', `Users/${json!.id}`, {
			token,
			body: {
				schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
				Operations: [{ op: 'Replace', path: 'active', value: 'Maybe' }],
			},
		})
		expectScimError(maybe, 400, 'invalidValue')
		expect((await scim('GET', `Users/${json!.id}`, { token })).json).toMatchObject({ active: true })
	})
})

describe('discovery', () => {
	test('ServiceProviderConfig, ResourceTypes and Schemas describe the service', async () => {
		const config = await scim('GET', 'ServiceProviderConfig')
		expect(config.status).toBe(200)
		expect(config.json).toMatchObject({
			patch: { supported: true },
			filter: { supported: true },
			bulk: { supported: false },
		})
		expect((await scim('GET', 'ResourceTypes')).json).toMatchObject({ Resources: [{ id: 'User', endpoint: '/Users' }] })
		const schemas = await scim('GET', 'Schemas')
		expect(schemas.json!.Resources[0].attributes.map((a: { name: string }) => a.name)).toContain('userName')
	})
})

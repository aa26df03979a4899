// SCIM 2.0 over the route handlers, with the requests Microsoft Entra ID's provisioning service
// sends: create, filter by userName, PATCH active "False", and the rest. Real PostgreSQL, real
// tokens made as the settings page makes them.
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { claimSeat } from '#modules/organisations/claim-seat.ts'
import { acceptInvitation } from '#modules/organisations/invitations.ts'
import { leaveOrganisation } from '#modules/organisations/members.ts'
import { createSession, validateSessionToken } from '#modules/auth/sessions.ts'
import { createAssignment } from '#modules/assignments/create-assignment.ts'
import { revokeScimToken } from '#modules/scim/tokens.ts'
import { createTeam } from '#modules/teams/manage-teams.ts'
import { addTeamMember } from '#modules/teams/team-members.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createCertificate } from '#tests/factories/certificates.ts'
import { createCourse, markLessonsCompleted } from '#tests/factories/learning.ts'
import {
	addMember,
	createInvitation,
	createOrganisation,
	createSeatPool,
	createUser,
} from '#tests/factories/organisations.ts'
import {
	ENTRA_DEACTIVATE,
	entraCreateGroup,
	entraCreateUser,
	entraGroupMembers,
	entraRenameGroup,
	scimTokenFor,
	uniqueDomain,
	verifiedDomain,
} from '#tests/factories/scim.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { loader as orgLoader } from './org.$slug.tsx'
import { loader as providerConfigLoader } from './scim.v2.ServiceProviderConfig.ts'
import { loader as resourceTypesLoader } from './scim.v2.ResourceTypes.ts'
import { loader as schemasLoader } from './scim.v2.Schemas.ts'
import { action as groupAction, loader as groupLoader } from './scim.v2.Groups.$id.ts'
import { action as groupsAction, loader as groupsLoader } from './scim.v2.Groups.ts'
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
	} else if (resource === 'Groups' && id) {
		const args = { request, params: { id }, context } as never
		response = (await (method === 'GET' ? groupLoader(args) : groupAction(args))) as Response
	} else if (resource === 'Groups') {
		const args = { request, params: {}, context } as never
		response = (await (method === 'GET' ? groupsLoader(args) : groupsAction(args))) as Response
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

describe('addresses the organisation does not own (ADR 0062)', () => {
	/** Everything a refused request might have saved: the organisation's rows and accounts at `emails`. */
	async function snapshot(organisationId: string, emails: string[]) {
		return {
			accounts: await prisma.user.findMany({
				where: { email: { in: emails } },
				select: { id: true, name: true, emailVerifiedAt: true, updatedAt: true },
				orderBy: { id: 'asc' },
			}),
			memberships: await prisma.membership.findMany({ where: { organisationId }, orderBy: { id: 'asc' } }),
			removals: await prisma.membershipRemoval.findMany({ where: { organisationId }, orderBy: { userId: 'asc' } }),
			audit: await prisma.auditLog.count({ where: { organisationId } }),
		}
	}

	/** Two replies a client cannot tell apart: same status, headers that matter and document. */
	function expectSameReply(a: Awaited<ReturnType<typeof scim>>, b: Awaited<ReturnType<typeof scim>>) {
		expect(a.status).toBe(b.status)
		expect(a.headers.get('Content-Type')).toBe(b.headers.get('Content-Type'))
		expect(a.json).toEqual(b.json)
	}

	function expectRefused(res: Awaited<ReturnType<typeof scim>>) {
		expectScimError(res, 400, 'invalidValue')
		expect(res.json!.detail).toBe(
			'Circle provisions only addresses at a domain this organisation has verified, and people who are already its members. Invite anyone else from the organisation’s Seats page.',
		)
	}

	const filterBy = (token: string, userName: string) =>
		scim('GET', `Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`, { token })

	/** Someone who joined the organisation themselves, by accepting its invitation. */
	async function invitedMember(organisationId: string, name = 'Carys Ifans') {
		const person = await createUser({ name })
		const invitation = await createInvitation({ organisationId, poolId: null, email: person.email })
		await acceptInvitation({ token: invitation.token, userId: person.id })
		const membership = await prisma.membership.findUniqueOrThrow({
			where: { organisationId_userId: { organisationId, userId: person.id } },
			select: { id: true },
		})
		return { ...person, membershipId: membership.id }
	}

	test('an existing account elsewhere is refused exactly as an address nobody has: no membership, no name, nothing saved', async () => {
		// The attacker's organisation has a verified domain of its own; the victim's address is not at it.
		const { org, domain, token } = await provisionedOrg()
		const victim = await createUser({ name: 'Victoria Ashworth' })
		const nobody = `nobody-${Math.random().toString(36).slice(2, 8)}@example.com`
		const before = await snapshot(org.id, [victim.email, nobody])

		const existing = await scim('POST', 'Users', { token, body: entraCreateUser({ userName: victim.email }) })
		const missing = await scim('POST', 'Users', { token, body: entraCreateUser({ userName: nobody }) })
		expectRefused(existing)
		expectSameReply(existing, missing)
		expect(JSON.stringify(existing.json)).not.toContain('Ashworth')
		// The account is found by its email address, not by the userName label: a userName at the
		// organisation's own domain does not carry someone else's address in.
		const labelled = await scim('POST', 'Users', {
			token,
			body: entraCreateUser({ userName: address(domain), email: victim.email }),
		})
		expectSameReply(labelled, missing)
		// Without an emails list the userName is the address, and the same rule holds.
		const bare = await scim('POST', 'Users', { token, body: { userName: victim.email, active: true } })
		const bareMissing = await scim('POST', 'Users', { token, body: { userName: nobody, active: true } })
		expectRefused(bare)
		expectSameReply(bare, bareMissing)

		expect(await snapshot(org.id, [victim.email, nobody])).toEqual(before)
		expect(await prisma.user.findUnique({ where: { email: nobody } })).toBeNull()
		expect(await prisma.membership.count({ where: { userId: victim.id } })).toBe(0)
		expect(await prisma.user.findUniqueOrThrow({ where: { id: victim.id }, select: { name: true } })).toEqual({
			name: 'Victoria Ashworth',
		})
		// Nor does a filter say whether the address has an account.
		const foundExisting = await filterBy(token, victim.email)
		expectSameReply(foundExisting, await filterBy(token, nobody))
		expect(foundExisting.json).toMatchObject({ totalResults: 0, Resources: [] })
	})

	test('an organisation with no verified domain, or only a claimed one, creates no account: the address is not squatted', async () => {
		const { org, domain, token } = await provisionedOrg({ verified: false })
		await prisma.organisationDomain.create({
			data: { organisationId: org.id, domain, verificationToken: `test-${domain}`, verifiedAt: null },
		})
		const email = address(domain)
		const before = await snapshot(org.id, [email])
		expectRefused(await scim('POST', 'Users', { token, body: entraCreateUser({ userName: email }) }))
		expect(await prisma.user.findUnique({ where: { email } })).toBeNull()
		expect(await snapshot(org.id, [email])).toEqual(before)
		// The same address is provisioned once the domain is verified.
		await prisma.organisationDomain.update({
			where: { organisationId_domain: { organisationId: org.id, domain } },
			data: { verifiedAt: new Date(), verifiedBy: 'ADMIN' },
		})
		const created = await scim('POST', 'Users', { token, body: entraCreateUser({ userName: email }) })
		expect(created.status).toBe(201)
		expect((await prisma.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull()
	})

	test('at a verified domain an existing account still gets a membership, verified and named by the directory', async () => {
		const { org, domain, token } = await provisionedOrg()
		const email = address(domain)
		const account = await prisma.user.create({ data: { email, name: 'priya p' }, select: { id: true } })
		const res = await scim('POST', 'Users', { token, body: entraCreateUser({ userName: email }) })
		expect(res.status).toBe(201)
		expect(res.json).toMatchObject({ displayName: 'Priya Patel', emails: [{ value: email }] })
		expect(
			await prisma.membership.findUniqueOrThrow({
				where: { organisationId_userId: { organisationId: org.id, userId: account.id } },
				select: { id: true },
			}),
		).toEqual({ id: res.json!.id })
		expect((await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).emailVerifiedAt).not.toBeNull()
	})

	test('a member who joined by invitation is taken over at any address; their name and verification stay theirs', async () => {
		const { org, token } = await provisionedOrg()
		const member = await invitedMember(org.id)
		await prisma.user.update({ where: { id: member.id }, data: { emailVerifiedAt: null } })
		const res = await scim('POST', 'Users', {
			token,
			body: entraCreateUser({ userName: member.email, externalId: 'entra-carys', givenName: 'C', familyName: 'I' }),
		})
		expect(res.status).toBe(201)
		expect(res.json).toMatchObject({ id: member.membershipId, externalId: 'entra-carys', displayName: 'Carys Ifans' })
		expect(await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
			name: 'Carys Ifans',
			emailVerifiedAt: null,
		})
		expect((await filterBy(token, member.email)).json).toMatchObject({
			totalResults: 1,
			Resources: [{ id: member.membershipId }],
		})
	})

	test('a member who left, or whom the directory deleted, is refused at an address the organisation does not own', async () => {
		const { org, token } = await provisionedOrg()
		const nobody = `nobody-${Math.random().toString(36).slice(2, 8)}@example.com`
		const missing = await scim('POST', 'Users', { token, body: entraCreateUser({ userName: nobody }) })

		const leaver = await invitedMember(org.id, 'Lowri Leaver')
		await leaveOrganisation({ organisationId: org.id, userId: leaver.id })
		const deleted = await invitedMember(org.id, 'Dafydd Deleted')
		expect((await scim('DELETE', `Users/${deleted.membershipId}`, { token })).status).toBe(204)

		const before = await snapshot(org.id, [leaver.email, deleted.email, nobody])
		for (const person of [leaver, deleted]) {
			const res = await scim('POST', 'Users', { token, body: entraCreateUser({ userName: person.email }) })
			expectRefused(res)
			expectSameReply(res, missing)
			expect(await prisma.membership.count({ where: { organisationId: org.id, userId: person.id } })).toBe(0)
		}
		// Their removals stay recorded: the organisation's single sign-on will not add them back either.
		expect(await snapshot(org.id, [leaver.email, deleted.email, nobody])).toEqual(before)
		expect(
			await prisma.membershipRemoval.findMany({
				where: { organisationId: org.id },
				select: { userId: true, reason: true },
				orderBy: { reason: 'asc' },
			}),
		).toEqual([
			{ userId: leaver.id, reason: 'member.leave' },
			{ userId: deleted.id, reason: 'scim.user_deleted' },
		])
	})

	test('PUT or PATCH cannot move a membership onto someone else’s address; a new userName is only the organisation’s label', async () => {
		const { org, domain, token } = await provisionedOrg()
		const email = address(domain)
		const { json } = await scim('POST', 'Users', { token, body: entraCreateUser({ userName: email }) })
		const id = json!.id as string
		const ownUserId = (await prisma.membership.findUniqueOrThrow({ where: { id } })).userId
		const victim = await createUser({ name: 'Victoria Ashworth' })
		const nobody = `nobody-${Math.random().toString(36).slice(2, 8)}@example.com`
		const patchEmail = (value: string) =>
			scim('PATCH', `Users/${id}`, {
				token,
				body: {
					schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
					Operations: [{ op: 'Replace', path: 'emails[type eq "work"].value', value }],
				},
			})
		const before = await snapshot(org.id, [email, victim.email, nobody])

		const patched = await patchEmail(victim.email)
		expectScimError(patched, 400, 'mutability')
		expectSameReply(patched, await patchEmail(nobody))
		const put = await scim('PUT', `Users/${id}`, { token, body: entraCreateUser({ userName: victim.email }) })
		expectScimError(put, 400, 'mutability')
		expectSameReply(put, await scim('PUT', `Users/${id}`, { token, body: entraCreateUser({ userName: nobody }) }))
		expect(await snapshot(org.id, [email, victim.email, nobody])).toEqual(before)

		// userName alone is a label on this membership: it stays this person's, with their address.
		const relabelled = await scim('PATCH', `Users/${id}`, {
			token,
			body: {
				schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
				Operations: [{ op: 'Replace', path: 'userName', value: victim.email }],
			},
		})
		expect(relabelled.status).toBe(200)
		expect(relabelled.json).toMatchObject({
			userName: victim.email,
			emails: [{ value: email }],
			displayName: 'Priya Patel',
		})
		expect((await prisma.membership.findUniqueOrThrow({ where: { id } })).userId).toBe(ownUserId)
		expect(await prisma.membership.count({ where: { userId: victim.id } })).toBe(0)
		expect(await prisma.user.findUnique({ where: { email: nobody } })).toBeNull()
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
		// B's person is at B's verified domain, not A's: A's token cannot make them a member of A (ADR 0062),
		// and B's membership is untouched.
		const claimed = await scim('POST', 'Users', {
			token: a.token,
			body: entraCreateUser({ userName: bEmail, externalId: 'b-ext' }),
		})
		expectScimError(claimed, 400, 'invalidValue')
		expect(await prisma.membership.count({ where: { organisationId: a.org.id, user: { email: bEmail } } })).toBe(0)

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
		expect((await scim('GET', 'ResourceTypes')).json).toMatchObject({
			Resources: [
				{ id: 'User', endpoint: '/Users' },
				{ id: 'Group', endpoint: '/Groups' },
			],
		})
		const schemas = await scim('GET', 'Schemas')
		expect(schemas.json!.Resources[0].attributes.map((a: { name: string }) => a.name)).toContain('userName')
		expect(schemas.json!.Resources[1]).toMatchObject({ id: 'urn:ietf:params:scim:schemas:core:2.0:Group' })
		expect(schemas.json!.Resources[1].attributes.map((a: { name: string }) => a.name)).toEqual([
			'displayName',
			'members',
			'externalId',
		])
	})
})

describe('SCIM Groups as teams (as Entra ID sends them)', () => {
	async function provisionPeople(token: string, domain: string, n: number) {
		const ids: string[] = []
		for (let i = 0; i < n; i++) {
			const res = await scim('POST', 'Users', { token, body: entraCreateUser({ userName: address(domain, `g${i}`) }) })
			ids.push(res.json!.id as string)
		}
		return ids
	}

	test('Entra’s cycle: create, match by displayName, add and remove members, rename, delete; each audited', async () => {
		const { org, domain, token, prefix } = await provisionedOrg()
		const [ana, ben, cai] = await provisionPeople(token, domain, 3)
		// A new-starter rule for a team reaches the people the directory puts in it.
		const course = await createCourse()

		const created = await scim('POST', 'Groups', {
			token,
			body: entraCreateGroup({ displayName: 'Ward 7', externalId: 'entra-group-7' }),
		})
		expect(created.status).toBe(201)
		const id = created.json!.id as string
		expect(created.headers.get('Location')).toBe(`http://circle.test/scim/v2/Groups/${id}`)
		expect(created.json).toMatchObject({
			schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
			displayName: 'Ward 7',
			externalId: 'entra-group-7',
			members: [],
			meta: { resourceType: 'Group' },
		})
		expect(await prisma.team.findUniqueOrThrow({ where: { id } })).toMatchObject({
			organisationId: org.id,
			parentId: null,
			name: 'Ward 7',
			managedByDirectory: true,
		})
		await createAssignment({
			organisationId: org.id,
			actorId: org.owner.id,
			courseId: course.id,
			target: 'TEAM',
			teamId: id,
			newStarterDays: 14,
			now: new Date(),
		})

		const found = await scim(
			'GET',
			`Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "ward 7"')}`,
			{ token },
		)
		expect(found.json).toMatchObject({ totalResults: 1, Resources: [{ id, displayName: 'Ward 7' }] })
		expect(found.json!.Resources[0].members).toBeUndefined()
		const byExternalId = await scim('GET', `Groups?filter=${encodeURIComponent('externalId eq "entra-group-7"')}`, {
			token,
		})
		expect(byExternalId.json!.Resources.map((g: { id: string }) => g.id)).toEqual([id])

		const added = await scim('PATCH', `Groups/${id}`, { token, body: entraGroupMembers('Add', [ana!, ben!, cai!]) })
		expect(added.status).toBe(204)
		const members = await prisma.teamMember.findMany({
			where: { teamId: id },
			select: { membershipId: true, isManager: true },
		})
		expect(members.map((m) => m.membershipId).sort()).toEqual([ana, ben, cai].sort())
		expect(members.every((m) => !m.isManager)).toBe(true)
		const anaUser = await prisma.membership.findUniqueOrThrow({ where: { id: ana! }, select: { userId: true } })
		expect(
			await prisma.learnerAssignment.count({
				where: { organisationId: org.id, userId: anaUser.userId, courseId: course.id },
			}),
		).toBe(1)
		// Adding someone already in it again changes nothing.
		expect((await scim('PATCH', `Groups/${id}`, { token, body: entraGroupMembers('Add', [ana!]) })).status).toBe(204)

		expect((await scim('PATCH', `Groups/${id}`, { token, body: entraGroupMembers('Remove', [ben!]) })).status).toBe(204)
		expect(
			(await scim('PATCH', `Groups/${id}`, { token, body: entraRenameGroup('Ward 7 (Elderly care)') })).status,
		).toBe(204)
		const fetched = await scim('GET', `Groups/${id}`, { token })
		expect(fetched.json).toMatchObject({ displayName: 'Ward 7 (Elderly care)' })
		expect(fetched.json!.members.map((m: { value: string }) => m.value).sort()).toEqual([ana, cai].sort())
		expect(fetched.json!.members[0]).toMatchObject({
			$ref: expect.stringMatching(/\/scim\/v2\/Users\//),
			display: expect.any(String),
		})

		const deleted = await scim('DELETE', `Groups/${id}`, { token })
		expect(deleted.status).toBe(204)
		expect(await prisma.team.count({ where: { id } })).toBe(0)
		// People stay in the organisation.
		expect(await prisma.membership.count({ where: { id: { in: [ana!, ben!, cai!] } } })).toBe(3)
		expectScimError(await scim('GET', `Groups/${id}`, { token }), 404)

		const audit = await prisma.auditLog.findMany({
			where: { organisationId: org.id, targetId: id, action: { startsWith: 'scim.group' } },
			orderBy: { createdAt: 'asc' },
			select: { action: true, actorId: true, ipAddress: true, details: true },
		})
		expect(audit.map((a) => a.action)).toEqual([
			'scim.group_created',
			'scim.group_updated',
			'scim.group_updated',
			'scim.group_updated',
			'scim.group_deleted',
		])
		expect(audit[0]).toMatchObject({ actorId: null, ipAddress: IP, details: { via: 'scim', tokenPrefix: prefix } })
		expect(audit[1]!.details).toMatchObject({ membersAdded: 3, membersRemoved: 0 })
		expect(audit[3]!.details).toMatchObject({
			changes: { displayName: { from: 'Ward 7', to: 'Ward 7 (Elderly care)' } },
		})
	})

	test('the RFC’s forms too: remove members[value eq "…"], replace without a path, PUT', async () => {
		const { domain, token } = await provisionedOrg()
		const [ana, ben] = await provisionPeople(token, domain, 2)
		const created = await scim('POST', 'Groups', {
			token,
			body: { ...entraCreateGroup({ displayName: 'Pharmacy' }), members: [{ value: ana }, { value: ben }] },
		})
		const id = created.json!.id as string
		expect(created.json!.members).toHaveLength(2)
		const removeOne = await scim('PATCH', `Groups/${id}`, {
			token,
			body: { Operations: [{ op: 'remove', path: `members[value eq "${ana}"]` }] },
		})
		expect(removeOne.status).toBe(204)
		await scim('PATCH', `Groups/${id}`, {
			token,
			body: { Operations: [{ op: 'replace', value: { id, displayName: 'Pharmacy team', externalId: 'x-1' } }] },
		})
		expect(await prisma.team.findUniqueOrThrow({ where: { id } })).toMatchObject({
			name: 'Pharmacy team',
			externalId: 'x-1',
		})
		expect(await prisma.teamMember.findMany({ where: { teamId: id }, select: { membershipId: true } })).toEqual([
			{ membershipId: ben },
		])
		const put = await scim('PUT', `Groups/${id}`, {
			token,
			body: { displayName: 'Pharmacy', members: [{ value: ana }] },
		})
		expect(put.status).toBe(200)
		expect(put.json).toMatchObject({ displayName: 'Pharmacy', members: [{ value: ana }] })
		expect(put.json!.externalId).toBeUndefined()
	})

	test('an administrator’s team is no Group until the directory creates one of its name, which takes it over; a second is a conflict', async () => {
		const { org, domain, token } = await provisionedOrg()
		const [ana] = await provisionPeople(token, domain, 1)
		const team = await createTeam({ organisationId: org.id, actorId: org.owner.id, name: 'Theatres', parentId: null })
		await addTeamMember({
			organisationId: org.id,
			actorId: org.owner.id,
			teamId: team.id,
			membershipId: ana!,
			now: new Date(),
		})
		expect((await scim('GET', 'Groups', { token })).json).toMatchObject({ totalResults: 0, Resources: [] })
		expectScimError(await scim('GET', `Groups/${team.id}`, { token }), 404)
		expectScimError(await scim('DELETE', `Groups/${team.id}`, { token }), 404)

		const taken = await scim('POST', 'Groups', { token, body: entraCreateGroup({ displayName: 'theatres' }) })
		expect(taken.status).toBe(201)
		expect(taken.json).toMatchObject({ id: team.id, displayName: 'theatres', members: [{ value: ana }] })
		expect(await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ managedByDirectory: true })
		const again = await scim('POST', 'Groups', { token, body: entraCreateGroup({ displayName: 'Theatres' }) })
		expectScimError(again, 409, 'uniqueness')
		expect(await prisma.team.count({ where: { organisationId: org.id } })).toBe(1)
	})

	test('one organisation’s token can neither see nor change another’s groups, nor put another’s people in its own', async () => {
		const mine = await provisionedOrg()
		const theirs = await provisionedOrg()
		const [theirPerson] = await provisionPeople(theirs.token, theirs.domain, 1)
		const theirGroup = (
			await scim('POST', 'Groups', { token: theirs.token, body: entraCreateGroup({ displayName: 'Ward 9' }) })
		).json!.id as string
		const myGroup = (
			await scim('POST', 'Groups', { token: mine.token, body: entraCreateGroup({ displayName: 'Ward 9' }) })
		).json!.id as string

		expectScimError(await scim('GET', `Groups/${theirGroup}`, { token: mine.token }), 404)
		expectScimError(
			await scim('PATCH', `Groups/${theirGroup}`, { token: mine.token, body: entraRenameGroup('Mine now') }),
			404,
		)
		expectScimError(
			await scim('PUT', `Groups/${theirGroup}`, { token: mine.token, body: { displayName: 'Mine now' } }),
			404,
		)
		expectScimError(await scim('DELETE', `Groups/${theirGroup}`, { token: mine.token }), 404)
		const listed = await scim('GET', `Groups?filter=${encodeURIComponent('displayName eq "Ward 9"')}`, {
			token: mine.token,
		})
		expect(listed.json!.Resources.map((g: { id: string }) => g.id)).toEqual([myGroup])

		const smuggle = await scim('PATCH', `Groups/${myGroup}`, {
			token: mine.token,
			body: entraGroupMembers('Add', [theirPerson!]),
		})
		expectScimError(smuggle, 400, 'invalidValue')
		expect(await prisma.teamMember.count({ where: { teamId: myGroup } })).toBe(0)
		expect(await prisma.team.findUniqueOrThrow({ where: { id: theirGroup } })).toMatchObject({ name: 'Ward 9' })
	})

	test('bad input: unsupported filters, no displayName, a bad op, a body too big, no token; nothing saved', async () => {
		const { org, token } = await provisionedOrg()
		for (const filter of ['displayName co "W"', 'userName eq "a"', 'displayName eq "a" or displayName eq "b"']) {
			expectScimError(await scim('GET', `Groups?filter=${encodeURIComponent(filter)}`, { token }), 400, 'invalidFilter')
		}
		expectScimError(await scim('POST', 'Groups', { token, body: { externalId: 'x' } }), 400, 'invalidValue')
		expectScimError(await scim('POST', 'Groups', { token, body: { displayName: 'x'.repeat(81) } }), 400, 'invalidValue')
		expectScimError(await scim('POST', 'Groups', { token, raw: '{"displayName": "half' }), 400, 'invalidSyntax')
		const id = (await scim('POST', 'Groups', { token, body: entraCreateGroup({ displayName: 'Estates' }) })).json!
			.id as string
		expectScimError(
			await scim('PATCH', `Groups/${id}`, {
				token,
				body: { Operations: [{ op: 'Move', path: 'members', value: [] }] },
			}),
			400,
			'invalidValue',
		)
		expectScimError(
			await scim('PATCH', `Groups/${id}`, { token, body: { Operations: [{ op: 'Remove', path: 'displayName' }] } }),
			400,
			'mutability',
		)
		const big = await scim('PATCH', `Groups/${id}`, {
			token,
			raw: JSON.stringify(
				entraGroupMembers(
					'Add',
					Array.from({ length: 3000 }, (_, i) => `member-${i}-padding`),
				),
			),
		})
		expect(big.status).toBe(413)
		expectScimError(await scim('GET', 'Groups'), 401)
		expectScimError(await scim('POST', 'Groups', { body: entraCreateGroup({ displayName: 'Sneaky' }) }), 401)
		expect(await prisma.team.findMany({ where: { organisationId: org.id }, select: { name: true } })).toEqual([
			{ name: 'Estates' },
		])
	})
})

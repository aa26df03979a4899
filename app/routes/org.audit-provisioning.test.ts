// The organisation's audit log (page and CSV), the platform admin's audit view, and the
// provisioning settings page that creates and revokes SCIM tokens. Real requests, real PostgreSQL.
import { afterAll, describe, expect, test } from 'vitest'
import { recordAudit } from '#modules/audit/record.ts'
import { beginSignIn } from '#modules/auth/sign-in.ts'
import { prisma } from '#modules/db/client.ts'
import { hashToken } from '#modules/auth/tokens.ts'
import { createTestUser, formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { createSignedInUser } from '#tests/factories/authoring.ts'
import { parseCsv } from '#tests/factories/certificates.ts'
import { addMember, createOrganisation, createUser } from '#tests/factories/organisations.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { loader as adminAuditCsvLoader } from './admin.audit[.]csv.ts'
import { loader as adminAuditLoader } from './admin.audit.tsx'
import { loader as auditCsvLoader } from './org.$slug.audit[.]csv.ts'
import { loader as auditLoader } from './org.$slug.audit.tsx'
import { action as membersAction } from './org.$slug.members.tsx'
import { action as provisioningAction, loader as provisioningLoader } from './org.$slug.settings.provisioning.tsx'

afterAll(releaseTestResources)

const IP = '2001:db8::77'

type Handler = (args: never) => Promise<unknown>

function call<T extends Handler>(handler: T, request: Request, params: Record<string, string> = {}) {
	const args = { request, params, context: { clientIp: IP, cspNonce: 'test' } }
	return (handler as unknown as (a: typeof args) => Promise<unknown>)(args).catch((thrown: unknown) => thrown)
}

function statusOf(outcome: unknown) {
	if (outcome instanceof Response) return outcome.status
	const init = (outcome as { init?: { status?: number } | null })?.init
	return init?.status ?? 200
}

function dataOf<T>(outcome: unknown): T {
	return ((outcome as { data?: unknown }).data ?? outcome) as T
}

type AuditPage = { total: number; entries: Array<{ action: string; target: { id: string }; ipAddress: string | null }> }

async function orgWithEntries(label: string) {
	const org = await createOrganisation({ name: `${label} Trust` })
	await recordAudit(prisma, {
		actorId: org.owner.id,
		organisationId: org.id,
		action: 'test.marker',
		targetType: 'Organisation',
		targetId: `${label}-marker`,
		details: { email: `${label.toLowerCase()}@example.org` },
		ipAddress: '203.0.113.5',
	})
	return { org, cookie: await sessionCookie(org.owner.id) }
}

describe('organisation audit log', () => {
	test('owners and administrators read their organisation’s entries, newest first', async () => {
		const { org, cookie } = await orgWithEntries('Alder')
		const admin = await addMember({ organisationId: org.id, role: 'ADMIN' })
		for (const who of [cookie, await sessionCookie(admin.id)]) {
			const page = dataOf<AuditPage>(
				await call(auditLoader, getRequest(`/org/${org.slug}/audit`, { cookie: who }), { slug: org.slug }),
			)
			expect(page.entries.map((e) => e.target.id)).toContain('Alder-marker')
		}
	})

	test('the log includes the sign-ins of active members at its verified domains, and no one else’s, by page and CSV', async () => {
		const { org, cookie } = await orgWithEntries('Elm')
		const domain = `elm-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.example`
		await prisma.organisationDomain.create({
			data: { organisationId: org.id, domain, verificationToken: 'test', verifiedAt: new Date(), verifiedBy: 'ADMIN' },
		})
		const atDomain = async (local: string) => {
			const user = await createTestUser({ email: `${local}@${domain}` })
			await addMember({ organisationId: org.id, userId: user.id })
			return user
		}
		const member = await atDomain('member')
		const leaver = await atDomain('leaver')
		await prisma.membership.updateMany({
			where: { organisationId: org.id, userId: leaver.id },
			data: { deactivatedAt: new Date() },
		})
		// A member with a personal address: the organisation does not own that identity.
		const personal = await addMember({ organisationId: org.id })
		const outsider = await createTestUser({ email: `outsider-${Date.now()}@${domain.replace('elm-', 'not-elm-')}` })
		const elsewhere = await orgWithEntries('Fir')
		const otherMember = await addMember({ organisationId: elsewhere.org.id })
		for (const person of [member, leaver, personal, outsider, otherMember]) {
			await beginSignIn({ userId: person.id, method: 'PASSWORD', ipAddress: '198.51.100.4' })
		}

		const page = dataOf<AuditPage>(
			await call(auditLoader, getRequest(`/org/${org.slug}/audit?action=auth.signed_in`, { cookie }), {
				slug: org.slug,
			}),
		)
		expect(page.entries.map((e) => e.target.id)).toEqual([member.id])
		expect(page.entries[0]?.ipAddress).toBe('198.51.100.4')
		const csv = (await call(auditCsvLoader, getRequest(`/org/${org.slug}/audit.csv`, { cookie }), {
			slug: org.slug,
		})) as Response
		const text = await csv.text()
		expect(text).toContain(member.id)
		for (const other of [leaver, personal, outsider, otherMember]) expect(text).not.toContain(other.id)
	})

	test('an organisation admin never reads another organisation’s log, by page or CSV', async () => {
		const mine = await orgWithEntries('Birch')
		const theirs = await orgWithEntries('Cedar')
		// My own page shows none of their entries.
		const page = dataOf<AuditPage>(
			await call(auditLoader, getRequest(`/org/${mine.org.slug}/audit`, { cookie: mine.cookie }), {
				slug: mine.org.slug,
			}),
		)
		expect(page.entries.map((e) => e.target.id)).not.toContain('Cedar-marker')
		const csv = (await call(auditCsvLoader, getRequest(`/org/${mine.org.slug}/audit.csv`, { cookie: mine.cookie }), {
			slug: mine.org.slug,
		})) as Response
		const text = await csv.text()
		expect(text).toContain('Birch-marker')
		expect(text).not.toContain('Cedar-marker')
		// Their address: not mine to know about.
		expect(
			statusOf(
				await call(auditLoader, getRequest(`/org/${theirs.org.slug}/audit`, { cookie: mine.cookie }), {
					slug: theirs.org.slug,
				}),
			),
		).toBe(404)
		expect(
			statusOf(
				await call(auditCsvLoader, getRequest(`/org/${theirs.org.slug}/audit.csv`, { cookie: mine.cookie }), {
					slug: theirs.org.slug,
				}),
			),
		).toBe(404)
	})

	test('members are refused (403) and visitors sent to log in', async () => {
		const { org } = await orgWithEntries('Damson')
		const member = await addMember({ organisationId: org.id })
		const cookie = await sessionCookie(member.id)
		expect(
			statusOf(await call(auditLoader, getRequest(`/org/${org.slug}/audit`, { cookie }), { slug: org.slug })),
		).toBe(403)
		expect(
			statusOf(await call(auditCsvLoader, getRequest(`/org/${org.slug}/audit.csv`, { cookie }), { slug: org.slug })),
		).toBe(403)
		expect(statusOf(await call(auditLoader, getRequest(`/org/${org.slug}/audit`), { slug: org.slug }))).toBe(302)
	})

	test('filters by action, person and UK date range, and pages by 25/50/100', async () => {
		const { org, cookie } = await orgWithEntries('Elm')
		for (let i = 0; i < 30; i++) {
			await recordAudit(prisma, {
				actorId: null,
				organisationId: org.id,
				action: 'test.bulk',
				targetType: 'X',
				targetId: `bulk-${i}`,
			})
		}
		const get = (qs: string) =>
			call(auditLoader, getRequest(`/org/${org.slug}/audit?${qs}`, { cookie }), { slug: org.slug }).then(
				dataOf<AuditPage & { pageCount: number }>,
			)
		expect((await get('action=test.bulk')).total).toBe(30)
		expect((await get('action=test.bulk')).entries).toHaveLength(25)
		expect((await get('action=test.bulk&size=50')).entries).toHaveLength(30)
		expect((await get('action=test.bulk&page=2')).entries).toHaveLength(5)
		expect((await get('action=test.bulk')).entries[0]!.target.id).toBe('bulk-29')
		expect((await get('person=elm@example')).entries.map((e) => e.target.id)).toEqual(['Elm-marker'])
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date())
		expect((await get(`from=${today}&to=${today}&action=test.marker`)).total).toBe(1)
		expect((await get('from=2001-01-01&to=2001-01-02')).total).toBe(0)
		// Nonsense is ignored, never a 500.
		expect((await get('from=yesterday&size=7&page=-3&action=DROP TABLE')).total).toBeGreaterThan(30)
	})

	test('the CSV neutralises formulas and carries actor, target, IP and UK time', async () => {
		const { org, cookie } = await orgWithEntries('Fir')
		await recordAudit(prisma, {
			actorId: null,
			organisationId: org.id,
			action: 'test.formula',
			targetType: 'Membership',
			targetId: 'formula-target',
			details: { email: '=HYPERLINK("http://evil.test")' },
			ipAddress: '192.0.2.44',
		})
		const response = (await call(
			auditCsvLoader,
			getRequest(`/org/${org.slug}/audit.csv?action=test.formula`, { cookie }),
			{ slug: org.slug },
		)) as Response
		expect(response.headers.get('Content-Type')).toMatch(/text\/csv/)
		const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ''))
		expect(rows[0]).toEqual(expect.arrayContaining(['Time (UK)', 'Action', 'Actor', 'Target id', 'IP address']))
		const row = rows[1]!
		expect(row).toContain('192.0.2.44')
		expect(row).toContain(`'=HYPERLINK("http://evil.test")`)
		expect(row[0]).toMatch(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}$/)
	})

	test('role changes and removals are audited with the IP address and browser', async () => {
		const { org, cookie } = await orgWithEntries('Gorse')
		const member = await addMember({ organisationId: org.id })
		const path = `/org/${org.slug}/members`
		await call(
			membersAction,
			formRequest(path, { intent: 'change-role', membershipId: member.membershipId, role: 'ADMIN' }, { cookie }),
			{ slug: org.slug },
		)
		await call(membersAction, formRequest(path, { intent: 'remove', membershipId: member.membershipId }, { cookie }), {
			slug: org.slug,
		})
		const entries = await prisma.auditLog.findMany({
			where: { organisationId: org.id, targetId: member.membershipId },
			orderBy: { createdAt: 'asc' },
		})
		expect(entries.map((e) => e.action)).toEqual(['member.change-role', 'member.remove'])
		for (const e of entries) expect(e).toMatchObject({ actorId: org.owner.id, ipAddress: IP, userAgent: 'vitest' })
	})
})

describe('platform admin audit log', () => {
	test('platform admins read every organisation’s entries; others are refused', async () => {
		const a = await orgWithEntries('Hazel')
		await orgWithEntries('Ivy')
		const admin = await createSignedInUser({ role: 'ADMIN' })
		const page = dataOf<AuditPage>(
			await call(adminAuditLoader, getRequest('/admin/audit?action=test.marker&size=100', { cookie: admin.cookie })),
		)
		const ids = page.entries.map((e) => e.target.id)
		expect(ids).toEqual(expect.arrayContaining(['Hazel-marker', 'Ivy-marker']))
		expect(statusOf(await call(adminAuditLoader, getRequest('/admin/audit', { cookie: a.cookie })))).toBe(403)
		const csv = (await call(
			adminAuditCsvLoader,
			getRequest('/admin/audit.csv?action=test.marker', { cookie: admin.cookie }),
		)) as Response
		const text = await csv.text()
		expect(text).toContain('Hazel-marker')
		expect(text).toContain('Ivy-marker')
		expect(statusOf(await call(adminAuditCsvLoader, getRequest('/admin/audit.csv', { cookie: a.cookie })))).toBe(403)
		const learner = await createUser()
		expect(
			statusOf(await call(adminAuditLoader, getRequest('/admin/audit', { cookie: await sessionCookie(learner.id) }))),
		).toBe(403)
	})
})

describe('provisioning settings', () => {
	test('an owner creates a token, shown once; only its hash is stored; the creation is audited with IP', async () => {
		const org = await createOrganisation()
		const cookie = await sessionCookie(org.owner.id)
		const path = `/org/${org.slug}/settings/provisioning`
		const reply = dataOf<{ created: { token: string } | null }>(
			await call(provisioningAction, formRequest(path, { intent: 'create', name: 'Entra ID production' }, { cookie }), {
				slug: org.slug,
			}),
		)
		const token = reply.created!.token
		expect(token).toMatch(/^circle_scim_/)
		const row = await prisma.scimToken.findFirstOrThrow({ where: { organisationId: org.id } })
		expect(row.tokenHash).toBe(hashToken(token))
		expect(JSON.stringify(row)).not.toContain(token)
		// The page lists it afterwards by prefix only.
		const page = await call(provisioningLoader, getRequest(path, { cookie }), { slug: org.slug })
		expect(JSON.stringify(page)).not.toContain(token)
		expect(dataOf<{ tokens: Array<{ prefix: string; name: string }> }>(page).tokens).toEqual([
			expect.objectContaining({ name: 'Entra ID production', prefix: row.prefix }),
		])
		expect(
			await prisma.auditLog.findFirstOrThrow({ where: { targetId: row.id, action: 'scim.token_created' } }),
		).toMatchObject({
			actorId: org.owner.id,
			organisationId: org.id,
			ipAddress: IP,
		})
	})

	test('an empty name is refused beside the field, and nothing is created', async () => {
		const org = await createOrganisation()
		const cookie = await sessionCookie(org.owner.id)
		const outcome = await call(
			provisioningAction,
			formRequest(`/org/${org.slug}/settings/provisioning`, { intent: 'create', name: '  ' }, { cookie }),
			{ slug: org.slug },
		)
		expect(statusOf(outcome)).toBe(400)
		expect(JSON.stringify(dataOf(outcome))).toMatch(/Give the token a name/)
		expect(await prisma.scimToken.count({ where: { organisationId: org.id } })).toBe(0)
	})

	test('members cannot see or create tokens; another organisation’s admin cannot revoke one', async () => {
		const org = await createOrganisation()
		const member = await addMember({ organisationId: org.id })
		const memberCookie = await sessionCookie(member.id)
		const path = `/org/${org.slug}/settings/provisioning`
		expect(
			statusOf(await call(provisioningLoader, getRequest(path, { cookie: memberCookie }), { slug: org.slug })),
		).toBe(403)
		expect(
			statusOf(
				await call(
					provisioningAction,
					formRequest(path, { intent: 'create', name: 'Mine' }, { cookie: memberCookie }),
					{ slug: org.slug },
				),
			),
		).toBe(403)
		expect(await prisma.scimToken.count({ where: { organisationId: org.id } })).toBe(0)

		const ownerCookie = await sessionCookie(org.owner.id)
		await call(provisioningAction, formRequest(path, { intent: 'create', name: 'Entra' }, { cookie: ownerCookie }), {
			slug: org.slug,
		})
		const row = await prisma.scimToken.findFirstOrThrow({ where: { organisationId: org.id } })
		const other = await createOrganisation()
		const otherCookie = await sessionCookie(other.owner.id)
		const otherPath = `/org/${other.slug}/settings/provisioning`
		const attempt = await call(
			provisioningAction,
			formRequest(otherPath, { intent: 'revoke', tokenId: row.id }, { cookie: otherCookie }),
			{ slug: other.slug },
		)
		expect(statusOf(attempt)).toBe(404)
		expect((await prisma.scimToken.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).toBeNull()

		await call(provisioningAction, formRequest(path, { intent: 'revoke', tokenId: row.id }, { cookie: ownerCookie }), {
			slug: org.slug,
		})
		expect((await prisma.scimToken.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).not.toBeNull()
	})
})

import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { upsertReminderPreference } from '#modules/reminders/sql.ts'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { addMember, createOrganisation, createUser } from '#tests/factories/organisations.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { action as accountAction, loader as accountLoader } from './account.reminders.tsx'
import { action as orgAction, loader as orgLoader } from './org.$slug.settings.reminders.tsx'
import { action as unsubscribeAction, loader as unsubscribeLoader } from './unsubscribe.$token.tsx'

afterAll(releaseTestResources)

type Handler = (args: never) => Promise<unknown>
function call<T extends Handler>(handler: T, request: Request, params: Record<string, string> = {}) {
	const args = { request, params, context: { clientIp: '2001:db8::79', cspNonce: 'test' } }
	return (handler as unknown as (a: typeof args) => Promise<unknown>)(args).catch((thrown: unknown) => thrown)
}
function statusOf(outcome: unknown) {
	if (outcome instanceof Response) return outcome.status
	return (outcome as { init?: { status?: number } | null })?.init?.status ?? 200
}

describe('/unsubscribe/:token (RFC 8058 one-click)', () => {
	test('opening the link changes nothing; the one-click POST, with no session, switches optional reminders off once', async () => {
		const learner = await createUser()
		const { unsubscribeToken: token } = await upsertReminderPreference(prisma, { userId: learner.id })
		const optionalOff = async () =>
			(await prisma.reminderPreference.findUniqueOrThrow({ where: { userId: learner.id } })).optionalOff
		const path = `/unsubscribe/${token}`

		const page = (await call(unsubscribeLoader, getRequest(path), { token })) as { email: string; alreadyOff: boolean }
		expect(page.alreadyOff).toBe(false)
		expect(page.email).toMatch(/^l•••@example\.com$/)
		expect(await optionalOff()).toBe(false)

		// What a mail provider sends: a POST with this body, no cookie.
		const oneClick = new Request(`http://localhost${path}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=One-Click',
		})
		expect(statusOf(await call(unsubscribeAction, oneClick, { token }))).toBe(200)
		expect(await optionalOff()).toBe(true)
		expect(statusOf(await call(unsubscribeAction, formRequest(path, {}), { token }))).toBe(200)
		expect(await prisma.auditLog.count({ where: { targetId: learner.id, action: 'reminders.unsubscribed' } })).toBe(1)
	})

	test('a link that is nobody’s is a 404, and changes nothing', async () => {
		expect(statusOf(await call(unsubscribeLoader, getRequest('/unsubscribe/nope'), { token: 'nope' }))).toBe(404)
		expect(statusOf(await call(unsubscribeAction, formRequest('/unsubscribe/nope', {}), { token: 'nope' }))).toBe(404)
		const long = 'x'.repeat(500)
		expect(statusOf(await call(unsubscribeAction, formRequest(`/unsubscribe/${long}`, {}), { token: long }))).toBe(404)
	})
})

describe('/account/reminders', () => {
	test('a person switches optional reminders off, and the digest of an organisation they administer', async () => {
		const admin = await createUser()
		const org = await createOrganisation({ name: 'Alpha Trust' })
		const other = await createOrganisation({ name: 'Beta Trust' })
		await addMember({ organisationId: org.id, userId: admin.id, role: 'ADMIN' })
		await addMember({ organisationId: other.id, userId: admin.id, role: 'MEMBER' })
		const cookie = await sessionCookie(admin.id)

		const before = (await call(accountLoader, getRequest('/account/reminders', { cookie }))) as {
			optional: boolean
			digests: Array<{ organisationId: string; on: boolean }>
		}
		expect(before).toEqual({ optional: true, digests: [{ organisationId: org.id, name: 'Alpha Trust', on: true }] })

		// Nothing ticked: optional reminders off, the Alpha digest off; an id they do not administer is ignored.
		expect(
			statusOf(
				await call(accountAction, formRequest('/account/reminders', { digestOrganisationIds: other.id }, { cookie })),
			),
		).toBe(200)
		const after = (await call(accountLoader, getRequest('/account/reminders', { cookie }))) as typeof before
		expect(after).toEqual({ optional: false, digests: [{ organisationId: org.id, name: 'Alpha Trust', on: false }] })
		expect(
			(await prisma.membership.findFirstOrThrow({ where: { organisationId: other.id, userId: admin.id } })).digestOff,
		).toBe(false)

		// Bad input: a 400 and nothing saved.
		expect(
			statusOf(await call(accountAction, formRequest('/account/reminders', { optional: 'yes please' }, { cookie }))),
		).toBe(400)
		expect((await prisma.reminderPreference.findUniqueOrThrow({ where: { userId: admin.id } })).optionalOff).toBe(true)

		await call(
			accountAction,
			formRequest('/account/reminders', { optional: 'on', digestOrganisationIds: org.id }, { cookie }),
		)
		expect(await call(accountLoader, getRequest('/account/reminders', { cookie }))).toEqual(before)
	})
})

describe('/org/:slug/settings/reminders', () => {
	test('owners and admins choose the intervals (audited); members cannot; a day not on the list changes nothing', async () => {
		const org = await createOrganisation()
		const member = await addMember({ organisationId: org.id })
		const params = { slug: org.slug }
		const path = `/org/${org.slug}/settings/reminders`
		const settings = () =>
			prisma.organisation.findUniqueOrThrow({
				where: { id: org.id },
				select: { reminderDueDays: true, reminderExpiryDays: true },
			})

		const memberCookie = await sessionCookie(member.id)
		expect(statusOf(await call(orgLoader, getRequest(path, { cookie: memberCookie }), params))).toBe(403)
		expect(
			statusOf(await call(orgAction, formRequest(path, { dueDays: ['14'] }, { cookie: memberCookie }), params)),
		).toBe(403)

		const ownerCookie = await sessionCookie(org.owner.id)
		const bad = await call(orgAction, formRequest(path, { dueDays: ['5', '7'] }, { cookie: ownerCookie }), params)
		expect(statusOf(bad)).toBe(400)
		expect(JSON.stringify(bad)).toContain('Choose the days before a due date from the list')
		expect(await settings()).toEqual({ reminderDueDays: [30, 7, 1], reminderExpiryDays: [90, 30, 7] })

		const ok = await call(
			orgAction,
			formRequest(path, { dueDays: ['1', '14', '14'], expiryDays: '60' }, { cookie: ownerCookie }),
			params,
		)
		expect(statusOf(ok)).toBe(200)
		expect(await settings()).toEqual({ reminderDueDays: [14, 1], reminderExpiryDays: [60] })
		const entry = await prisma.auditLog.findFirstOrThrow({
			where: { organisationId: org.id, action: 'organisation.reminders_changed' },
		})
		expect(entry).toMatchObject({
			actorId: org.owner.id,
			details: { from: { dueDays: [30, 7, 1] }, to: { dueDays: [14, 1], expiryDays: [60] } },
		})

		// None ticked: only the overdue email.
		await call(orgAction, formRequest(path, {}, { cookie: ownerCookie }), params)
		expect(await settings()).toEqual({ reminderDueDays: [], reminderExpiryDays: [] })
	})
})

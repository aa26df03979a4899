import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { type FakeLrs, startFakeLrs } from '#tests/fakes/lrs-server.ts'
import { action, loader } from './org.$slug.settings.learning-records.tsx'

let lrs: FakeLrs
beforeAll(async () => {
	lrs = await startFakeLrs()
})
afterAll(async () => {
	await lrs.close()
	await releaseTestResources()
})

const fields = (overrides: Record<string, string> = {}) => ({
	intent: 'save',
	endpoint: lrs.endpoint,
	authKey: lrs.key,
	authSecret: lrs.secret,
	actorFormat: 'MBOX',
	enabled: 'on',
	...overrides,
})

describe('/org/:slug/settings/learning-records', () => {
	test('members get 403 and strangers 404 from the page and every action; nothing is saved for them', async () => {
		const org = await createOrganisation()
		const member = await addMember({ organisationId: org.id })
		const stranger = (await createOrganisation()).owner
		const path = `/org/${org.slug}/settings/learning-records`
		const params = { slug: org.slug }
		for (const [user, status] of [
			[member, 403],
			[stranger, 404],
		] as const) {
			const cookie = await sessionCookie(user.id)
			expect(statusOf(await runRoute(loader, getRequest(path, { cookie }), params))).toBe(status)
			for (const body of [fields(), { intent: 'test' }, { intent: 'resend-failed' }]) {
				expect(statusOf(await runRoute(action, formRequest(path, body, { cookie }), params))).toBe(status)
			}
		}
		expect(await prisma.lrsConnection.count({ where: { organisationId: org.id } })).toBe(0)
		expect(lrs.requests).toHaveLength(0)
	})

	test('an http address outside development is refused beside the field, typed values kept, the secret not echoed, nothing saved', async () => {
		const org = await createOrganisation()
		const cookie = await sessionCookie(org.owner.id)
		const path = `/org/${org.slug}/settings/learning-records`
		const result = (await runRoute(
			action,
			formRequest(path, fields({ endpoint: 'http://lrs.example.org/xapi/', authSecret: 'typed-secret' }), { cookie }),
			{ slug: org.slug },
		)) as { data: { ok: boolean; fieldErrors: Record<string, string[]>; values: Record<string, string> } }
		expect(statusOf(result)).toBe(422)
		expect(result.data.ok).toBe(false)
		expect(result.data.fieldErrors.endpoint?.[0]).toMatch(/must start with https:\/\//)
		expect(result.data.values.endpoint).toBe('http://lrs.example.org/xapi/')
		expect(JSON.stringify(result)).not.toContain('typed-secret')
		expect(await prisma.lrsConnection.count({ where: { organisationId: org.id } })).toBe(0)

		// Bad input of other kinds: 400 with errors beside the fields, never a 500.
		const empty = await runRoute(action, formRequest(path, { intent: 'save' }, { cookie }), { slug: org.slug })
		expect(statusOf(empty)).toBe(400)
		expect((empty as { data: { fieldErrors: Record<string, unknown> } }).data.fieldErrors).toHaveProperty('endpoint')
	})

	test('an administrator saves, tests the connection and sees the outcome; the page never holds the secret', async () => {
		const org = await createOrganisation()
		const admin = await addMember({ organisationId: org.id, role: 'ADMIN' })
		const cookie = await sessionCookie(admin.id)
		const path = `/org/${org.slug}/settings/learning-records`
		const params = { slug: org.slug }
		expect(statusOf(await runRoute(action, formRequest(path, fields(), { cookie }), params))).toBe(200)
		const tested = (await runRoute(action, formRequest(path, { intent: 'test' }, { cookie }), params)) as {
			data: { ok: boolean; message: string }
		}
		expect(statusOf(tested)).toBe(200)
		expect(tested.data).toMatchObject({ ok: true, message: expect.stringContaining('Connected') })
		const page = await runRoute(loader, getRequest(path, { cookie }), params)
		expect(page).toMatchObject({ connection: { endpoint: lrs.endpoint, authKey: lrs.key, hasSecret: true } })
		const stored = await prisma.lrsConnection.findUniqueOrThrow({ where: { organisationId: org.id } })
		expect(JSON.stringify(page)).not.toContain(lrs.secret)
		expect(JSON.stringify(page)).not.toContain(stored.authSecretEncrypted)
		expect(
			await prisma.auditLog.count({ where: { organisationId: org.id, action: 'xapi.lrs_saved', actorId: admin.id } }),
		).toBe(1)
	})
})

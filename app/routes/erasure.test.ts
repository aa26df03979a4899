import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createTestUser, formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { createOrganisation } from '#tests/factories/organisations.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { action as eraseAction, loader as eraseLoader } from './account.erase.tsx'
import { action as adminUserAction, loader as adminUserLoader } from './admin.users.$id.tsx'

afterAll(releaseTestResources)

const erasedAt = async (userId: string) =>
	(await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { erasedAt: true } })).erasedAt

function errorsOf(result: unknown) {
	return (result as { data: { result: { error?: Record<string, string[]> } } }).data.result.error
}

describe('/account/erase', () => {
	test('a visitor is sent to sign in, for the page and the form alike', async () => {
		const page = await runRoute(eraseLoader, getRequest('/account/erase'))
		expect(statusOf(page)).toBe(302)
		expect((page as Response).headers.get('Location')).toMatch(/^\/login/)
		const post = await runRoute(eraseAction, formRequest('/account/erase', { confirmEmail: 'x@example.com' }))
		expect((post as Response).headers.get('Location')).toMatch(/^\/login/)
	})

	test('a wrong password or an unticked box erases nothing, and says why beside the field', async () => {
		const person = await createTestUser()
		const cookie = await sessionCookie(person.id)
		const unticked = await runRoute(
			eraseAction,
			formRequest('/account/erase', { confirmEmail: person.email, password: person.password }, { cookie }),
		)
		expect(statusOf(unticked)).toBe(400)
		expect(errorsOf(unticked)?.understand?.[0]).toMatch(/Tick the box/)
		const wrong = await runRoute(
			eraseAction,
			formRequest('/account/erase', { confirmEmail: person.email, password: 'not it', understand: 'on' }, { cookie }),
		)
		expect(statusOf(wrong)).toBe(422)
		expect(errorsOf(wrong)?.password).toEqual(['Your password is incorrect.'])
		expect(await erasedAt(person.id)).toBeNull()
	})

	test('the right password erases the account, signs out and lands on the confirmation', async () => {
		const person = await createTestUser()
		const cookie = await sessionCookie(person.id)
		const page = (await runRoute(eraseLoader, getRequest('/account/erase', { cookie }))) as { reauth: string }
		expect(page.reauth).toBe('password')
		const done = await runRoute(
			eraseAction,
			formRequest(
				'/account/erase',
				{ confirmEmail: person.email, password: person.password, understand: 'on' },
				{ cookie },
			),
		)
		expect(statusOf(done)).toBe(302)
		expect((done as Response).headers.get('Location')).toBe('/account-erased')
		expect((done as Response).headers.get('Set-Cookie')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/)
		expect(await erasedAt(person.id)).not.toBeNull()
		// The old cookie no longer signs anyone in.
		const after = await runRoute(eraseLoader, getRequest('/account/erase', { cookie }))
		expect((after as Response).headers.get('Location')).toMatch(/^\/login/)
	})

	test("an organisation's sole owner is told, and refused if they post anyway", async () => {
		const owner = await createTestUser()
		const org = await createOrganisation({ ownerId: owner.id })
		const cookie = await sessionCookie(owner.id)
		const page = (await runRoute(eraseLoader, getRequest('/account/erase', { cookie }))) as { soleOwnerOf: string[] }
		expect(page.soleOwnerOf).toEqual([org.name])
		const post = await runRoute(
			eraseAction,
			formRequest(
				'/account/erase',
				{ confirmEmail: owner.email, password: owner.password, understand: 'on' },
				{ cookie },
			),
		)
		expect(statusOf(post)).toBe(409)
		expect(await erasedAt(owner.id)).toBeNull()
	})
})

describe('/admin/users/:id erase', () => {
	const fields = { intent: 'erase', reason: 'Email to the DPO on 1 December 2026', confirm: 'on' }

	test('a learner or a trainer cannot erase anyone', async () => {
		const target = await createTestUser()
		for (const role of ['LEARNER', 'TRAINER'] as const) {
			const actor = await createTestUser({ role })
			const cookie = await sessionCookie(actor.id)
			const result = await runRoute(adminUserAction, formRequest(`/admin/users/${target.id}`, fields, { cookie }), {
				id: target.id,
			})
			expect(statusOf(result)).toBe(403)
			const page = await runRoute(adminUserLoader, getRequest(`/admin/users/${target.id}`, { cookie }), {
				id: target.id,
			})
			expect(statusOf(page)).toBe(403)
		}
		expect(await erasedAt(target.id)).toBeNull()
	})

	test('a platform admin must give a reason and tick the box; then the account is erased and audited', async () => {
		const admin = await createTestUser({ role: 'ADMIN' })
		const target = await createTestUser()
		const cookie = await sessionCookie(admin.id)
		const bare = await runRoute(
			adminUserAction,
			formRequest(`/admin/users/${target.id}`, { intent: 'erase', reason: '' }, { cookie }),
			{ id: target.id },
		)
		expect(statusOf(bare)).toBe(400)
		expect(Object.keys(errorsOf(bare) ?? {}).sort()).toEqual(['confirm', 'reason'])
		expect(await erasedAt(target.id)).toBeNull()

		const done = (await runRoute(adminUserAction, formRequest(`/admin/users/${target.id}`, fields, { cookie }), {
			id: target.id,
		})) as { done: string }
		expect(done.done).toMatch(/The account is erased/)
		expect(await erasedAt(target.id)).not.toBeNull()
		expect(
			await prisma.auditLog.findFirst({ where: { action: 'user.erased', targetId: target.id, actorId: admin.id } }),
		).toMatchObject({ details: expect.objectContaining({ reason: fields.reason }) })
		const page = (await runRoute(adminUserLoader, getRequest(`/admin/users/${target.id}`, { cookie }), {
			id: target.id,
		})) as { user: { erasedAt: string | null; name: string } }
		expect(page.user).toMatchObject({ erasedAt: expect.any(String), name: 'Erased account' })
	})
})

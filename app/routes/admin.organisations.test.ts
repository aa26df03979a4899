// Route tests: a platform admin sets an organisation's invoice terms (ADR 0036) on its admin page.
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { createLearner } from '#tests/factories/certificates.ts'
import { createOrganisation } from '#tests/factories/organisations.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { action, loader } from './admin.organisations.$id.tsx'

afterAll(releaseTestResources)

type Reply = { data: { result: { initialValue: Record<string, unknown>; error: Record<string, string[]> } } }

async function termsOf(organisationId: string) {
	const { invoiceSeats } = await prisma.organisation.findUniqueOrThrow({ where: { id: organisationId } })
	return invoiceSeats
}

function auditCount(organisationId: string) {
	return prisma.auditLog.count({ where: { organisationId, action: 'organisation.invoice_terms_set' } })
}

describe('/admin/organisations/:id invoice terms', () => {
	test('an organisation’s owner, a learner and a trainer are refused and nothing changes', async () => {
		const org = await createOrganisation()
		const path = `/admin/organisations/${org.id}`
		const people = [org.owner.id, (await createLearner()).id, (await createLearner({ role: 'TRAINER' })).id]
		for (const id of people) {
			const cookie = await sessionCookie(id)
			const result = await runRoute(
				action,
				formRequest(path, { intent: 'invoice-seats', invoiceSeats: 'ON_ORDER' }, { cookie }),
				{
					id: org.id,
				},
			)
			expect(statusOf(result)).toBe(403)
		}
		expect(await termsOf(org.id)).toBe('ON_APPROVAL')
		expect(await auditCount(org.id)).toBe(0)
	})

	test('a platform admin moves an organisation to seats on order and back, each change audited', async () => {
		const org = await createOrganisation()
		const admin = await createLearner({ role: 'ADMIN' })
		const cookie = await sessionCookie(admin.id)
		const path = `/admin/organisations/${org.id}`

		const page = (await runRoute(loader, getRequest(path, { cookie }), { id: org.id })) as {
			organisation: { invoiceSeats: string }
		}
		expect(page.organisation.invoiceSeats).toBe('ON_APPROVAL')

		const saved = await runRoute(
			action,
			formRequest(path, { intent: 'invoice-seats', invoiceSeats: 'ON_ORDER' }, { cookie }),
			{
				id: org.id,
			},
		)
		expect(statusOf(saved)).toBe(200)
		expect(saved).toMatchObject({ intent: 'invoice-seats', saved: true })
		expect(await termsOf(org.id)).toBe('ON_ORDER')
		const entry = await prisma.auditLog.findFirstOrThrow({
			where: { organisationId: org.id, action: 'organisation.invoice_terms_set' },
		})
		expect(entry).toMatchObject({
			actorId: admin.id,
			targetType: 'Organisation',
			targetId: org.id,
			details: { from: 'ON_APPROVAL', to: 'ON_ORDER' },
		})

		// Saving the same terms again changes nothing and records nothing.
		await runRoute(action, formRequest(path, { intent: 'invoice-seats', invoiceSeats: 'ON_ORDER' }, { cookie }), {
			id: org.id,
		})
		expect(await auditCount(org.id)).toBe(1)

		await runRoute(action, formRequest(path, { intent: 'invoice-seats', invoiceSeats: 'ON_APPROVAL' }, { cookie }), {
			id: org.id,
		})
		expect(await termsOf(org.id)).toBe('ON_APPROVAL')
		expect(await auditCount(org.id)).toBe(2)
	})

	test('a value that is not one of the terms is refused beside the field, kept as sent, and nothing is saved', async () => {
		const org = await createOrganisation()
		const cookie = await sessionCookie((await createLearner({ role: 'ADMIN' })).id)
		const path = `/admin/organisations/${org.id}`
		for (const invoiceSeats of ['SOMETIMES', '']) {
			const result = await runRoute(action, formRequest(path, { intent: 'invoice-seats', invoiceSeats }, { cookie }), {
				id: org.id,
			})
			expect(statusOf(result)).toBe(400)
			const reply = (result as Reply).data.result
			expect(Object.keys(reply.error)).toEqual(['invoiceSeats'])
			expect(reply.error.invoiceSeats).toEqual(['Choose when seats are given'])
			if (invoiceSeats) expect(reply.initialValue.invoiceSeats).toBe(invoiceSeats)
		}
		expect(await termsOf(org.id)).toBe('ON_APPROVAL')
		expect(await auditCount(org.id)).toBe(0)
	})

	test('an organisation that does not exist is a 404, not a 500', async () => {
		const cookie = await sessionCookie((await createLearner({ role: 'ADMIN' })).id)
		const result = await runRoute(
			action,
			formRequest('/admin/organisations/nope', { intent: 'invoice-seats', invoiceSeats: 'ON_ORDER' }, { cookie }),
			{ id: 'nope' },
		)
		expect(statusOf(result)).toBe(404)
	})
})

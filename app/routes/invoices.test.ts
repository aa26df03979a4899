// Route tests: the organisation's billing details form and who may download an invoice PDF.
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createCheckout } from '#modules/billing/create-checkout.ts'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { withoutStripe } from '#tests/factories/billing.ts'
import { createCourse, createUser } from '#tests/factories/learning.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { loader as pdfLoader } from './account.purchases.$number[.]pdf.ts'
import { action, loader } from './org.$slug.settings.billing.tsx'

let restore: () => void
beforeEach(() => {
	restore = withoutStripe()
})
afterEach(() => restore())
afterAll(releaseTestResources)

const ADDRESS = {
	billingAddressLine1: '12 Canal Street',
	billingTown: 'Cardiff',
	billingPostcode: 'cf10 1aa',
	billingCountry: 'United Kingdom',
	billingEmail: 'Finance@Trust.example',
}

describe('/org/:slug/settings/billing', () => {
	test('a VAT number in the wrong format is refused beside the field and nothing is saved', async () => {
		const org = await createOrganisation()
		const path = `/org/${org.slug}/settings/billing`
		const cookie = await sessionCookie(org.owner.id)
		const before = await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } })

		for (const vatNumber of ['123', 'GB12345678', 'GB123456789', 'FR40303265045']) {
			const result = await runRoute(action, formRequest(path, { ...ADDRESS, vatNumber }, { cookie }), {
				slug: org.slug,
			})
			expect(statusOf(result)).toBe(400)
			const reply = (result as { data: { result: { error: Record<string, string[]> } } }).data.result
			expect(reply.error.vatNumber).toEqual([expect.stringContaining('Enter a UK VAT number like GB123456782')])
			expect(Object.keys(reply.error)).toEqual(['vatNumber'])
		}
		expect(await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } })).toEqual(before)
		expect(
			await prisma.auditLog.count({ where: { organisationId: org.id, action: 'organisation.billing_updated' } }),
		).toBe(0)

		const saved = await runRoute(action, formRequest(path, { ...ADDRESS, vatNumber: 'gb 123 4567 82' }, { cookie }), {
			slug: org.slug,
		})
		expect(statusOf(saved)).toBe(200)
		expect(await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
			billingAddressLine1: '12 Canal Street',
			billingPostcode: 'CF10 1AA',
			vatNumber: 'GB123456782',
			billingEmail: 'finance@trust.example',
		})
		expect(
			await prisma.auditLog.count({
				where: { organisationId: org.id, action: 'organisation.billing_updated', actorId: org.owner.id },
			}),
		).toBe(1)
	})

	test('members who are not administrators can neither read nor change billing', async () => {
		const org = await createOrganisation()
		const member = await addMember({ organisationId: org.id })
		const path = `/org/${org.slug}/settings/billing`
		const cookie = await sessionCookie(member.id)
		expect(statusOf(await runRoute(loader, getRequest(path, { cookie }), { slug: org.slug }))).toBe(403)
		const result = await runRoute(action, formRequest(path, { ...ADDRESS, vatNumber: '' }, { cookie }), {
			slug: org.slug,
		})
		expect(statusOf(result)).toBe(403)
		expect(await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
			billingAddressLine1: null,
		})
	})
})

describe('/account/purchases/:number.pdf', () => {
	test('the buyer, the organisation’s admins and platform admins download it; nobody else learns it exists', async () => {
		const org = await createOrganisation()
		await prisma.organisation.update({
			where: { id: org.id },
			data: { billingAddressLine1: '1 High Street', billingTown: 'Leeds', billingPostcode: 'LS1 1AA' },
		})
		const otherAdmin = await addMember({ organisationId: org.id, role: 'ADMIN' })
		const member = await addMember({ organisationId: org.id })
		const course = await createCourse({ pricePence: 4000, modules: 1 })
		const { orderId } = await createCheckout({
			buyerUserId: org.owner.id,
			courseId: course.id,
			organisationId: org.id,
			quantity: 2,
			method: 'INVOICE',
		})
		const { number } = await prisma.invoice.findUniqueOrThrow({ where: { orderId } })
		const get = async (userId: string, which = number) =>
			runRoute(pdfLoader, getRequest(`/account/purchases/${which}.pdf`, { cookie: await sessionCookie(userId) }), {
				number: which,
			})

		const mine = (await get(org.owner.id)) as Response
		expect(mine.status).toBe(200)
		expect(mine.headers.get('Content-Type')).toBe('application/pdf')
		expect(mine.headers.get('Content-Disposition')).toContain(`${number}.pdf`)
		expect(statusOf(await get(otherAdmin.id))).toBe(200)
		expect(statusOf(await get((await createUser({ role: 'ADMIN' })).id))).toBe(200)
		expect(statusOf(await get(member.id))).toBe(404)
		expect(statusOf(await get((await createUser()).id))).toBe(404)
		expect(statusOf(await get(org.owner.id, 'CIR-1999-000001'))).toBe(404)
		expect(statusOf(await get(org.owner.id, '../secrets'))).toBe(404)
	})
})

import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { DEMO_PURCHASE_ORDER } from './seed-invoices.ts'
import { DEMO_ORGANISATION, seedDemo } from './seed.ts'

afterAll(releaseTestResources)

describe('demo invoices', () => {
	test('the demo trust’s 12-seat order by invoice has its numbered invoice, emailed once, and seeding again adds nothing', async () => {
		await seedDemo({ log: () => {} })
		await seedDemo({ log: () => {} })
		const org = await prisma.organisation.findUniqueOrThrow({
			where: { slug: DEMO_ORGANISATION.slug },
			select: { id: true, vatNumber: true, billingPostcode: true },
		})
		expect(org).toMatchObject({ vatNumber: 'GB123456041', billingPostcode: 'NF1 4RW' })
		const orders = await prisma.order.findMany({
			where: { organisationId: org.id, purchaseOrderNumber: DEMO_PURCHASE_ORDER },
			select: { quantity: true, paymentMethod: true, invoice: { select: { number: true } } },
		})
		expect(orders).toHaveLength(1)
		expect(orders[0]).toMatchObject({ quantity: 12, paymentMethod: 'INVOICE' })
		expect(orders[0]!.invoice?.number).toMatch(/^CIR-\d{4}-\d{6}$/)
		expect(
			await prisma.emailMessage.count({
				where: { to: 'accounts-payable@northfield-trust.example', template: 'invoice-issued' },
			}),
		).toBe(1)
	}, 180_000)
})

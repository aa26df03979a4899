import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { createCourse, createUser } from '#tests/factories/learning.ts'
import { createCheckout } from './create-checkout.ts'
import { completeDemoCheckout, getDemoCheckout } from './demo-checkout.ts'
import { getOrderSummary, listMyOrders } from './get-order-summary.ts'
import { unitPriceFor, volumeTiersOf } from './pricing.ts'
import { refundOrder } from './revoke-purchase.ts'
import { createTestOrganisation, withoutStripe } from '#tests/factories/billing.ts'

afterAll(releaseTestResources)

async function thrown(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		return error
	}
	throw new Error('expected a rejection')
}

describe('pricing', () => {
	test('the price table is the tiers sorted by quantity, and ignores malformed tiers as the price does', () => {
		const tiers = [
			{ minQuantity: 50, unitPricePence: 3900 },
			{ minQuantity: 10, unitPricePence: 4400 },
		]
		expect(volumeTiersOf(tiers).map((t) => t.minQuantity)).toEqual([10, 50])
		expect(volumeTiersOf([{ minQuantity: 0, unitPricePence: 1 }])).toEqual([])
		expect(volumeTiersOf(null)).toEqual([])
		expect(unitPriceFor({ pricePence: 4900, volumeTiers: [{ minQuantity: 0, unitPricePence: 1 }] }, 5)).toBe(4900)
	})
})

describe('without Stripe', () => {
	let restore: () => void
	beforeEach(() => {
		restore = withoutStripe()
	})
	afterEach(() => restore())

	test('payment terms other than 14, 30 or 60 days and a malformed billing email are refused', async () => {
		const admin = await createUser()
		const organisation = await createTestOrganisation({ userId: admin.id })
		const course = await createCourse({ modules: 1, pricePence: 2500 })
		const base = {
			buyerUserId: admin.id,
			courseId: course.id,
			organisationId: organisation.id,
			quantity: 5,
			method: 'INVOICE' as const,
		}
		const terms = await thrown(createCheckout({ ...base, paymentTermsDays: 365 }))
		expect(isDomainError(terms) && terms.field).toBe('paymentTermsDays')
		const email = await thrown(createCheckout({ ...base, billingEmail: 'finance at school' }))
		expect(isDomainError(email) && email.field).toBe('billingEmail')
		expect(await prisma.order.count({ where: { courseId: course.id } })).toBe(0)
	})

	test('the demo checkout is closed in production, whatever the keys', async () => {
		const buyer = await createUser()
		const course = await createCourse({ modules: 1, pricePence: 2500 })
		const { orderId } = await createCheckout({ buyerUserId: buyer.id, courseId: course.id, method: 'CARD' })
		const saved = process.env.NODE_ENV
		process.env.NODE_ENV = 'production'
		try {
			for (const call of [getDemoCheckout, completeDemoCheckout]) {
				const error = await thrown(call({ orderId, userId: buyer.id }))
				expect(isDomainError(error) && error.kind).toBe('not_found')
			}
		} finally {
			process.env.NODE_ENV = saved
		}
		expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('PENDING')
	})

	test("a refund's reason is kept in the audit log; the buyer sees the order as refunded", async () => {
		const buyer = await createUser()
		const course = await createCourse({ modules: 1, pricePence: 2500 })
		const { orderId } = await createCheckout({ buyerUserId: buyer.id, courseId: course.id, method: 'CARD' })
		await completeDemoCheckout({ orderId, userId: buyer.id })
		const admin = await createUser({ role: 'ADMIN' })
		const result = await refundOrder({ orderId, actorId: admin.id, reason: '  Duplicate purchase  ' })
		expect(result).toMatchObject({ state: 'refunded', seatLicence: false, removed: 1 })
		const audit = await prisma.auditLog.findFirstOrThrow({
			where: { targetId: orderId, action: 'order.refund_requested' },
		})
		expect(audit).toMatchObject({ actorId: admin.id, details: { reason: 'Duplicate purchase', demo: true } })
		expect(await getOrderSummary({ orderId, userId: buyer.id })).toMatchObject({
			status: 'REFUNDED',
			amountRefundedPence: 2500,
		})
		expect((await listMyOrders({ userId: buyer.id })).map((o) => o.id)).toEqual([orderId])
		expect(await listMyOrders({ userId: admin.id })).toEqual([])
	})
})

import { prisma } from '#modules/db/client.ts'
import { BillingError } from '#modules/billing/errors.ts'
import { audit } from './audit.ts'
import { ORDER_PRODUCT_SELECT, orderProduct } from './product.ts'
import { fulfilOrder, orderReference } from './fulfil-order.ts'
import { billingConfig } from './stripe-client.ts'

function assertDemoAllowed() {
	const { production, secretKey } = billingConfig()
	// Never in production, whatever the keys: a demo payment must not be able to grant real access.
	// Nor once Stripe is configured: a demo order left over from before then must be paid for properly.
	if (production || secretKey) throw new BillingError('not_found', 'NOT_FOUND', 'Page not found.')
}

async function findBuyersDemoOrder(orderId: string, userId: string) {
	const order = await prisma.order.findFirst({
		where: { id: orderId, buyerUserId: userId, paymentMethod: 'DEMO' },
		select: {
			id: true,
			status: true,
			quantity: true,
			amountPence: true,
			checkoutExpiresAt: true,
			organisation: { select: { slug: true, name: true } },
			...ORDER_PRODUCT_SELECT,
		},
	})
	// Someone else's order is as unknown as a missing one.
	if (!order) throw new BillingError('not_found', 'ORDER_NOT_FOUND', 'We could not find that checkout.')
	return order
}

/**
 * The demo checkout page's order summary, for the order's buyer only (404 in production, when Stripe
 * is configured, and for anyone else).
 */
export async function getDemoCheckout({ orderId, userId }: { orderId: string; userId: string }) {
	assertDemoAllowed()
	const order = await findBuyersDemoOrder(orderId, userId)
	return {
		id: order.id,
		reference: orderReference(order.id),
		status: order.status,
		quantity: order.quantity,
		amountPence: order.amountPence,
		expiresAt: order.checkoutExpiresAt,
		product: orderProduct(order),
		courseTitle: orderProduct(order).title,
		organisation: order.organisation,
	}
}

/**
 * Completes a demo checkout through the same fulfilment as a Stripe payment (fulfilOrder). Only the
 * buyer may, only while the order is PENDING, and never in production or with Stripe configured (404).
 */
export async function completeDemoCheckout({ orderId, userId }: { orderId: string; userId: string }) {
	assertDemoAllowed()
	const order = await findBuyersDemoOrder(orderId, userId)
	if (order.status === 'PAID') return { orderId, status: order.status, fulfilledNow: false }
	if (order.status !== 'PENDING') {
		throw new BillingError(
			'gone',
			'CHECKOUT_CLOSED',
			'This checkout has been cancelled or has expired. Please start again.',
		)
	}
	return fulfilOrder({ orderId, paidVia: 'demo' })
}

/** Cancels a demo checkout (the order becomes EXPIRED); only its buyer may, never in production. */
export async function cancelDemoCheckout({ orderId, userId }: { orderId: string; userId: string }) {
	assertDemoAllowed()
	const order = await findBuyersDemoOrder(orderId, userId)
	await prisma.$transaction(async (tx) => {
		const { count } = await tx.order.updateMany({
			where: { id: orderId, status: 'PENDING' },
			data: { status: 'EXPIRED' },
		})
		if (count) await audit(tx, { actorId: userId, organisationId: null, action: 'order.cancelled', orderId })
	})
	return { product: orderProduct(order) }
}

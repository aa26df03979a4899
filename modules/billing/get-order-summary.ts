import { prisma } from '#modules/db/client.ts'
import { BillingError } from '#modules/billing/errors.ts'
import { orderReference } from './fulfil-order.ts'
import { ORDER_PRODUCT_SELECT, orderProduct } from './product.ts'

/**
 * An order as its buyer sees it after checkout (status, what was bought, where to go next). Anyone
 * but the buyer gets `not_found`, as for an order that does not exist.
 */
export async function getOrderSummary({ orderId, userId }: { orderId: string; userId: string }) {
	const order = await prisma.order.findFirst({
		where: { id: orderId, buyerUserId: userId },
		select: {
			id: true,
			status: true,
			quantity: true,
			amountPence: true,
			amountRefundedPence: true,
			paymentMethod: true,
			purchaseOrderNumber: true,
			checkoutUrl: true,
			checkoutExpiresAt: true,
			createdAt: true,
			fulfilledAt: true,
			refundedAt: true,
			seatsGrantedAt: true,
			invoice: { select: { number: true, dueAt: true, paidAt: true } },
			organisation: { select: { slug: true, name: true, billingEmail: true } },
			buyer: { select: { email: true } },
			...ORDER_PRODUCT_SELECT,
		},
	})
	if (!order) throw new BillingError('not_found', 'ORDER_NOT_FOUND', 'We could not find that order.')
	const open = order.status === 'PENDING'
	return {
		id: order.id,
		reference: orderReference(order.id),
		status: order.status,
		quantity: order.quantity,
		amountPence: order.amountPence,
		amountRefundedPence: order.amountRefundedPence,
		paymentMethod: order.paymentMethod,
		purchaseOrderNumber: order.purchaseOrderNumber,
		createdAt: order.createdAt,
		fulfilledAt: order.fulfilledAt,
		refundedAt: order.refundedAt,
		/** An invoice order whose seats were given before payment (on order or on approval). */
		seatsGranted: order.seatsGrantedAt !== null,
		invoice: order.invoice,
		organisation: order.organisation ? { slug: order.organisation.slug, name: order.organisation.name } : null,
		/** Where an invoice was sent: the organisation's billing contact, else the buyer. */
		invoiceEmail: order.paymentMethod === 'INVOICE' ? (order.organisation?.billingEmail ?? order.buyer.email) : null,
		/** The page to finish paying on, while the order is still open (hosted invoice, checkout or demo). */
		payUrl: open && (!order.checkoutExpiresAt || order.checkoutExpiresAt > new Date()) ? order.checkoutUrl : null,
		product: orderProduct(order),
		courseTitle: orderProduct(order).title,
	}
}

export type OrderSummary = Awaited<ReturnType<typeof getOrderSummary>>

/** Every order the user has placed, newest first (for their purchases page): theirs only. */
export async function listMyOrders({ userId }: { userId: string }) {
	const orders = await prisma.order.findMany({
		where: { buyerUserId: userId, status: { in: ['PAID', 'REFUNDED', 'PENDING'] } },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take: 200,
		select: {
			id: true,
			status: true,
			quantity: true,
			amountPence: true,
			amountRefundedPence: true,
			paymentMethod: true,
			createdAt: true,
			fulfilledAt: true,
			organisation: { select: { slug: true, name: true } },
			invoice: {
				select: {
					number: true,
					paidAt: true,
					dueAt: true,
					creditNotes: { orderBy: { sequence: 'asc' }, select: { number: true, totalPence: true } },
				},
			},
			...ORDER_PRODUCT_SELECT,
		},
	})
	return orders.map(({ course, programme, ...order }) => {
		const product = orderProduct({ course, programme })
		return { ...order, reference: orderReference(order.id), product, courseTitle: product.title }
	})
}

import { prisma } from '#modules/db/client.ts'
import { DomainError } from '#modules/errors/domain-error.ts'
import { orderReference } from './fulfil-order.ts'

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
			paymentMethod: true,
			fulfilledAt: true,
			organisation: { select: { slug: true, name: true } },
			course: { select: { slug: true, publishedVersion: { select: { title: true } } } },
		},
	})
	if (!order) throw new DomainError('not_found', 'ORDER_NOT_FOUND', 'We could not find that order.')
	return {
		id: order.id,
		reference: orderReference(order.id),
		status: order.status,
		quantity: order.quantity,
		amountPence: order.amountPence,
		paymentMethod: order.paymentMethod,
		fulfilledAt: order.fulfilledAt,
		organisation: order.organisation,
		courseSlug: order.course.slug,
		courseTitle: order.course.publishedVersion?.title ?? order.course.slug,
	}
}

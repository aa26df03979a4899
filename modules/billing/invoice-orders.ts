import { assertPlatformAdmin } from '#modules/admin/assert-admin.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import { audit } from './audit.ts'
import { BillingError } from './errors.ts'
import { fulfilOrder, grantOrder } from './fulfil-order.ts'
import { lockOrder } from './sql.ts'

// Paying by invoice without a card (ADR 0036): the order is placed with its invoice issued and
// emailed to the billing contact; seats come when the order is placed or when a platform admin
// approves it (the organisation's invoiceSeats), and a platform admin records the payment through
// fulfilOrder, the same fulfilment a Stripe payment goes through.

/**
 * Gives an invoice order's seats before it is paid, inside the caller's transaction: locks the
 * order, and only a PENDING invoice order whose seats were not given yet gets them (so approving
 * twice, or approving an order already paid, gives nothing more). Records `seatsGrantedAt` and an
 * audit entry. Returns whether this call gave them.
 */
export async function grantInvoiceSeats(
	tx: Tx,
	{
		orderId,
		actorId,
		now,
		reason,
	}: { orderId: string; actorId: string | null; now: Date; reason: 'on-order' | 'approved' },
) {
	const current = await lockOrder(tx, orderId)
	if (!current) throw new BillingError('not_found', 'ORDER_NOT_FOUND', 'We could not find that order.')
	if (current.status !== 'PENDING' || current.seatsGrantedAt) return { granted: false }
	const grant = await grantOrder(tx, { orderId, now })
	const order = await tx.order.update({
		where: { id: orderId },
		data: { seatsGrantedAt: now },
		select: { organisationId: true },
	})
	await audit(tx, {
		actorId,
		organisationId: order.organisationId,
		action: reason === 'approved' ? 'order.approved' : 'order.seats_granted',
		orderId,
		details: { before: 'payment', ...grant },
	})
	return { granted: true }
}

async function invoiceOrderForAdmin(orderId: string) {
	const order = await prisma.order.findUnique({
		where: { id: orderId },
		select: { id: true, status: true, paymentMethod: true, seatsGrantedAt: true, organisationId: true },
	})
	if (!order) throw new BillingError('not_found', 'ORDER_NOT_FOUND', 'We could not find that order.')
	if (order.paymentMethod !== 'INVOICE') {
		throw new BillingError('conflict', 'ORDER_NOT_INVOICED', 'This order is not paid by invoice.')
	}
	return order
}

/**
 * A platform admin approves an order on invoice terms: its seats are given now, before payment.
 * Only a PENDING invoice order whose seats are not given yet (`conflict` otherwise).
 */
export async function approveInvoiceOrder({ orderId, actorId, now }: { orderId: string; actorId: string; now: Date }) {
	await assertPlatformAdmin({ actorId })
	const order = await invoiceOrderForAdmin(orderId)
	if (order.status !== 'PENDING' || order.seatsGrantedAt) {
		throw new BillingError('conflict', 'NOT_AWAITING_APPROVAL', 'This order’s seats have already been given.')
	}
	return prisma.$transaction((tx) => grantInvoiceSeats(tx, { orderId, actorId, now, reason: 'approved' }))
}

/**
 * A platform admin records that an invoice was paid (a bank transfer arrived on `receivedAt`, with
 * the bank's `reference`). The order is fulfilled by fulfilOrder, exactly as a Stripe payment is:
 * marked PAID, its seats given if they were not already, its invoice marked paid and a receipt
 * emailed. Recording it twice changes nothing (`conflict`: already paid). The admin's entry is
 * audited in the same transaction.
 */
export async function recordInvoicePayment({
	orderId,
	actorId,
	receivedAt,
	reference,
}: {
	orderId: string
	actorId: string
	receivedAt: Date
	reference: string | null
}) {
	await assertPlatformAdmin({ actorId })
	const order = await invoiceOrderForAdmin(orderId)
	if (order.status === 'PAID' || order.status === 'REFUNDED') {
		throw new BillingError('conflict', 'ALREADY_PAID', 'This invoice has already been paid.')
	}
	return prisma.$transaction(
		async (tx) => {
			const result = await fulfilOrder({ orderId, paidVia: 'bank-transfer', now: receivedAt, tx })
			if (result.fulfilledNow) {
				await audit(tx, {
					actorId,
					organisationId: order.organisationId,
					action: 'order.payment_recorded',
					orderId,
					details: { receivedAt: receivedAt.toISOString(), reference },
				})
			}
			return result
		},
		{ timeout: 20_000 },
	)
}

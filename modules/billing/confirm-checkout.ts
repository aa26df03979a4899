import { prisma } from '#modules/db/client.ts'
import { BillingError } from '#modules/billing/errors.ts'
import { fulfilCheckout, type FulfilmentResult } from './fulfil-order.ts'
import { getOrderSummary } from './get-order-summary.ts'
import { getStripe } from './stripe-client.ts'

/**
 * What /checkout/success shows when Stripe sends the buyer back: the order behind the Checkout
 * Session, brought up to date through the shared fulfilment (fulfilCheckout: Stripe is re-read, the
 * grant happens at most once, so reloading the page or the webhook arriving first changes nothing).
 * Only the buyer's own session is looked at: any other session id, or no Stripe configured, is
 * `not_found`. If Stripe cannot be reached the order is shown as it stands (the webhook will
 * fulfil it), with `confirmed: false`.
 */
export async function confirmCheckout({ sessionId, userId }: { sessionId: string; userId: string }) {
	const order = (await getStripe())
		? await prisma.order.findFirst({
				where: { stripeCheckoutSessionId: sessionId, buyerUserId: userId },
				select: { id: true },
			})
		: null
	if (!order) throw new BillingError('not_found', 'ORDER_NOT_FOUND', 'We could not find that order.')

	let result: FulfilmentResult | null = null
	try {
		result = await fulfilCheckout({ checkoutSessionId: sessionId })
	} catch (error) {
		console.error(`[billing] confirming checkout ${sessionId} failed: ${(error as Error).stack ?? error}`)
	}
	const summary = await getOrderSummary({ orderId: order.id, userId })
	return {
		order: summary,
		confirmed: result !== null,
		/** Checkout finished but the money has not arrived (Bacs Direct Debit, bank transfer). */
		awaitingPayment: result?.checkout?.status === 'complete' && result.checkout.paymentStatus === 'unpaid',
	}
}

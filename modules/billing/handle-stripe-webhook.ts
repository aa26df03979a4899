import { applyChargeDispute, applyChargeRefund } from './revoke-purchase.ts'
import { fulfilCheckout, fulfilInvoice } from './fulfil-order.ts'
import { claimStripeEvent, type StripeEventRef } from './stripe-events.ts'
import { billingConfig, getStripe, type Stripe } from './stripe-client.ts'
import { prisma } from '#modules/db/client.ts'

export type WebhookReply = { status: number; body: string }

/**
 * Handles one delivery to POST /webhooks/stripe. The signature is checked against the raw body
 * (400 and no change when it fails); an event already processed is a 200 no-op; each effect records
 * its event in StripeEvent in the same transaction, so a failure (answered 500, for Stripe to retry)
 * leaves no record. Effects re-read state from Stripe, so events may arrive in any order.
 */
export async function handleStripeWebhook({
	payload,
	signature,
}: {
	payload: string
	signature: string | null
}): Promise<WebhookReply> {
	const { webhookSecret } = billingConfig()
	const stripe = getStripe()
	if (!stripe || !webhookSecret) return { status: 503, body: 'Stripe webhooks are not configured' }
	if (!signature) return { status: 400, body: 'Missing Stripe-Signature header' }

	let event: Stripe.Event
	try {
		event = stripe.webhooks.constructEvent(payload, signature, webhookSecret)
	} catch {
		return { status: 400, body: 'Invalid signature' }
	}

	const seen = await prisma.stripeEvent.findUnique({ where: { id: event.id }, select: { processedAt: true } })
	if (seen?.processedAt) return { status: 200, body: 'Already processed' }

	const ref: StripeEventRef = { id: event.id, type: event.type }
	try {
		await dispatch(event, ref)
	} catch (error) {
		console.error(`[billing] webhook ${event.type} ${event.id} failed: ${(error as Error).stack ?? error}`)
		return { status: 500, body: 'Processing failed; Stripe will retry' }
	}
	return { status: 200, body: 'OK' }
}

async function dispatch(event: Stripe.Event, ref: StripeEventRef) {
	switch (event.type) {
		case 'checkout.session.completed':
		case 'checkout.session.async_payment_succeeded':
		case 'checkout.session.async_payment_failed':
		case 'checkout.session.expired':
			await fulfilCheckout({ checkoutSessionId: event.data.object.id, stripeEvent: ref })
			return
		case 'invoice.paid':
			await fulfilInvoice({ invoiceId: event.data.object.id, stripeEvent: ref })
			return
		case 'charge.refunded':
			await applyChargeRefund({ chargeId: event.data.object.id, stripeEvent: ref })
			return
		case 'charge.dispute.created': {
			const charge = event.data.object.charge
			await applyChargeDispute({ chargeId: typeof charge === 'string' ? charge : charge.id, stripeEvent: ref })
			return
		}
		default:
			// Not one Circle subscribes to: note it so a replay is skipped quickly.
			await prisma.$transaction((tx) => claimStripeEvent(tx, ref))
	}
}

import { prisma } from '#modules/db/client.ts'
import { BillingError } from './errors.ts'
import { applyChargeEvent, fulfilCheckout, fulfilInvoice, type FulfilmentResult } from './fulfil-order.ts'
import { claimStripeEvent, type StripeEventRef } from './stripe-events.ts'
import { billingConfig, getStripe, isMissingInStripe, type Stripe } from './stripe-client.ts'

export type WebhookReply = { status: number; body: string }

/**
 * Handles one delivery to POST /webhooks/stripe. The signature is checked against the raw body
 * (400 and no change when it fails); an event already processed is a 200 no-op; each effect records
 * its event in StripeEvent in the same transaction, so a failure (answered 500, for Stripe to retry)
 * leaves no record. Effects re-read state from Stripe, so events may arrive in any order.
 *
 * A signed event about something Stripe does not know (a 404 from its API) or that is none of
 * Circle's orders can never succeed on a retry: it is recorded, logged as a warning and answered
 * 200, so Stripe does not retry it for days. Anything else that fails (the database or Stripe
 * unreachable) is a 500, so that Stripe does retry.
 */
export async function handleStripeWebhook({
	payload,
	signature,
}: {
	payload: string
	signature: string | null
}): Promise<WebhookReply> {
	const { webhookSecret } = billingConfig()
	const stripe = await getStripe()
	if (!stripe || !webhookSecret) return { status: 503, body: 'Stripe webhooks are not configured' }
	if (!signature) return { status: 400, body: 'Missing Stripe-Signature header' }

	let event: Stripe.Event
	try {
		event = stripe.webhooks.constructEvent(payload, signature, webhookSecret)
	} catch {
		return { status: 400, body: 'Invalid signature' }
	}

	const ref: StripeEventRef = { id: event.id, type: event.type }
	try {
		const seen = await prisma.stripeEvent.findUnique({ where: { id: event.id }, select: { processedAt: true } })
		if (seen?.processedAt) return { status: 200, body: 'Already processed' }
		const result = await dispatch(event, ref)
		if (result?.status === 'UNKNOWN') {
			warnIgnored(event, 'is not one of Circle’s orders')
			return { status: 200, body: 'Ignored: not one of Circle’s orders' }
		}
		return { status: 200, body: 'OK' }
	} catch (error) {
		const unknown = isMissingInStripe(error)
			? 'is unknown to Stripe'
			: error instanceof BillingError && error.code === 'ORDER_NOT_FOUND'
				? 'names an order Circle does not have'
				: null
		if (!unknown) return failed(event, error)
		try {
			await prisma.$transaction((tx) => claimStripeEvent(tx, ref))
		} catch (recordError) {
			return failed(event, recordError)
		}
		warnIgnored(event, unknown)
		return { status: 200, body: 'Ignored: unknown object' }
	}
}

function failed(event: Stripe.Event, error: unknown): WebhookReply {
	console.error(`[billing] webhook ${event.type} ${event.id} failed: ${(error as Error).stack ?? error}`)
	return { status: 500, body: 'Processing failed; Stripe will retry' }
}

async function dispatch(event: Stripe.Event, ref: StripeEventRef): Promise<FulfilmentResult | null> {
	switch (event.type) {
		case 'checkout.session.completed':
		case 'checkout.session.async_payment_succeeded':
		case 'checkout.session.async_payment_failed':
		case 'checkout.session.expired':
			return fulfilCheckout({ checkoutSessionId: event.data.object.id, stripeEvent: ref })
		case 'invoice.paid':
			return fulfilInvoice({ invoiceId: event.data.object.id, stripeEvent: ref })
		case 'charge.refunded':
			return applyChargeEvent({ chargeId: event.data.object.id, stripeEvent: ref })
		case 'charge.dispute.created':
			return applyChargeEvent({ chargeId: chargeIdOf(event.data.object), stripeEvent: ref })
		default:
			// Not one Circle subscribes to: note it so a replay is skipped quickly.
			await prisma.$transaction((tx) => claimStripeEvent(tx, ref))
			return null
	}
}

function chargeIdOf(dispute: Stripe.Dispute) {
	return typeof dispute.charge === 'string' ? dispute.charge : dispute.charge.id
}

/** Names only the event and the object's id: never the payload, the signature or anyone's details. */
function warnIgnored(event: Stripe.Event, why: string) {
	const object = event.data.object as { id?: unknown; object?: unknown }
	const named = `${typeof object.object === 'string' ? object.object : 'object'} ${typeof object.id === 'string' ? object.id : '(no id)'}`
	console.warn(`[billing] webhook ${event.type} ${event.id}: ${named} ${why}; acknowledged without effect`)
}

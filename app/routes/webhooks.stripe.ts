import { handleStripeWebhook } from '#modules/billing/handle-stripe-webhook.ts'
import type { Route } from './+types/webhooks.stripe'

/** POST /webhooks/stripe: the signature is checked on the raw body, so it is read as text, untouched. */
export async function action({ request }: Route.ActionArgs) {
	const { status, body } = await handleStripeWebhook({
		payload: await request.text(),
		signature: request.headers.get('stripe-signature'),
	})
	return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

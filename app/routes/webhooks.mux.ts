import { isDomainError } from '#modules/errors/domain-error.ts'
import { handleMuxWebhook } from '#modules/video/handle-mux-webhook.ts'
import type { Route } from './+types/webhooks.mux'

/**
 * Mux webhook endpoint. The raw body is what Mux signed, so it is read as text and never parsed
 * before the signature is checked. A bad signature (or payload) is a 400 and changes nothing;
 * anything else that fails is a 500 so that Mux retries.
 */
export async function action({ request }: Route.ActionArgs) {
	if (request.method !== 'POST') return new Response('Method not allowed', { status: 405, headers: { Allow: 'POST' } })
	const body = await request.text()
	try {
		const result = await handleMuxWebhook({ body, headers: request.headers })
		return Response.json({ received: true, outcome: result.outcome })
	} catch (error) {
		if (isDomainError(error) && error.kind === 'invalid') {
			return Response.json({ error: error.message }, { status: 400 })
		}
		throw error
	}
}

export function loader() {
	return new Response('Method not allowed', { status: 405, headers: { Allow: 'POST' } })
}

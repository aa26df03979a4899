import { handleMailFeedback } from '#modules/newsletter/mail-feedback.ts'
import type { Route } from './+types/webhooks.mail'

/**
 * POST /webhooks/mail: the mail provider's bounce and complaint notifications (ADR 0046). The signature
 * is over the raw body, so it is read as text, untouched; 401 for a bad signature, 400 for a bad body.
 */
export async function action({ request }: Route.ActionArgs) {
	if (request.method !== 'POST') return new Response('Method not allowed', { status: 405, headers: { Allow: 'POST' } })
	const { status, body } = await handleMailFeedback({
		body: await request.text(),
		signature: request.headers.get('X-Circle-Signature'),
		now: new Date(),
	})
	return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })
}

export function loader() {
	return new Response('Method not allowed', { status: 405, headers: { Allow: 'POST' } })
}

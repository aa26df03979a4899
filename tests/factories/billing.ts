// Helpers for billing tests (here and in app/): real rows, a real Stripe client talking to the fake
// Stripe server, and webhook events signed exactly as Stripe signs them.
import { randomBytes } from 'node:crypto'
import Stripe from 'stripe'
import { prisma, type OrgRole } from '#modules/db/client.ts'
import { startFakeStripe, type FakeStripe } from '#tests/fakes/stripe-server.ts'
import { handleStripeWebhook } from '#modules/billing/handle-stripe-webhook.ts'

export const TEST_WEBHOOK_SECRET = 'whsec_test_circle_fake'

const STRIPE_VARS = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_URL', 'NODE_ENV'] as const

/** Starts the fake Stripe and points Circle at it; `stop` puts the environment back. */
export async function useFakeStripe() {
	const saved = Object.fromEntries(STRIPE_VARS.map((name) => [name, process.env[name]]))
	const fake = await startFakeStripe()
	process.env.STRIPE_SECRET_KEY = 'sk_test_circle_fake'
	process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET
	process.env.STRIPE_API_URL = fake.url
	return {
		fake,
		async stop() {
			await fake.close()
			restoreEnv(saved)
		},
	}
}

/** Runs with Stripe switched off (the demo checkout), restoring the environment afterwards. */
export function withoutStripe() {
	const saved = Object.fromEntries(STRIPE_VARS.map((name) => [name, process.env[name]]))
	delete process.env.STRIPE_SECRET_KEY
	delete process.env.STRIPE_WEBHOOK_SECRET
	delete process.env.STRIPE_API_URL
	return () => restoreEnv(saved)
}

function restoreEnv(saved: Record<string, string | undefined>) {
	for (const [name, value] of Object.entries(saved)) {
		if (value === undefined) delete process.env[name]
		else process.env[name] = value
	}
}

const signer = new Stripe('sk_test_signer_only')

/** A webhook delivery as Stripe sends it: the JSON body and its Stripe-Signature header. */
export function signedEvent(type: string, object: Record<string, unknown>, { id }: { id?: string } = {}) {
	const payload = JSON.stringify({
		id: id ?? `evt_test_${randomBytes(10).toString('hex')}`,
		object: 'event',
		api_version: Stripe.API_VERSION,
		created: Math.floor(Date.now() / 1000),
		livemode: false,
		pending_webhooks: 1,
		request: { id: null, idempotency_key: null },
		type,
		data: { object },
	})
	const signature = signer.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET })
	return { payload, signature, id: JSON.parse(payload).id as string }
}

/** Delivers a signed event to Circle's webhook handler. */
export function deliver(event: { payload: string; signature: string }) {
	return handleStripeWebhook({ payload: event.payload, signature: event.signature })
}

/** An organisation with `userId` as a member in `role`, with a billing address unless `billingAddress: false`. */
export async function createTestOrganisation({
	userId,
	role = 'OWNER',
	billingAddress = true,
	invoiceSeats = 'ON_APPROVAL',
}: {
	userId: string
	role?: OrgRole
	billingAddress?: boolean
	invoiceSeats?: 'ON_ORDER' | 'ON_APPROVAL'
}) {
	const slug = `org-${randomBytes(6).toString('hex')}`
	return prisma.organisation.create({
		data: {
			slug,
			name: `Riverside Academy ${slug}`,
			billingEmail: 'finance@riverside.example',
			invoiceSeats,
			...(billingAddress
				? { billingAddressLine1: '1 River Lane', billingTown: 'Leeds', billingPostcode: 'LS2 7AB' }
				: {}),
			memberships: { create: { userId, role } },
		},
		select: { id: true, slug: true, name: true },
	})
}

export type { FakeStripe }

import Stripe from 'stripe'
import { parseEnv } from '#modules/env/env.ts'

export type { Stripe }

/**
 * Billing's view of the environment, read at call time (not the cached getEnv()) so that tests can
 * switch Stripe on and off, and NODE_ENV, by setting the environment.
 */
export function billingConfig() {
	const env = parseEnv()
	return {
		secretKey: env.STRIPE_SECRET_KEY,
		webhookSecret: env.STRIPE_WEBHOOK_SECRET,
		automaticTax: env.STRIPE_AUTOMATIC_TAX,
		apiUrl: env.STRIPE_API_URL,
		production: env.NODE_ENV === 'production',
	}
}

const clients = new Map<string, Stripe>()

/**
 * The Stripe client for the configured key, or null when STRIPE_SECRET_KEY is unset (then the
 * labelled demo checkout stands in, outside production only). STRIPE_API_URL points the real client
 * at another address, which is how tests talk to tests/fakes/stripe-server.ts.
 */
export function getStripe(): Stripe | null {
	const { secretKey, apiUrl } = billingConfig()
	if (!secretKey) return null
	const cacheKey = `${secretKey}@${apiUrl ?? ''}`
	let client = clients.get(cacheKey)
	if (!client) {
		const target = apiUrl ? new URL(apiUrl) : null
		client = new Stripe(secretKey, {
			maxNetworkRetries: 2,
			timeout: 20_000,
			...(target
				? {
						host: target.hostname,
						port: target.port || (target.protocol === 'https:' ? 443 : 80),
						protocol: target.protocol === 'http:' ? 'http' : 'https',
					}
				: {}),
		})
		clients.set(cacheKey, client)
	}
	return client
}

/** The Stripe client, or a clear configuration error when payments need Stripe and it is not set up. */
export function requireStripe(): Stripe {
	const stripe = getStripe()
	if (!stripe) throw new BillingConfigurationError('STRIPE_SECRET_KEY is not set, so Circle cannot talk to Stripe.')
	return stripe
}

/** A deployment mistake (missing keys), not a user error: it surfaces as a 500 with this message in the logs. */
export class BillingConfigurationError extends Error {
	constructor(message: string) {
		super(message)
		this.name = 'BillingConfigurationError'
	}
}

/** Stripe answered 404: the object (a session, charge or invoice) does not exist in this account. */
export function isMissingInStripe(error: unknown) {
	return error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404
}

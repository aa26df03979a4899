import type Stripe from 'stripe'
import { isRealDeployment, parseEnv } from '#modules/env/env.ts'

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
		/** A real deployment (ADR 0052): the demo checkout is closed whatever the keys. */
		production: isRealDeployment(env),
	}
}

const clients = new Map<string, Stripe>()
/**
 * Stripe's SDK (about 200 modules) is loaded the first time a process talks to Stripe, not by every
 * HTTP worker at start-up (ADR 0054); kept here once loaded, for isMissingInStripe.
 */
let StripeSdk: typeof Stripe | undefined

/**
 * The Stripe client for the configured key, or null when STRIPE_SECRET_KEY is unset (then the
 * labelled demo checkout stands in, outside a real deployment only). STRIPE_API_URL points the real client
 * at another address, which is how tests talk to tests/fakes/stripe-server.ts.
 */
export async function getStripe(): Promise<Stripe | null> {
	const { secretKey, apiUrl } = billingConfig()
	if (!secretKey) return null
	const cacheKey = `${secretKey}@${apiUrl ?? ''}`
	let client = clients.get(cacheKey)
	if (!client) {
		StripeSdk ??= (await import('stripe')).default
		const target = apiUrl ? new URL(apiUrl) : null
		client = new StripeSdk(secretKey, {
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
export async function requireStripe(): Promise<Stripe> {
	const stripe = await getStripe()
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
	// An error from Stripe means the SDK is loaded; without it, the error came from elsewhere.
	return !!StripeSdk && error instanceof StripeSdk.errors.StripeInvalidRequestError && error.statusCode === 404
}

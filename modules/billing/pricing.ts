import { z } from 'zod'
import { BillingError } from '#modules/billing/errors.ts'

export const MIN_QUANTITY = 1
export const MAX_QUANTITY = 1000
/** Payment terms an organisation may choose for an invoice, in days; 30 is the UK public-sector norm. */
export const PAYMENT_TERMS_DAYS = [14, 30, 60] as const
export const DEFAULT_PAYMENT_TERMS_DAYS = 30

const TiersSchema = z.array(z.object({ minQuantity: z.number().int().min(1), unitPricePence: z.number().int().min(0) }))

/**
 * The price of one place for a given quantity: the course's own price, or the volume tier with the
 * highest minQuantity that the quantity reaches. Malformed tiers are ignored (the course price
 * stands) rather than letting a bad value in the database make anything cheaper.
 */
export function unitPriceFor(
	{ pricePence, volumeTiers }: { pricePence: number; volumeTiers: unknown },
	quantity: number,
) {
	const parsed = TiersSchema.safeParse(volumeTiers ?? [])
	const tiers = parsed.success ? parsed.data : []
	let best: { minQuantity: number; unitPricePence: number } | null = null
	for (const tier of tiers) {
		if (tier.minQuantity <= quantity && (!best || tier.minQuantity > best.minQuantity)) best = tier
	}
	return best ? best.unitPricePence : pricePence
}

export type VolumeTier = { minQuantity: number; unitPricePence: number }

/**
 * The course's volume tiers as a price table, lowest quantity first. Malformed tiers read as none,
 * as in unitPriceFor, so the table shown always matches the price charged.
 */
export function volumeTiersOf(volumeTiers: unknown): VolumeTier[] {
	const parsed = TiersSchema.safeParse(volumeTiers ?? [])
	return parsed.success ? [...parsed.data].sort((a, b) => a.minQuantity - b.minQuantity) : []
}

/** Refuses anything but a whole number of places from 1 to 1,000. */
export function assertQuantity(quantity: number) {
	if (!Number.isInteger(quantity) || quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
		throw new BillingError(
			'invalid',
			'INVALID_QUANTITY',
			`Choose between ${MIN_QUANTITY} and ${MAX_QUANTITY.toLocaleString('en-GB')} places.`,
			{ field: 'quantity' },
		)
	}
}

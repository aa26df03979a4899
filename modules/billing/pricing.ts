import { z } from 'zod'
import { DomainError } from '#modules/errors/domain-error.ts'

export const MIN_QUANTITY = 1
export const MAX_QUANTITY = 1000

const TiersSchema = z.array(
	z.object({ minQuantity: z.number().int().min(1), unitPricePence: z.number().int().min(0) }),
)

/**
 * The price of one place for a given quantity: the course's own price, or the volume tier with the
 * highest minQuantity that the quantity reaches. Malformed tiers are ignored (the course price
 * stands) rather than letting a bad value in the database make anything cheaper.
 */
export function unitPriceFor({ pricePence, volumeTiers }: { pricePence: number; volumeTiers: unknown }, quantity: number) {
	const parsed = TiersSchema.safeParse(volumeTiers ?? [])
	const tiers = parsed.success ? parsed.data : []
	let best: { minQuantity: number; unitPricePence: number } | null = null
	for (const tier of tiers) {
		if (tier.minQuantity <= quantity && (!best || tier.minQuantity > best.minQuantity)) best = tier
	}
	return best ? best.unitPricePence : pricePence
}

/** Refuses anything but a whole number of places from 1 to 1,000. */
export function assertQuantity(quantity: number) {
	if (!Number.isInteger(quantity) || quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
		throw new DomainError(
			'invalid',
			'INVALID_QUANTITY',
			`Choose between ${MIN_QUANTITY} and ${MAX_QUANTITY.toLocaleString('en-GB')} places.`,
			{ field: 'quantity' },
		)
	}
}

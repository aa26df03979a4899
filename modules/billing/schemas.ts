// Form schemas for the purchase pages. Pure (zod and constants only), so route components can
// import them for client-side validation without pulling in the database client.
import { z } from 'zod'
import { MAX_QUANTITY, MIN_QUANTITY, PAYMENT_TERMS_DAYS } from './pricing.ts'
import { multilineText, singleLineText } from '#modules/validation/text.ts'

const quantityMessage = `Enter a whole number of seats from ${MIN_QUANTITY} to ${MAX_QUANTITY.toLocaleString('en-GB')}`

export const BuyForMyselfSchema = z.object({ intent: z.literal('individual') })

export const BuySeatsSchema = z.object({
	intent: z.literal('seats'),
	organisationId: singleLineText({ message: 'Choose the organisation to buy seats for' })
		.trim()
		.min(1, 'Choose the organisation to buy seats for'),
	quantity: z
		.number({ message: quantityMessage })
		.int(quantityMessage)
		.min(MIN_QUANTITY, quantityMessage)
		.max(MAX_QUANTITY, quantityMessage),
	method: z.enum(['CARD', 'INVOICE'], { message: 'Choose how your organisation will pay' }),
	purchaseOrderNumber: singleLineText().max(40, 'A purchase order number can be at most 40 characters').optional(),
	paymentTermsDays: z
		.number({ message: 'Choose payment terms' })
		.refine(
			(days) => (PAYMENT_TERMS_DAYS as readonly number[]).includes(days),
			'Choose payment terms of 14, 30 or 60 days',
		)
		.optional(),
	billingEmail: z
		.email({ message: 'Enter an email address like finance@school.org.uk' })
		.max(254, 'An email address can be at most 254 characters')
		.optional(),
})

/** The buy page posts one of two forms: a place for yourself, or seats for an organisation. */
export const BuySchema = z.discriminatedUnion('intent', [BuyForMyselfSchema, BuySeatsSchema])

export const DemoCheckoutSchema = z.object({ intent: z.enum(['pay', 'cancel'], { message: 'Choose Pay or Cancel' }) })

export const RefundSchema = z.object({
	intent: z.literal('refund'),
	reason: multilineText().trim().max(500, 'Keep the reason to 500 characters or fewer').optional(),
})

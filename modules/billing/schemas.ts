// Form schemas for the purchase pages. Pure (zod and constants only), so route components can
// import them for client-side validation without pulling in the database client.
import { z } from 'zod'
import { MAX_QUANTITY, MIN_QUANTITY, PAYMENT_TERMS_DAYS } from './pricing.ts'
import { multilineText, singleLineText } from '#modules/validation/text.ts'
import { isUkVatNumber, normaliseVatNumber, VAT_NUMBER_MESSAGE } from './vat.ts'

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

const optionalLine = (max: number, message: string) =>
	singleLineText()
		.max(max, message)
		.optional()
		.transform((value) => value || undefined)

/** An organisation's billing details (Settings → Billing): where invoices go and what they say. */
export const BillingDetailsSchema = z.object({
	billingName: optionalLine(120, 'Keep the name to 120 characters or fewer'),
	billingAddressLine1: singleLineText({ message: 'Enter the first line of the billing address' })
		.min(1, 'Enter the first line of the billing address')
		.max(120, 'Keep each address line to 120 characters or fewer'),
	billingAddressLine2: optionalLine(120, 'Keep each address line to 120 characters or fewer'),
	billingTown: singleLineText({ message: 'Enter the town or city' })
		.min(1, 'Enter the town or city')
		.max(80, 'Keep the town to 80 characters or fewer'),
	billingPostcode: singleLineText({ message: 'Enter the postcode' })
		.min(1, 'Enter the postcode')
		.max(16, 'Enter a postcode like LS1 4AP')
		.transform((value) => value.toUpperCase()),
	billingCountry: singleLineText({ message: 'Enter the country' })
		.min(1, 'Enter the country')
		.max(60, 'Keep the country to 60 characters or fewer'),
	vatNumber: singleLineText()
		.max(20, VAT_NUMBER_MESSAGE)
		.optional()
		.transform((value) => (value ? normaliseVatNumber(value) : undefined))
		.refine((value) => value === undefined || isUkVatNumber(value), VAT_NUMBER_MESSAGE),
	billingEmail: z
		.email({ message: 'Enter an email address like finance@school.org.uk' })
		.max(254, 'An email address can be at most 254 characters'),
})
export type BillingDetails = z.infer<typeof BillingDetailsSchema>

/** Platform admin, on an order paid by invoice: approve it (seats now), or record its payment. */
export const InvoiceOrderActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('approve') }),
	z.object({
		intent: z.literal('record-payment'),
		receivedOn: z.iso.date({ message: 'Enter the date the payment arrived' }),
		reference: singleLineText().max(80, 'Keep the reference to 80 characters or fewer').optional(),
	}),
	RefundSchema,
])

/** Platform admin, on an organisation: when its invoice orders give their seats. */
export const InvoiceSeatsSchema = z.object({
	intent: z.literal('invoice-seats'),
	invoiceSeats: z.enum(['ON_ORDER', 'ON_APPROVAL'], { message: 'Choose when seats are given' }),
})

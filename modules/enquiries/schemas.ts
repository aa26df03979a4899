import { z } from 'zod'
import { Sector } from '#modules/db/generated/enums.ts'
import { multilineText, singleLineText } from '#modules/validation/text.ts'

/**
 * Sectors an organisation can say it works in. Foundations is a course category, not a sector an
 * organisation belongs to, so it is not offered here.
 */
export const ENQUIRY_SECTORS = [
	Sector.SCHOOLS,
	Sector.HEALTH_SOCIAL_CARE,
	Sector.CRIMINAL_JUSTICE,
	Sector.PARENTS_CARERS,
] as const

export const ENQUIRY_LIMITS = {
	nameMax: 120,
	emailMax: 254,
	organisationMax: 200,
	staffMin: 1,
	staffMax: 100_000,
	messageMin: 20,
	messageMax: 5000,
} as const

const L = ENQUIRY_LIMITS

/**
 * The "Get in touch" form. Shared by the route (conform shows these messages beside the fields) and
 * by submitEnquiry, which checks again so the rule holds whoever calls it. Optional fields arrive
 * as undefined when left empty (conform drops empty strings).
 */
export const EnquirySchema = z.object({
	name: singleLineText({ error: 'Enter your name' })
		.trim()
		.min(1, 'Enter your name')
		.max(L.nameMax, `Your name must be ${L.nameMax} characters or fewer`),
	email: singleLineText({ error: 'Enter your email address' })
		.trim()
		.min(1, 'Enter your email address')
		.max(L.emailMax, `Your email address must be ${L.emailMax} characters or fewer`)
		.pipe(z.email('Enter an email address in the correct format, like name@example.org'))
		.transform((v) => v.toLowerCase()),
	organisationName: singleLineText()
		.trim()
		.max(L.organisationMax, `The organisation name must be ${L.organisationMax} characters or fewer`)
		.optional()
		.transform((v) => v || undefined),
	sector: z.enum(ENQUIRY_SECTORS, { error: 'Choose a sector from the list' }).optional(),
	staffCount: z
		.number({ error: 'Enter the number of staff as a whole number, like 40' })
		.int('Enter the number of staff as a whole number, like 40')
		.min(L.staffMin, `The number of staff must be at least ${L.staffMin}`)
		.max(L.staffMax, `The number of staff must be ${L.staffMax.toLocaleString('en-GB')} or fewer`)
		.optional(),
	message: multilineText({ error: 'Tell us a little about what you are looking for' })
		.trim()
		.min(L.messageMin, `Your message must be at least ${L.messageMin} characters`)
		.max(L.messageMax, `Your message must be ${L.messageMax.toLocaleString('en-GB')} characters or fewer`),
})

export type EnquiryInput = z.input<typeof EnquirySchema>
export type Enquiry = z.output<typeof EnquirySchema>

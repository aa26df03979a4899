import { z } from 'zod'

/** The "Download your data" request form: one button, so one field saying what it asks for. */
export const RequestDataExportSchema = z.object({
	intent: z.literal('request-export', { message: 'Choose “Prepare my data” to ask for a copy.' }),
})

/** The emailed link's query: the single-use secret (base32, as generateEmailToken makes it). */
export const DataExportLinkSchema = z.object({
	token: z.string().regex(/^[a-z2-7]{20,80}$/, 'This download link is not right.'),
})

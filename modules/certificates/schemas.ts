import { z } from 'zod'
import { multilineText } from '#modules/validation/text.ts'

/** An admin's reason for revoking a certificate; it is shown on the public verification page. */
export const RevokeCertificateSchema = z.object({
	reason: multilineText({ message: 'Give a reason for revoking the certificate' })
		.trim()
		.min(5, 'Give a reason of at least 5 characters')
		.max(500, 'The reason must be 500 characters or fewer'),
})

/** An admin's optional note when reinstating a certificate (kept in the audit log). */
export const ReinstateCertificateSchema = z.object({
	note: multilineText().trim().max(500, 'The note must be 500 characters or fewer').optional(),
})

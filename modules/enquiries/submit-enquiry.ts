import { prisma } from '#modules/db/client.ts'
import { EnquiriesError } from '#modules/enquiries/errors.ts'
import { sendEmailToAdmins } from '#modules/mail/send-email.ts'
import { consumeThrottle } from '#modules/security/throttle.ts'
import { EnquirySchema, type EnquiryInput } from './schemas.ts'

/**
 * Records an enquiry from the "Get in touch" form and emails every platform admin about it. The row
 * and the admins' emails are written in one transaction, so an enquiry is never stored without its
 * notification being queued (or the other way round). Each enquiry sends email, so it is throttled
 * per IP address and per sender's address; a throttled call throws a `throttled` DomainError before
 * anything is written. Invalid input throws an `invalid` DomainError naming the first bad field.
 */
export async function submitEnquiry({ enquiry: input, ipAddress }: { enquiry: EnquiryInput; ipAddress: string }) {
	const parsed = EnquirySchema.safeParse(input)
	if (!parsed.success) {
		const issue = parsed.error.issues[0]
		throw new EnquiriesError('invalid', 'INVALID_ENQUIRY', issue?.message ?? 'The enquiry is not valid', {
			field: issue?.path[0] === undefined ? undefined : String(issue.path[0]),
		})
	}
	const enquiry = parsed.data

	const tooMany =
		'You have sent several messages in a short time. Please wait a while before sending another, or email us directly.'
	await consumeThrottle('emailPerIp', ipAddress, tooMany)
	// Namespaced so that enquiries and account emails for the same address do not share one allowance.
	await consumeThrottle('emailPerAddress', `enquiry:${enquiry.email}`, tooMany)

	return prisma.$transaction(async (tx) => {
		const row = await tx.enquiry.create({
			data: {
				name: enquiry.name,
				email: enquiry.email,
				organisationName: enquiry.organisationName ?? null,
				sector: enquiry.sector ?? null,
				staffCount: enquiry.staffCount ?? null,
				message: enquiry.message,
			},
			select: {
				id: true,
				name: true,
				email: true,
				organisationName: true,
				sector: true,
				staffCount: true,
				message: true,
			},
		})
		const { id, ...details } = row
		await sendEmailToAdmins({ template: 'enquiry-received', props: { enquiry: details } }, tx)
		return { id }
	})
}

import { prisma, type Tx } from '#modules/db/client.ts'
import { MailError } from '#modules/mail/errors.ts'
import { enqueueJob } from '#modules/jobs/enqueue-job.ts'
import type { Language } from '#modules/i18n/languages.ts'
import type { AttachmentDescriptor } from './attachments.ts'
import { recipientLanguage } from './email-language.ts'
import { renderEmail } from './render-email.ts'
import type { EmailContent } from './templates.ts'

/**
 * One email: who to, which template and that template's props (checked against the template's own
 * props type), and optionally files to attach when it is delivered.
 */
export type SendEmailOptions = EmailContent & {
	to: string
	attachments?: AttachmentDescriptor[]
	/** Extra headers, e.g. RFC 8058's List-Unsubscribe and List-Unsubscribe-Post on a nudge. */
	headers?: Record<string, string>
	/**
	 * The language for someone without an account who has not chosen (e.g. the inviter's choice for an
	 * invitee). A recipient with an account and a saved language always gets that one.
	 */
	language?: Language | null
}

// Header names a caller may set: the ones nodemailer builds itself (From, To, Subject, …) are not among them.
const ALLOWED_HEADERS = new Set(['list-unsubscribe', 'list-unsubscribe-post', 'list-id'])

// Deliberately loose: the address was validated where it was entered; this catches programming slips.
const LOOKS_LIKE_AN_ADDRESS = /^[^\s@<>,;]+@[^\s@<>,;]+$/

/**
 * Renders an email, stores it as an EmailMessage (status QUEUED) and queues the `send-email` job that
 * delivers it, returning the message's id. Pass a transaction client as `tx` to store the message
 * with the rest of a transaction's writes; the job itself is queued on pg-boss's own connection, and
 * the job copes with a message that is not committed yet (it retries) or was rolled back (it gives
 * up). The email is written in the recipient's language (their saved choice, else `options.language`,
 * else English). Throws INVALID_EMAIL_ADDRESS for a `to` that is plainly not an address.
 */
export async function sendEmail(options: SendEmailOptions, tx?: Tx): Promise<{ id: string }> {
	const to = options.to.trim()
	if (!LOOKS_LIKE_AN_ADDRESS.test(to)) {
		throw new MailError('invalid', 'INVALID_EMAIL_ADDRESS', `Cannot send an email to "${options.to}"`, {
			field: 'to',
		})
	}
	for (const [name, value] of Object.entries(options.headers ?? {})) {
		if (!ALLOWED_HEADERS.has(name.toLowerCase()) || /[\r\n]/.test(value)) {
			throw new MailError('invalid', 'INVALID_EMAIL_HEADER', `Cannot set the header "${name}"`, { field: 'headers' })
		}
	}
	const language = await recipientLanguage(to, options.language, tx)
	const { subject, html, text } = await renderEmail(options, language)
	const message = await (tx ?? prisma).emailMessage.create({
		data: {
			to,
			subject,
			template: options.template,
			html,
			text,
			attachments: options.attachments?.length ? options.attachments : undefined,
			headers: options.headers && Object.keys(options.headers).length ? options.headers : undefined,
		},
		select: { id: true },
	})
	await enqueueJob('send-email', { messageId: message.id })
	return { id: message.id }
}

/**
 * Sends the same email to every platform admin whose account is not disabled (one message each, so
 * each has its own delivery and retries), for example a new enquiry. Returns the message ids; with no
 * admins there is no one to tell, which is logged rather than thrown, as the caller's work succeeded.
 */
export async function sendEmailToAdmins(
	options: EmailContent & { attachments?: AttachmentDescriptor[] },
	tx?: Tx,
): Promise<{ ids: string[] }> {
	const admins = await (tx ?? prisma).user.findMany({
		where: { role: 'ADMIN', disabledAt: null },
		select: { email: true },
		orderBy: { createdAt: 'asc' },
	})
	if (admins.length === 0) console.warn(`[mail] no platform admins to send "${options.template}" to`)
	const ids: string[] = []
	for (const admin of admins) {
		const { id } = await sendEmail({ ...options, to: admin.email }, tx)
		ids.push(id)
	}
	return { ids }
}

import { prisma, type Tx } from '#modules/db/client.ts'
import { MailError } from '#modules/mail/errors.ts'
import { enqueueJob, enqueueJobInTransaction } from '#modules/jobs/enqueue-job.ts'
import type { Language } from '#modules/i18n/languages.ts'
import type { AttachmentDescriptor } from './attachments.ts'
import { recipientLanguage } from './email-language.ts'
import type { RenderedEmail } from './render-email.ts'
import type { EmailContent } from './templates.ts'

/**
 * React Email and the thirty templates are loaded with the first email a process sends, not when
 * the server starts: most web processes serve pages for hours without sending one, and loading
 * them costs each process about 40 MB and two seconds of start-up (ADR 0054).
 */
async function renderEmail(content: EmailContent, language: Language) {
	const { renderEmail: render } = await import('./render-email.ts')
	return render(content, language)
}

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
 * and its job with the rest of a transaction's writes: both exist once it commits, neither if it
 * rolls back. The email is written in the recipient's language (their saved choice, else `options.language`,
 * else English). Throws INVALID_EMAIL_ADDRESS for a `to` that is plainly not an address.
 */
export async function sendEmail(options: SendEmailOptions, tx?: Tx): Promise<{ id: string }> {
	return queueEmail(options, tx, renderEmail)
}

async function queueEmail(
	options: SendEmailOptions,
	tx: Tx | undefined,
	render: (content: EmailContent, language: Language) => Promise<RenderedEmail>,
): Promise<{ id: string }> {
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
	const { subject, html, text } = await render(options, language)
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
	// In a transaction, the job is queued by the transaction's own connection: it commits or rolls back
	// with the message, and the transaction never waits for a second connection while it holds one
	// (behind PgBouncer, or with every pooled connection in a transaction, that wait could last until
	// the transaction timed out).
	if (tx) await enqueueJobInTransaction(tx, 'send-email', { messageId: message.id })
	else await enqueueJob('send-email', { messageId: message.id })
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
	// The same words for everyone: rendered once per language, not once per admin (React rendering is
	// most of an email's cost, and this runs inside the caller's transaction).
	const rendered = new Map<Language, Promise<RenderedEmail>>()
	const renderOnce = (content: EmailContent, language: Language) => {
		let email = rendered.get(language)
		if (!email) rendered.set(language, (email = renderEmail(content, language)))
		return email
	}
	const ids: string[] = []
	for (const admin of admins) {
		const { id } = await queueEmail({ ...options, to: admin.email }, tx, renderOnce)
		ids.push(id)
	}
	return { ids }
}

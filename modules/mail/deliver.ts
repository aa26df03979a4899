import { createTransport } from 'nodemailer'
import { prisma } from '#modules/db/client.ts'
import { appUrl, parseEnv } from '#modules/env/env.ts'
import type { JobHandler } from '#modules/jobs/job-types.ts'
import { resolveAttachments } from './attachments.ts'

export type MailSettings = {
	/** smtp(s)://user:pass@host:port, or undefined for the dev outbox. */
	smtpUrl?: string
	from: string
	/** Origin for the dev outbox link in the console line. */
	appUrl: string
}

/**
 * The mail settings in the environment now. Read at delivery time rather than cached at start, so
 * that a worker, a test or a script that changes SMTP_URL is taken at its word.
 */
export function readMailSettings(source?: Record<string, string | undefined>): MailSettings {
	const env = parseEnv(source)
	return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, appUrl: appUrl(env) }
}

type Transport = ReturnType<typeof createTransport>
const transports = new Map<string, Transport>()

function transportFor(smtpUrl: string): Transport {
	let transport = transports.get(smtpUrl)
	if (!transport) {
		transport = createTransport({
			url: smtpUrl,
			// nodemailer's defaults (2 minutes to connect, 10 minutes of silence) would hold a job for
			// far longer than a retry takes; a slow server is better retried than waited on.
			connectionTimeout: 15_000,
			greetingTimeout: 15_000,
			socketTimeout: 60_000,
		})
		transports.set(smtpUrl, transport)
	}
	return transport
}

/** The extra headers stored with a message (sendEmail checked their names and values). */
function storedHeaders(value: unknown): Record<string, string> {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
	return Object.fromEntries(
		Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
	)
}

function messageIdDomain(appUrl: string) {
	return URL.canParse(appUrl) ? new URL(appUrl).hostname : 'circle.localhost'
}

export type DeliveryOutcome = 'sent' | 'outbox' | 'already-sent' | 'missing'

/**
 * Delivers one stored EmailMessage. With an SMTP server configured it sends the HTML and text
 * versions (and any attachments, re-created from their descriptors) from MAIL_FROM and marks the row
 * SENT; without one the row itself is the dev outbox, so it is marked SENT and one line goes to the
 * console. A row that cannot be found may belong to a transaction that has not committed yet, so
 * that throws (the job is retried) until `isLastAttempt`, when the transaction must have rolled back
 * and the message is quietly dropped. A failed send records its error on the row (FAILED on the last
 * attempt) and throws, so that the job is retried with backoff.
 */
export async function deliverEmail({
	messageId,
	isLastAttempt = true,
	settings = readMailSettings(),
}: {
	messageId: string
	isLastAttempt?: boolean
	settings?: MailSettings
}): Promise<DeliveryOutcome> {
	const message = await prisma.emailMessage.findUnique({
		where: { id: messageId },
		select: {
			id: true,
			to: true,
			subject: true,
			html: true,
			text: true,
			attachments: true,
			headers: true,
			status: true,
		},
	})
	if (!message) {
		if (isLastAttempt) {
			console.warn(`[mail] message ${messageId} never appeared (its transaction rolled back?): not sent`)
			return 'missing'
		}
		throw new Error(`Email message ${messageId} is not in the database (yet)`)
	}
	// A job can run twice (a worker dies after sending but before pg-boss hears): never send twice.
	if (message.status === 'SENT') return 'already-sent'

	try {
		const attachments = await resolveAttachments(message.attachments)
		if (settings.smtpUrl) {
			await transportFor(settings.smtpUrl).sendMail({
				from: settings.from,
				to: message.to,
				subject: message.subject,
				html: message.html,
				text: message.text,
				attachments,
				// The same Message-ID on every attempt: a copy sent again after a crash can be recognised.
				messageId: `<${message.id}@${messageIdDomain(settings.appUrl)}>`,
				headers: { ...storedHeaders(message.headers), 'Auto-Submitted': 'auto-generated' },
			})
		}
		await prisma.emailMessage.update({
			where: { id: message.id },
			data: { status: 'SENT', sentAt: new Date(), error: null },
		})
		if (settings.smtpUrl) return 'sent'
		const files = attachments.length ? ` attachments=${attachments.map((a) => a.filename).join(',')}` : ''
		console.log(
			`[mail] to=${message.to} subject="${message.subject}"${files} (dev outbox: ${settings.appUrl}/dev/outbox/${message.id})`,
		)
		return 'outbox'
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error)
		await prisma.emailMessage.update({
			where: { id: message.id },
			data: { status: isLastAttempt ? 'FAILED' : 'QUEUED', error: reason.slice(0, 2000) },
		})
		throw error
	}
}

/** The `send-email` job: delivers the message whose id the job carries. */
export const handleSendEmailJob: JobHandler<'send-email'> = async ({ messageId }, { isLastAttempt }) => {
	await deliverEmail({ messageId, isLastAttempt })
}

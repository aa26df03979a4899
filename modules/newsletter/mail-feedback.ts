// The mail provider's bounce and complaint notifications (docs/decisions/0046-mail-feedback-webhook.md):
// a signed, provider-neutral JSON event that suppresses the address and marks the issue's delivery.
import crypto from 'node:crypto'
import { z } from 'zod'
import { prisma } from '#modules/db/client.ts'
import { type Env, getEnv } from '#modules/env/env.ts'

/** The header carrying `sha256=<hex HMAC-SHA256 of the raw body with MAIL_WEBHOOK_SECRET>`. */
export const MAIL_SIGNATURE_HEADER = 'X-Circle-Signature'
/** A notification is one small event: anything larger is not one of ours. */
const MAX_BODY_BYTES = 64 * 1024

/**
 * One notification. `messageId` is the Message-ID header of the email concerned (Circle sets it to
 * `<EmailMessage.id@host>`, modules/mail/deliver.ts): with it the exact issue is marked; without it,
 * the subscriber's latest issue is.
 */
export const MailFeedbackSchema = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('bounce'),
		bounceType: z.enum(['hard', 'soft']),
		email: z.email().max(320),
		messageId: z.string().max(998).optional(),
		occurredAt: z.iso.datetime({ offset: true }),
		providerEventId: z.string().max(200).optional(),
	}),
	z.object({
		type: z.literal('complaint'),
		email: z.email().max(320),
		messageId: z.string().max(998).optional(),
		occurredAt: z.iso.datetime({ offset: true }),
		providerEventId: z.string().max(200).optional(),
	}),
])
export type MailFeedback = z.infer<typeof MailFeedbackSchema>

export type MailFeedbackOutcome = 'suppressed' | 'already-suppressed' | 'ignored'
export type MailFeedbackReply = { status: number; body: { outcome?: MailFeedbackOutcome; error?: string } }

/** `sha256=<hex>` for a body: what the provider's relay sends, and what tests sign with. */
export function signMailFeedback(body: string, secret: string) {
	return `sha256=${crypto.createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

function signatureMatches(body: string, header: string | null, secret: string) {
	if (!header) return false
	const expected = Buffer.from(signMailFeedback(body, secret), 'utf8')
	const given = Buffer.from(header.trim(), 'utf8')
	// timingSafeEqual needs equal lengths; the length of a hex digest is no secret.
	return expected.length === given.length && crypto.timingSafeEqual(expected, given)
}

/** The EmailMessage id inside a Message-ID such as `<cm123@circle.example>` (or the bare id). */
function emailMessageIdOf(messageId: string | undefined) {
	const match = messageId?.trim().match(/^<?([^@<>\s]+)@[^<>\s]+>?$|^([a-z0-9]+)$/i)
	return match?.[1] ?? match?.[2] ?? null
}

/**
 * Handles one notification from the mail provider (through its relay). Checked in this order, each
 * failure changing nothing: the secret is configured (else 503), the signature over the raw body
 * matches (constant-time; else 401), the body is JSON of the documented shape (else 400). Then a hard
 * bounce or a complaint suppresses the subscriber with that address (never mailed a newsletter or a
 * confirmation again) with a `suppressed` event in their consent record, and marks the delivery of
 * the issue concerned BOUNCED or COMPLAINED, so the studio's progress shows it; all in one
 * transaction, and idempotent (the provider retries). A soft bounce, or an address that is not a
 * subscriber, is acknowledged and ignored.
 */
export async function handleMailFeedback({
	body,
	signature,
	now,
	env = getEnv(),
}: {
	body: string
	signature: string | null
	now: Date
	env?: Env
}): Promise<MailFeedbackReply> {
	const secret = env.MAIL_WEBHOOK_SECRET
	if (!secret) return { status: 503, body: { error: 'Mail feedback webhooks are not configured' } }
	if (!signatureMatches(body, signature, secret)) return { status: 401, body: { error: 'Invalid signature' } }
	if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) return { status: 400, body: { error: 'Body too large' } }
	let json: unknown
	try {
		json = JSON.parse(body)
	} catch {
		return { status: 400, body: { error: 'The body is not JSON' } }
	}
	const parsed = MailFeedbackSchema.safeParse(json)
	if (!parsed.success) {
		const issue = parsed.error.issues[0]
		return {
			status: 400,
			body: { error: `Invalid notification: ${issue?.path.join('.') || 'body'} ${issue?.message ?? ''}`.trim() },
		}
	}
	const outcome = await applyMailFeedback({ event: parsed.data, now })
	return { status: 200, body: { outcome } }
}

/** The effect of one valid notification (see handleMailFeedback). */
export async function applyMailFeedback({
	event,
	now,
}: {
	event: MailFeedback
	now: Date
}): Promise<MailFeedbackOutcome> {
	if (event.type === 'bounce' && event.bounceType === 'soft') return 'ignored'
	const reason = event.type === 'complaint' ? 'complaint' : 'hard-bounce'
	return prisma.$transaction(async (tx) => {
		const subscriber = await tx.newsletterSubscriber.findFirst({
			where: { email: { equals: event.email, mode: 'insensitive' } },
			select: { id: true },
		})
		if (!subscriber) return 'ignored'
		// The conditional update is the guard: a retried notification suppresses, and records, once.
		const { count } = await tx.newsletterSubscriber.updateMany({
			where: { id: subscriber.id, suppressedAt: null },
			data: { suppressedAt: now, suppressedReason: reason },
		})
		if (count === 1) {
			await tx.newsletterConsent.create({
				data: { subscriberId: subscriber.id, event: 'suppressed', source: reason, wording: '', createdAt: now },
				select: { id: true },
			})
		}
		const emailMessageId = emailMessageIdOf(event.messageId)
		const delivery = await tx.newsletterDelivery.findFirst({
			where: { subscriberId: subscriber.id, ...(emailMessageId ? { emailMessageId } : {}) },
			orderBy: { createdAt: 'desc' },
			select: { issueId: true },
		})
		if (delivery) {
			await tx.newsletterDelivery.update({
				where: { issueId_subscriberId: { issueId: delivery.issueId, subscriberId: subscriber.id } },
				data: { status: reason === 'complaint' ? 'COMPLAINED' : 'BOUNCED', error: reason },
				select: { issueId: true },
			})
		}
		return count === 1 ? 'suppressed' : 'already-suppressed'
	})
}

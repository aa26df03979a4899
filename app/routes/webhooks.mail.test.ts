// POST /webhooks/mail (ADR 0046): the mail provider's bounces and complaints, signed with a shared
// secret. Real Requests to the real action, real PostgreSQL: a bad signature is 401 and a bad body
// 400, changing nothing; a hard bounce or complaint suppresses the address for good and marks the
// issue's delivery, which the studio's progress counts.
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { signMailFeedback } from '#modules/newsletter/mail-feedback.ts'
import { claimDelivery, selectIssueProgress, selectUndeliveredRecipients } from '#modules/newsletter/sql.ts'
import { subscribeToNewsletter } from '#modules/newsletter/subscribe.ts'
import { releaseTestResources, uniqueEmail, uniqueIp } from '#tests/factories/auth.ts'
import { runRoute } from '#tests/factories/routes.ts'
import { action, loader } from './webhooks.mail.ts'

const SECRET = 'mail-webhook-test-secret-0123456789abcdef'
// Before anything reads the (cached) environment.
process.env.MAIL_WEBHOOK_SECRET = SECRET

afterAll(releaseTestResources)

function post(body: string, signature: string | null = signMailFeedback(body, SECRET)) {
	return new Request('http://localhost/webhooks/mail', {
		method: 'POST',
		body,
		headers: { 'Content-Type': 'application/json', ...(signature ? { 'X-Circle-Signature': signature } : {}) },
	})
}

async function send(payload: unknown, signature?: string | null) {
	const body = typeof payload === 'string' ? payload : JSON.stringify(payload)
	const response = (await runRoute(action, post(body, signature))) as Response
	return { status: response.status, json: (await response.json()) as { outcome?: string; error?: string } }
}

/** A confirmed subscriber who was sent one issue, as the send does it: a delivery row and its email. */
async function subscriberWithIssue(label: string) {
	const email = uniqueEmail(label)
	const subscriber = await prisma.newsletterSubscriber.create({
		data: { email, status: 'CONFIRMED', unsubscribeToken: `t-${email}`, confirmedAt: new Date() },
		select: { id: true, email: true },
	})
	const issue = await prisma.newsletterIssue.create({
		data: { subject: `Issue for ${label}`, markdown: 'Hello', status: 'SENT', sectors: ['CRIMINAL_JUSTICE'] },
		select: { id: true },
	})
	const message = await prisma.emailMessage.create({
		data: { to: email, subject: 'Issue', template: 'newsletter-issue', html: '', text: '', status: 'SENT' },
		select: { id: true },
	})
	await prisma.newsletterDelivery.create({
		data: { issueId: issue.id, subscriberId: subscriber.id, status: 'SENT', emailMessageId: message.id },
	})
	return { subscriber, issueId: issue.id, messageId: `<${message.id}@circle.localhost>` }
}

const occurredAt = '2026-12-06T10:00:00Z'

async function state(subscriberId: string, issueId: string) {
	const [subscriber, delivery, events] = await Promise.all([
		prisma.newsletterSubscriber.findUniqueOrThrow({
			where: { id: subscriberId },
			select: { suppressedAt: true, suppressedReason: true, status: true },
		}),
		prisma.newsletterDelivery.findUniqueOrThrow({
			where: { issueId_subscriberId: { issueId, subscriberId } },
			select: { status: true },
		}),
		prisma.newsletterConsent.findMany({ where: { subscriberId, event: 'suppressed' }, select: { source: true } }),
	])
	return { subscriber, delivery, events }
}

describe('POST /webhooks/mail', () => {
	test('a missing or wrong signature is 401 and changes nothing', async () => {
		const { subscriber, issueId, messageId } = await subscriberWithIssue('bad-signature')
		const payload = JSON.stringify({ type: 'complaint', email: subscriber.email, messageId, occurredAt })
		expect((await send(payload, null)).status).toBe(401)
		expect((await send(payload, signMailFeedback(payload, 'another-secret-of-the-same-length-12345'))).status).toBe(401)
		expect((await send(payload, 'sha256=short')).status).toBe(401)
		// Signed over a different body: the signature covers every byte.
		expect((await send(payload, signMailFeedback(`${payload} `, SECRET))).status).toBe(401)
		expect(await state(subscriber.id, issueId)).toMatchObject({
			subscriber: { suppressedAt: null },
			delivery: { status: 'SENT' },
			events: [],
		})
	})

	test('a signed body that is not the documented shape is 400, never 500', async () => {
		const { subscriber, issueId } = await subscriberWithIssue('bad-body')
		for (const body of [
			'not json',
			'null',
			JSON.stringify({ type: 'delivery', email: subscriber.email, occurredAt }),
			JSON.stringify({ type: 'bounce', email: subscriber.email, occurredAt }),
			JSON.stringify({ type: 'complaint', email: 'not-an-address', occurredAt }),
			JSON.stringify({ type: 'complaint', email: subscriber.email, occurredAt: 'yesterday' }),
			JSON.stringify({ type: 'complaint', email: subscriber.email, occurredAt, messageId: 'x'.repeat(2000) }),
			`{"type":"complaint","email":"${subscriber.email}","occurredAt":"${occurredAt}","pad":"${'x'.repeat(70_000)}"}`,
		]) {
			const { status, json } = await send(body)
			expect(status, body.slice(0, 60)).toBe(400)
			expect(json.error).toBeTruthy()
		}
		expect((await state(subscriber.id, issueId)).subscriber.suppressedAt).toBeNull()
	})

	test('a hard bounce suppresses the subscriber for good and marks that issue’s delivery bounced', async () => {
		const { subscriber, issueId, messageId } = await subscriberWithIssue('hard-bounce')
		const event = { type: 'bounce', bounceType: 'hard', email: subscriber.email.toUpperCase(), messageId, occurredAt }
		expect(await send(event)).toEqual({ status: 200, json: { outcome: 'suppressed' } })
		const after = await state(subscriber.id, issueId)
		expect(after.subscriber).toMatchObject({ suppressedReason: 'hard-bounce', status: 'CONFIRMED' })
		expect(after.subscriber.suppressedAt).toBeInstanceOf(Date)
		expect(after.delivery.status).toBe('BOUNCED')
		expect(after.events).toEqual([{ source: 'hard-bounce' }])
		expect(await selectIssueProgress(prisma, { issueId, sectors: ['CRIMINAL_JUSTICE'] })).toMatchObject({
			sent: 0,
			bounced: 1,
			complained: 0,
		})

		// The provider retries: acknowledged, recorded once.
		expect(await send(event)).toEqual({ status: 200, json: { outcome: 'already-suppressed' } })
		expect((await state(subscriber.id, issueId)).events).toHaveLength(1)

		// Never mailed a newsletter again: not a recipient of the next issue, and its claim is refused.
		const next = await prisma.newsletterIssue.create({
			data: { subject: 'Next', markdown: 'Hi', status: 'SENDING' },
			select: { id: true },
		})
		const recipients = await selectUndeliveredRecipients(prisma, { issueId: next.id, sectors: [], limit: 100_000 })
		expect(recipients.map((r) => r.id)).not.toContain(subscriber.id)
		expect(
			await prisma.$transaction((tx) => claimDelivery(tx, { issueId: next.id, subscriberId: subscriber.id })),
		).toBe(false)
		// Nor a confirmation email when someone signs the address up again.
		const again = await subscribeToNewsletter({
			input: { email: subscriber.email, sectors: [], source: 'footer' },
			wording: 'By subscribing you agree…',
			ipAddress: uniqueIp(),
			now: new Date(),
		})
		expect(again.outcome).toBe('suppressed')
		expect(await prisma.emailMessage.count({ where: { to: subscriber.email, template: 'newsletter-confirm' } })).toBe(0)
	})

	test('a complaint without a Message-ID marks the latest issue complained', async () => {
		const { subscriber, issueId } = await subscriberWithIssue('complaint')
		expect(await send({ type: 'complaint', email: subscriber.email, occurredAt })).toEqual({
			status: 200,
			json: { outcome: 'suppressed' },
		})
		const after = await state(subscriber.id, issueId)
		expect(after.subscriber.suppressedReason).toBe('complaint')
		expect(after.delivery.status).toBe('COMPLAINED')
		expect(await selectIssueProgress(prisma, { issueId, sectors: ['CRIMINAL_JUSTICE'] })).toMatchObject({
			complained: 1,
			sent: 0,
		})
	})

	test('a soft bounce, or an address that is not on the list, is acknowledged and ignored', async () => {
		const { subscriber, issueId, messageId } = await subscriberWithIssue('soft-bounce')
		const soft = { type: 'bounce', bounceType: 'soft', email: subscriber.email, messageId, occurredAt }
		expect(await send(soft)).toEqual({ status: 200, json: { outcome: 'ignored' } })
		expect(await send({ type: 'complaint', email: uniqueEmail('stranger'), occurredAt })).toEqual({
			status: 200,
			json: { outcome: 'ignored' },
		})
		expect(await state(subscriber.id, issueId)).toMatchObject({
			subscriber: { suppressedAt: null },
			delivery: { status: 'SENT' },
		})
	})

	test('a GET is 405', async () => {
		expect(loader().status).toBe(405)
	})
})

// Issue 19's must-shows for the newsletter: double opt-in, single-use expiring links, exactly once
// across two workers, RFC 8058 headers on every issue, unsubscribed addresses skipped, bad input.
// Real PostgreSQL, real pg-boss, real SMTP (the sink in tests/fakes).
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import type { Sector } from '#modules/db/generated/enums.ts'
import { getBoss } from '#modules/jobs/boss.ts'
import { runQueuedJobs } from '#modules/jobs/worker.ts'
import { THROTTLES } from '#modules/security/throttle.ts'
import { createTestUser, releaseTestResources, uniqueEmail, uniqueIp } from '#tests/factories/auth.ts'
import { decodeQuotedPrintable, type FakeSmtpServer, startFakeSmtpServer } from '#tests/fakes/smtp-server.ts'
import { createNewsletterIssue, scheduleNewsletterIssue, sendNewsletterIssueNow } from './issues.ts'
import { sendNewsletterBatch, startScheduledNewsletters } from './send.ts'
import { confirmNewsletterSubscription, subscribeToNewsletter, unsubscribeFromNewsletter } from './subscribe.ts'

const WORDING = 'By subscribing you agree to receive Circle’s newsletter by email.'
const DAY = 24 * 60 * 60 * 1000
let smtp: FakeSmtpServer | undefined

beforeEach(async () => {
	// Each test delivers only the emails it queued itself.
	await (await getBoss()).purgeQueue('send-email')
	await (await getBoss()).purgeQueue('newsletter-send')
})

afterEach(async () => {
	delete process.env.SMTP_URL
	await smtp?.close()
	smtp = undefined
})

afterAll(releaseTestResources)

/** Signs an address up and returns the token from the confirmation email it was sent. */
async function signUp(email: string, { sectors = [] as Sector[], now = new Date(), ipAddress = uniqueIp() } = {}) {
	const result = await subscribeToNewsletter({
		input: { email, sectors, source: 'footer' },
		wording: WORDING,
		ipAddress,
		now,
	})
	const message = await prisma.emailMessage.findFirst({
		where: { to: email, template: 'newsletter-confirm' },
		orderBy: { createdAt: 'desc' },
		select: { text: true },
	})
	const token = message?.text.match(/\/newsletter\/confirm\/([a-z2-7]+)/)?.[1]
	return { result, token }
}

async function confirmedSubscriber(label: string, sectors: Sector[] = []) {
	const email = uniqueEmail(label)
	const { token } = await signUp(email, { sectors })
	await confirmNewsletterSubscription({ token: token!, now: new Date() })
	return prisma.newsletterSubscriber.findUniqueOrThrow({
		where: { email },
		select: { id: true, email: true, unsubscribeToken: true },
	})
}

async function trainer() {
	return createTestUser({ role: 'TRAINER', emailVerified: true })
}

/** An issue that is SENDING (sendNewsletterIssueNow's job is purged: each test runs the batches itself). */
async function sendingIssue(sectors: Sector[]) {
	const author = await trainer()
	const { issueId } = await createNewsletterIssue({
		actorId: author.id,
		subject: `Working with, not to ${Date.now()}`,
		markdown: 'A term of **circles** in three schools.\n\n<script>alert(1)</script>',
		sectors,
	})
	await sendNewsletterIssueNow({ actorId: author.id, issueId, now: new Date() })
	await (await getBoss()).purgeQueue('newsletter-send')
	return issueId
}

async function drain(issueId: string) {
	for (let i = 0; i < 1000; i++) if (!(await sendNewsletterBatch({ issueId, limit: 200 })).more) return
}

describe('double opt-in', () => {
	test('a sign-up is pending, records its consent and is sent a confirmation link; it receives no newsletter', async () => {
		const email = uniqueEmail('pending')
		const { result, token } = await signUp(email, { sectors: ['SCHOOLS'] })
		expect(result.outcome).toBe('confirmation-sent')
		expect(token).toBeTruthy()
		const subscriber = await prisma.newsletterSubscriber.findUniqueOrThrow({
			where: { email },
			select: {
				id: true,
				status: true,
				sectors: true,
				confirmTokenHash: true,
				consents: { select: { event: true, source: true, wording: true } },
			},
		})
		expect(subscriber).toMatchObject({ status: 'PENDING', sectors: ['SCHOOLS'] })
		expect(subscriber.confirmTokenHash).not.toBe(token)
		expect(subscriber.consents).toEqual([{ event: 'signed-up', source: 'footer', wording: WORDING }])

		const issueId = await sendingIssue(['SCHOOLS'])
		await drain(issueId)
		expect(await prisma.newsletterDelivery.count({ where: { subscriberId: subscriber.id } })).toBe(0)
		expect(await prisma.emailMessage.count({ where: { to: email, template: 'newsletter-issue' } })).toBe(0)
	})

	test('a confirmation link works once, and not a second time', async () => {
		const email = uniqueEmail('once')
		const { token } = await signUp(email)
		await confirmNewsletterSubscription({ token: token!, now: new Date() })
		const row = await prisma.newsletterSubscriber.findUniqueOrThrow({
			where: { email },
			select: { status: true, consents: { select: { event: true }, orderBy: { createdAt: 'asc' } } },
		})
		expect(row.status).toBe('CONFIRMED')
		expect(row.consents.map((c) => c.event)).toEqual(['signed-up', 'confirmed'])
		await expect(confirmNewsletterSubscription({ token: token!, now: new Date() })).rejects.toMatchObject({
			code: 'CONFIRMATION_LINK_NOT_VALID',
		})
	})

	test('two clicks at the same moment confirm once', async () => {
		const { token } = await signUp(uniqueEmail('twice'))
		const results = await Promise.allSettled([
			confirmNewsletterSubscription({ token: token!, now: new Date() }),
			confirmNewsletterSubscription({ token: token!, now: new Date() }),
		])
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
	})

	test('a confirmation link does not work after it expires (7 days)', async () => {
		const signedUpAt = new Date('2026-12-01T09:00:00Z')
		const email = uniqueEmail('expired')
		const { token } = await signUp(email, { now: signedUpAt })
		await expect(
			confirmNewsletterSubscription({ token: token!, now: new Date(signedUpAt.getTime() + 7 * DAY + 1000) }),
		).rejects.toMatchObject({ code: 'CONFIRMATION_LINK_EXPIRED', kind: 'gone' })
		expect((await prisma.newsletterSubscriber.findUniqueOrThrow({ where: { email } })).status).toBe('PENDING')
		// Just inside the week it still works.
		await confirmNewsletterSubscription({ token: token!, now: new Date(signedUpAt.getTime() + 7 * DAY - 1000) })
	})

	test('signing up again with a confirmed address changes nothing and sends nothing', async () => {
		const { email } = await confirmedSubscriber('again')
		const before = await prisma.emailMessage.count({ where: { to: email } })
		const { result } = await signUp(email)
		expect(result.outcome).toBe('already-confirmed')
		expect(await prisma.emailMessage.count({ where: { to: email } })).toBe(before)
		expect((await prisma.newsletterSubscriber.findUniqueOrThrow({ where: { email } })).status).toBe('CONFIRMED')
	})

	test('signing up again while pending does not send a second email within the hour', async () => {
		const email = uniqueEmail('repeat')
		await signUp(email)
		const { result } = await signUp(email)
		expect(result.outcome).toBe('recently-sent')
		expect(await prisma.emailMessage.count({ where: { to: email } })).toBe(1)
	})
})

describe('bad input saves nothing', () => {
	test('an invalid email address', async () => {
		await expect(
			subscribeToNewsletter({
				input: { email: 'not-an-address', sectors: [], source: 'footer' },
				wording: WORDING,
				ipAddress: uniqueIp(),
				now: new Date(),
			}),
		).rejects.toMatchObject({
			code: 'INVALID_SIGNUP',
			field: 'email',
			message: expect.stringContaining('correct format'),
		})
		expect(await prisma.newsletterSubscriber.count({ where: { email: 'not-an-address' } })).toBe(0)
	})

	test('20 sign-ups a minute from one IP address: the 11th on is refused with a clear message', async () => {
		const ipAddress = uniqueIp()
		const emails = Array.from({ length: 20 }, () => uniqueEmail('flood'))
		const outcomes: string[] = []
		for (const email of emails) {
			try {
				await signUp(email, { ipAddress })
				outcomes.push('ok')
			} catch (error) {
				expect(error).toMatchObject({ kind: 'throttled', message: expect.stringContaining('Please wait') })
				outcomes.push('refused')
			}
		}
		expect(outcomes.filter((o) => o === 'ok')).toHaveLength(THROTTLES.newsletterSignupPerIp.points)
		expect(await prisma.newsletterSubscriber.count({ where: { email: { in: emails } } })).toBe(
			THROTTLES.newsletterSignupPerIp.points,
		)
	})

	test('one address signed up from many IP addresses gets at most three confirmation emails an hour', async () => {
		const email = uniqueEmail('inbox-flood')
		const start = new Date()
		for (let i = 0; i < 3; i++) await signUp(email, { now: new Date(start.getTime() + i * 61 * 60 * 1000) })
		await expect(signUp(email, { now: new Date(start.getTime() + 4 * 61 * 60 * 1000) })).rejects.toMatchObject({
			kind: 'throttled',
		})
		expect(await prisma.emailMessage.count({ where: { to: email } })).toBe(3)
	})

	test('an issue with no subject, and a send time in the past', async () => {
		const author = await trainer()
		await expect(
			createNewsletterIssue({ actorId: author.id, subject: '  ', markdown: 'Hello', sectors: [] }),
		).rejects.toMatchObject({
			code: 'INVALID_NEWSLETTER_ISSUE',
			field: 'subject',
			message: 'Enter a subject',
		})
		expect(await prisma.newsletterIssue.count({ where: { authorId: author.id } })).toBe(0)
		const { issueId } = await createNewsletterIssue({
			actorId: author.id,
			subject: 'Later',
			markdown: 'Hello',
			sectors: [],
		})
		await expect(
			scheduleNewsletterIssue({ actorId: author.id, issueId, sendAt: '2020-01-01T09:00', now: new Date() }),
		).rejects.toMatchObject({
			code: 'SEND_TIME_NOT_IN_FUTURE',
			field: 'sendAt',
			message: 'Choose a time in the future',
		})
		expect(await prisma.newsletterIssue.findUniqueOrThrow({ where: { id: issueId } })).toMatchObject({
			status: 'DRAFT',
			scheduledFor: null,
		})
	})

	test('a learner cannot write an issue', async () => {
		const learner = await createTestUser()
		await expect(
			createNewsletterIssue({ actorId: learner.id, subject: 'Hi', markdown: 'Hello', sectors: [] }),
		).rejects.toMatchObject({
			kind: 'forbidden',
		})
	})
})

describe('sending', () => {
	test('two workers sending the same issue deliver it once per subscriber, each with both List-Unsubscribe headers; unsubscribed addresses are skipped', async () => {
		const subscribers = await Promise.all(
			Array.from({ length: 6 }, (_, i) => confirmedSubscriber(`two-workers-${i}`, ['HEALTH_SOCIAL_CARE'])),
		)
		const gone = await confirmedSubscriber('gone', ['HEALTH_SOCIAL_CARE'])
		await unsubscribeFromNewsletter({ token: gone.unsubscribeToken, source: 'one-click', now: new Date() })
		const otherSector = await confirmedSubscriber('other-sector', ['CRIMINAL_JUSTICE'])
		const issueId = await sendingIssue(['HEALTH_SOCIAL_CARE'])

		await Promise.all([drain(issueId), drain(issueId)])

		for (const s of subscribers) {
			expect(await prisma.newsletterDelivery.count({ where: { issueId, subscriberId: s.id } })).toBe(1)
			expect(await prisma.emailMessage.count({ where: { to: s.email, template: 'newsletter-issue' } })).toBe(1)
		}
		expect(
			await prisma.newsletterDelivery.count({ where: { issueId, subscriberId: { in: [gone.id, otherSector.id] } } }),
		).toBe(0)
		expect((await prisma.newsletterIssue.findUniqueOrThrow({ where: { id: issueId } })).status).toBe('SENT')

		smtp = await startFakeSmtpServer()
		process.env.SMTP_URL = smtp.url
		while ((await runQueuedJobs({ name: 'send-email' })) > 0) {
			// until the queue is empty
		}
		for (const s of subscribers) {
			// Their confirmation email went out in this run too; the issue is the one with its subject.
			const received = smtp.messages.filter(
				(m) => m.to.includes(s.email) && /^Subject: The inner circle: /m.test(m.raw),
			)
			expect(received).toHaveLength(1)
			const raw = received[0]!.raw
			const unfolded = raw.replace(/\r?\n[ \t]+/g, ' ')
			expect(unfolded).toMatch(
				new RegExp(`^List-Unsubscribe: <http[^>]+/newsletter/unsubscribe/${s.unsubscribeToken}>`, 'im'),
			)
			expect(unfolded).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im)
			const body = decodeQuotedPrintable(raw)
			expect(body).toContain(`/newsletter/unsubscribe/${s.unsubscribeToken}`)
			expect(body).not.toContain('<script')
		}
		const issues = smtp.messages.filter((m) => /^Subject: The inner circle: /m.test(m.raw))
		expect(issues.some((m) => m.to.includes(gone.email) || m.to.includes(otherSector.email))).toBe(false)
	})

	test('every newsletter email stored has both RFC 8058 headers', async () => {
		await confirmedSubscriber('headers')
		const issueId = await sendingIssue([])
		await drain(issueId)
		const deliveries = await prisma.newsletterDelivery.findMany({
			where: { issueId },
			select: { subscriber: { select: { unsubscribeToken: true } }, emailMessageId: true },
		})
		expect(deliveries.length).toBeGreaterThan(0)
		for (const d of deliveries) {
			const message = await prisma.emailMessage.findUniqueOrThrow({
				where: { id: d.emailMessageId! },
				select: { headers: true },
			})
			expect(message.headers).toEqual({
				// The token as it appears in a URL: other test files' subscribers (in this worker's
				// database too) have tokens with '@' in them, which the link percent-encodes.
				'List-Unsubscribe': expect.stringMatching(
					new RegExp(
						`^<http.+/newsletter/unsubscribe/${encodeURIComponent(d.subscriber.unsubscribeToken).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}>$`,
					),
				),
				'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
			})
		}
	})

	test('a scheduled issue starts when the scheduled job runs at or after its time, not before', async () => {
		const author = await trainer()
		const { issueId } = await createNewsletterIssue({
			actorId: author.id,
			subject: 'Scheduled',
			markdown: 'Soon',
			sectors: [],
		})
		const now = new Date('2026-12-06T10:00:00Z')
		const { scheduledFor } = await scheduleNewsletterIssue({
			actorId: author.id,
			issueId,
			sendAt: '2026-12-07T09:00',
			now,
		})
		expect(scheduledFor.toISOString()).toBe('2026-12-07T09:00:00.000Z')
		expect((await startScheduledNewsletters({ now: new Date('2026-12-07T08:59:00Z') })).started).not.toContain(issueId)
		expect((await startScheduledNewsletters({ now: new Date('2026-12-07T09:00:00Z') })).started).toContain(issueId)
		expect((await startScheduledNewsletters({ now: new Date('2026-12-07T09:05:00Z') })).started).not.toContain(issueId)
		expect((await prisma.newsletterIssue.findUniqueOrThrow({ where: { id: issueId } })).status).toBe('SENDING')
	})
})

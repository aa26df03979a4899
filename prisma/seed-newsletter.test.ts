import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import {
	DEMO_NEWSLETTER_ISSUE_ID,
	DEMO_SUBSCRIBERS,
	DEMO_SUPPRESSED_TOKEN,
	seedDemoNewsletter,
} from './seed-newsletter.ts'
import { seedDemo } from './seed.ts'

afterAll(releaseTestResources)

describe('demo newsletter', () => {
	test('confirmed, pending and unsubscribed subscribers and one sent issue with its deliveries; seeding again changes nothing', async () => {
		await seedDemo({ log: () => {} })
		const emails = DEMO_SUBSCRIBERS.map((s) => s.email)
		const subscribers = await prisma.newsletterSubscriber.findMany({
			where: { email: { in: emails } },
			select: { status: true },
		})
		expect(subscribers.filter((s) => s.status === 'CONFIRMED').length).toBeGreaterThanOrEqual(3)
		expect(subscribers.filter((s) => s.status === 'PENDING')).toHaveLength(1)
		expect(subscribers.filter((s) => s.status === 'UNSUBSCRIBED')).toHaveLength(1)
		const issue = await prisma.newsletterIssue.findUniqueOrThrow({
			where: { id: DEMO_NEWSLETTER_ISSUE_ID },
			select: { status: true, _count: { select: { deliveries: true } } },
		})
		expect(issue.status).toBe('SENT')
		expect(issue._count.deliveries).toBe(DEMO_SUBSCRIBERS.filter((s) => s.status !== 'PENDING').length)
		const pending = await prisma.newsletterSubscriber.findUniqueOrThrow({
			where: { email: 'not.yet@example.org' },
			select: { id: true },
		})
		expect(await prisma.newsletterDelivery.count({ where: { subscriberId: pending.id } })).toBe(0)
		// The bounced address: suppressed, its delivery of the issue BOUNCED, its preferences page saying so.
		const bounced = await prisma.newsletterSubscriber.findUniqueOrThrow({
			where: { unsubscribeToken: DEMO_SUPPRESSED_TOKEN },
			select: { suppressedReason: true, deliveries: { select: { status: true } } },
		})
		expect(bounced).toEqual({ suppressedReason: 'hard-bounce', deliveries: [{ status: 'BOUNCED' }] })

		const counts = async () => [
			await prisma.newsletterSubscriber.count(),
			await prisma.newsletterConsent.count(),
			await prisma.newsletterDelivery.count({ where: { issueId: DEMO_NEWSLETTER_ISSUE_ID } }),
		]
		const before = await counts()
		const trainer = await prisma.user.findUniqueOrThrow({
			where: { email: 'trainer@circle.example' },
			select: { id: true },
		})
		await seedDemoNewsletter({ trainerId: trainer.id })
		expect(await counts()).toEqual(before)
	}, 300_000)
})

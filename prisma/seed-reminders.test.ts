import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { DEMO_ORGANISATION, seedDemo } from './seed.ts'
import { DEMO_REMINDER_DAYS } from './seed-reminders.ts'
import { DEMO_TEAM_MANAGER } from './seed-teams.ts'

afterAll(releaseTestResources)

describe('demo reminders', () => {
	test('the trust’s chosen reminder days, and the outbox holds due-soon, overdue, expiry and digest emails; twice is once', async () => {
		await seedDemo({ log: () => {} })
		const org = await prisma.organisation.findUniqueOrThrow({
			where: { slug: DEMO_ORGANISATION.slug },
			select: { id: true, reminderDueDays: true, reminderExpiryDays: true },
		})
		expect(org.reminderDueDays).toEqual(DEMO_REMINDER_DAYS.dueDays)
		expect(org.reminderExpiryDays).toEqual(DEMO_REMINDER_DAYS.expiryDays)
		expect(
			await prisma.auditLog.count({ where: { organisationId: org.id, action: 'organisation.reminders_changed' } }),
		).toBe(1)

		const demoEvents = () =>
			prisma.reminderEvent.findMany({
				// Course follow-ups' emails (seed-follow-ups.ts) are checked in their own test.
				where: {
					OR: [{ organisationId: org.id }, { user: { email: 'learner@circle.example' } }],
					NOT: { kind: { startsWith: 'follow-up-' } },
				},
				select: { key: true, kind: true, emailMessageId: true, user: { select: { email: true } } },
			})
		const events = await demoEvents()
		const messages = await prisma.emailMessage.findMany({
			where: { id: { in: events.flatMap((e) => (e.emailMessageId ? [e.emailMessageId] : [])) } },
			select: { id: true, to: true, template: true, subject: true },
		})
		const sent = (kind: string) =>
			events
				.filter((e) => e.kind === kind)
				.map((e) => messages.find((m) => m.id === e.emailMessageId))
				.filter((m) => m !== undefined)
		// A fortnight before the schools course falls due at Oakfield: the trust's own 14-day interval.
		expect(events.some((e) => e.kind === 'due' && e.key.endsWith(':14'))).toBe(true)
		expect(sent('due')[0]).toMatchObject({ template: 'due-date-reminder' })
		expect(sent('overdue')[0]).toMatchObject({ template: 'due-date-reminder' })
		expect(sent('expiry')).toContainEqual(
			expect.objectContaining({ template: 'certificate-expiry-reminder', to: 'learner@circle.example' }),
		)
		expect(sent('digest')).toContainEqual(
			expect.objectContaining({ template: 'compliance-digest', to: DEMO_TEAM_MANAGER.email }),
		)

		await seedDemo({ log: () => {} })
		expect((await demoEvents()).map((e) => e.key).sort()).toEqual(events.map((e) => e.key).sort())
	}, 180_000)
})

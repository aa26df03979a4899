import { afterAll, describe, expect, test } from 'vitest'
import { checkInIsOpen } from '#modules/circles/attendance.ts'
import { prisma } from '#modules/db/client.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { DEMO_RUNNING_CIRCLE } from './demo-circles.ts'
import { seedDemo } from './seed.ts'

afterAll(releaseTestResources)

describe('demo circles', () => {
	test('circles on the demo courses over the next weeks, a team circle, and a full one running now; seeding again adds none', async () => {
		await seedDemo({ log: () => {} })
		const now = new Date()
		const upcoming = await prisma.circle.findMany({
			where: { startsAt: { gt: now, lt: new Date(now.getTime() + 28 * 24 * 3_600_000) }, organisationId: null },
			select: { course: { select: { slug: true } }, bookings: { select: { user: { select: { email: true } } } } },
		})
		expect(upcoming.length).toBeGreaterThanOrEqual(4)
		expect(upcoming.filter((c) => c.course).length).toBeGreaterThanOrEqual(3)
		expect(upcoming.flatMap((c) => c.bookings.map((b) => b.user.email))).toContain('learner@circle.example')
		expect(await prisma.circle.count({ where: { teamId: { not: null } } })).toBeGreaterThanOrEqual(1)

		const running = await prisma.circle.findFirstOrThrow({
			where: { title: DEMO_RUNNING_CIRCLE.title },
			select: {
				startsAt: true,
				durationMinutes: true,
				cancelledAt: true,
				capacity: true,
				bookings: { where: { status: 'BOOKED' }, select: { user: { select: { email: true } } } },
			},
		})
		expect(checkInIsOpen(running, now)).toBe(true)
		expect(running.bookings.map((b) => b.user.email).sort()).toEqual(
			DEMO_RUNNING_CIRCLE.holders.map((h) => h.email).sort(),
		)
		expect(running.bookings).toHaveLength(running.capacity)

		const count = await prisma.circle.count()
		await seedDemo({ log: () => {} })
		expect(await prisma.circle.count()).toBe(count)
	})
})

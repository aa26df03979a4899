import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { DEMO_OAKFIELD_CIRCLE_TITLE } from './seed-circles-more.ts'
import { DEMO_TEAM_MANAGER } from './seed-teams.ts'
import { seedDemo } from './seed.ts'

afterAll(releaseTestResources)

describe('demo: circles booked by the organisation, and its own circle facilitator', () => {
	test('the team manager facilitates circles; three Oakfield staff were booked by the admin; seeding again adds nothing', async () => {
		await seedDemo({ log: () => {} })
		await seedDemo({ log: () => {} })
		const manager = await prisma.membership.findFirstOrThrow({
			where: { user: { email: DEMO_TEAM_MANAGER.email } },
			select: { facilitatesCircles: true },
		})
		expect(manager.facilitatesCircles).toBe(true)
		const circle = await prisma.circle.findFirstOrThrow({
			where: { title: DEMO_OAKFIELD_CIRCLE_TITLE },
			select: { bookings: { select: { bookedBy: { select: { email: true } }, status: true } } },
		})
		expect(circle.bookings).toHaveLength(3)
		expect(circle.bookings.every((b) => b.status === 'BOOKED' && b.bookedBy?.email === 'orgadmin@circle.example')).toBe(
			true,
		)
	})
})

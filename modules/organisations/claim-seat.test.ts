import { afterAll, describe, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { createOrganisation, createSeatPool, createUser } from '#tests/factories/organisations.ts'
import { claimSeat } from './claim-seat.ts'

afterAll(releaseTestResources)

describe('claimSeat', () => {
	test('50 concurrent claims by 50 different users on a 10-seat pool give exactly 10 seats', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id, seats: 10 })
		const users = await Promise.all(Array.from({ length: 50 }, (_, i) => createUser({ name: `Racer ${i}` })))

		const results = await Promise.allSettled(users.map((u) => claimSeat({ poolId: pool.id, userId: u.id })))

		const won = results.filter((r) => r.status === 'fulfilled')
		const lost = results.filter((r) => r.status === 'rejected')
		expect(won).toHaveLength(10)
		expect(lost).toHaveLength(40)
		for (const r of lost) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'NO_SEATS_LEFT' })
		const after = await prisma.seatPool.findUniqueOrThrow({ where: { id: pool.id }, select: { used: true } })
		expect(after.used).toBe(10)
		expect(await prisma.seatAssignment.count({ where: { poolId: pool.id, status: 'ASSIGNED' } })).toBe(10)
		expect(await prisma.enrolment.count({ where: { courseId: pool.course.id, source: 'SEAT' } })).toBe(10)
	})

	test('a user who already holds a seat gets the same one back, even when claiming twice at once', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id, seats: 3 })
		const user = await createUser()
		const claims = await Promise.all([1, 2, 3].map(() => claimSeat({ poolId: pool.id, userId: user.id })))
		expect(new Set(claims.map((c) => c.assignmentId)).size).toBe(1)
		const after = await prisma.seatPool.findUniqueOrThrow({ where: { id: pool.id }, select: { used: true } })
		expect(after.used).toBe(1)
		const enrolment = await prisma.enrolment.findFirstOrThrow({ where: { userId: user.id, courseId: pool.course.id } })
		expect(enrolment).toMatchObject({ source: 'SEAT', seatAssignmentId: claims[0]!.assignmentId, status: 'ACTIVE' })
	})

	test('a full pool refuses with NO_SEATS_LEFT and changes nothing', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id, seats: 1, used: 1 })
		const user = await createUser()
		await expect(claimSeat({ poolId: pool.id, userId: user.id })).rejects.toMatchObject({
			kind: 'conflict',
			code: 'NO_SEATS_LEFT',
			message: 'Every seat in this licence is in use',
		})
		expect(await prisma.seatAssignment.count({ where: { poolId: pool.id } })).toBe(0)
		expect(await prisma.enrolment.count({ where: { userId: user.id } })).toBe(0)
	})
})

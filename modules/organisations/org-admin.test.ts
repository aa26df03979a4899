import { afterAll, describe, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { addMember, createOrganisation, createSeatPool, createUser } from '#tests/factories/organisations.ts'
import { managesAnOrganisation, requireOrganisationAccess } from './access.ts'
import { claimSeat } from './claim-seat.ts'
import { getSeatPoolByCourse } from './create-organisation.ts'
import { sendPoolReminders } from './seat-reminders.ts'
import { countTeamReport, getTeamReport } from './team-report.ts'

afterAll(releaseTestResources)

const DAY = 24 * 60 * 60 * 1000

describe('organisation access', () => {
	test('owners and administrators manage an organisation; members and outsiders do not', async () => {
		const org = await createOrganisation()
		const admin = await addMember({ organisationId: org.id, role: 'ADMIN' })
		const member = await addMember({ organisationId: org.id, role: 'MEMBER' })
		const outsider = await createUser()
		expect(await managesAnOrganisation({ userId: org.owner.id })).toBe(true)
		expect(await managesAnOrganisation({ userId: admin.id })).toBe(true)
		expect(await managesAnOrganisation({ userId: member.id })).toBe(false)
		expect(await managesAnOrganisation({ userId: outsider.id })).toBe(false)

		await expect(
			requireOrganisationAccess({ user: { id: member.id, role: 'LEARNER' }, slug: org.slug, minRole: 'ADMIN' }),
		).rejects.toMatchObject({ kind: 'forbidden' })
		await expect(
			requireOrganisationAccess({ user: { id: outsider.id, role: 'LEARNER' }, slug: org.slug, minRole: 'MEMBER' }),
		).rejects.toMatchObject({ kind: 'not_found' })
	})

	test("a pool is found by its course's slug only within its own organisation", async () => {
		const mine = await createOrganisation()
		const theirs = await createOrganisation()
		const pool = await createSeatPool({ organisationId: theirs.id })
		expect(await getSeatPoolByCourse({ organisationId: theirs.id, courseSlug: pool.course.slug })).toMatchObject({
			id: pool.id,
		})
		expect(await getSeatPoolByCourse({ organisationId: mine.id, courseSlug: pool.course.slug })).toBeNull()
	})
})

describe('sendPoolReminders', () => {
	test('reminds holders who have not started or have stalled, not active or finished ones, and not twice in a day', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id, seats: 5 })
		const [notStarted, stalled, active, finished] = await Promise.all(
			['Not Started', 'Stalled', 'Active', 'Finished'].map((name) => createUser({ name })),
		)
		for (const user of [notStarted!, stalled!, active!, finished!])
			await claimSeat({ poolId: pool.id, userId: user.id })
		const enrolmentOf = (userId: string) => ({ userId_courseId: { userId, courseId: pool.course.id } })
		const longAgo = new Date(Date.now() - 30 * DAY)
		await prisma.enrolment.update({
			where: enrolmentOf(stalled!.id),
			data: { startedAt: longAgo, lastActivityAt: longAgo },
		})
		await prisma.enrolment.update({
			where: enrolmentOf(active!.id),
			data: { startedAt: longAgo, lastActivityAt: new Date() },
		})
		await prisma.enrolment.update({
			where: enrolmentOf(finished!.id),
			data: { startedAt: longAgo, completedAt: longAgo },
		})

		expect(await sendPoolReminders({ organisationId: org.id, poolId: pool.id, actorId: org.owner.id })).toEqual({
			sent: 2,
			skipped: 0,
		})
		const reminded = await prisma.emailMessage.findMany({
			where: { template: 'seat-reminder', to: { in: [notStarted!, stalled!, active!, finished!].map((u) => u.email) } },
			select: { to: true },
		})
		expect(reminded.map((m) => m.to).sort()).toEqual([notStarted!.email, stalled!.email].sort())
		expect(await prisma.auditLog.count({ where: { organisationId: org.id, action: 'seat.remind' } })).toBe(2)

		expect(await sendPoolReminders({ organisationId: org.id, poolId: pool.id, actorId: org.owner.id })).toEqual({
			sent: 0,
			skipped: 2,
		})
	})

	test("another organisation's pool is not found", async () => {
		const org = await createOrganisation()
		const other = await createOrganisation()
		const pool = await createSeatPool({ organisationId: other.id })
		await expect(
			sendPoolReminders({ organisationId: org.id, poolId: pool.id, actorId: org.owner.id }),
		).rejects.toMatchObject({
			code: 'POOL_NOT_FOUND',
		})
	})
})

describe('team report pages', () => {
	test('the count matches the rows, and offsets page through them in order', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id, seats: 5 })
		const users = await Promise.all(['Ana', 'Bea', 'Cai'].map((name) => createUser({ name })))
		for (const user of users) await claimSeat({ poolId: pool.id, userId: user.id })
		expect(await countTeamReport({ organisationId: org.id })).toBe(3)
		expect(await countTeamReport({ organisationId: org.id, filters: { search: 'bea' } })).toBe(1)
		const first = await getTeamReport({ organisationId: org.id, limit: 2 })
		const second = await getTeamReport({ organisationId: org.id, limit: 2, offset: 2 })
		expect(first.truncated).toBe(true)
		expect([...first.rows, ...second.rows].map((r) => r.name)).toEqual(['Ana', 'Bea', 'Cai'])
		expect(second.truncated).toBe(false)
	})
})

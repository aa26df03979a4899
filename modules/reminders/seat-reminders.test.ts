// The weekly seat reminders and the reminders module share their people out: one email stream per event.
import { expect, test } from 'vitest'
import { assignCourseToPerson } from '#modules/assignments/assign-person.ts'
import { prisma } from '#modules/db/client.ts'
import { claimSeat } from '#modules/organisations/claim-seat.ts'
import { sendDueSeatReminders } from '#modules/organisations/seat-reminders.ts'
import { createOrganisation, createSeatPool, createUser, addMember } from '#tests/factories/organisations.ts'
import { runReminders } from './run-reminders.ts'

const DAY = 86_400_000

test('a holder who never started gets the seat reminder; one who stalled gets a nudge; an assigned one gets due-date reminders only', async () => {
	const now = new Date()
	const longAgo = new Date(now.getTime() - 20 * DAY)
	const org = await createOrganisation()
	const pool = await createSeatPool({ organisationId: org.id, seats: 5 })
	const [notStarted, stalled, outsideNotStarted, outsideStalled] = await Promise.all(
		['Never Started', 'Stalled', 'Outside Never Started', 'Outside Stalled'].map((name) => createUser({ name })),
	)
	for (const user of [notStarted!, stalled!, outsideNotStarted!, outsideStalled!]) {
		await claimSeat({ poolId: pool.id, userId: user.id })
	}
	const assigned = await addMember({ organisationId: org.id, name: 'Assigned' })
	await prisma.$transaction((tx) =>
		assignCourseToPerson(tx, {
			organisationId: org.id,
			userId: assigned.id,
			courseId: pool.course.id,
			dueOn: new Date(now.getTime() + 7 * DAY).toISOString().slice(0, 10),
			now: longAgo,
		}),
	)
	// Seats (and their enrolments) given 20 days ago.
	await prisma.seatAssignment.updateMany({ where: { poolId: pool.id }, data: { assignedAt: longAgo } })
	await prisma.enrolment.updateMany({ where: { courseId: pool.course.id }, data: { lastActivityAt: longAgo } })
	const enrolmentOf = (userId: string) => ({ userId_courseId: { userId, courseId: pool.course.id } })
	for (const user of [stalled!, outsideStalled!]) {
		await prisma.enrolment.update({
			where: enrolmentOf(user.id),
			data: { startedAt: longAgo, lastActivityAt: longAgo },
		})
	}

	// Scoped to this test's people: the shared test database holds every other test's rows too.
	const scope = { userIds: [notStarted!.id, stalled!.id, assigned.id] }
	await sendDueSeatReminders({ now, scope })
	await runReminders({ now, scope })

	const received = async (to: string) =>
		(await prisma.emailMessage.findMany({ where: { to }, select: { template: true } })).map((m) => m.template)
	expect(await received(notStarted!.email)).toEqual(['seat-reminder'])
	expect(await received(stalled!.email)).toEqual(['learning-nudge'])
	expect(await received(assigned.email)).toEqual(['due-date-reminder'])
	// Both scans keep to their scope: the same situations outside it are left for another scan.
	expect(await received(outsideNotStarted!.email)).toEqual([])
	expect(await received(outsideStalled!.email)).toEqual([])
})

import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { addMember, createOrganisation, createSeatPool } from '#tests/factories/organisations.ts'
import { completeReading } from '#modules/progress/complete-reading.ts'
import { createCourse, createUser } from '#tests/factories/learning.ts'
import { claimSeat } from '#modules/organisations/claim-seat.ts'
import { assignCourseToPeople, assignCourseToPerson } from './assign-person.ts'

const NOW = new Date('2026-12-06T10:00:00Z')

describe('assignCourseToPerson', () => {
	test('takes a seat, keeps one open requirement per course, and the earlier due date wins', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id, seats: 1 })
		const member = await addMember({ organisationId: org.id })
		const first = await prisma.$transaction((tx) =>
			assignCourseToPerson(tx, {
				organisationId: org.id,
				userId: member.id,
				courseId: pool.course.id,
				dueOn: '2027-01-31',
				now: NOW,
			}),
		)
		expect(first).toMatchObject({ created: true, waitingForSeat: false, alreadyInDate: false })
		const again = await prisma.$transaction((tx) =>
			assignCourseToPerson(tx, {
				organisationId: org.id,
				userId: member.id,
				courseId: pool.course.id,
				dueOn: '2027-01-10',
				now: NOW,
			}),
		)
		expect(again).toMatchObject({ created: false, learnerAssignmentId: first.learnerAssignmentId })
		const row = await prisma.learnerAssignment.findUniqueOrThrow({ where: { id: first.learnerAssignmentId } })
		expect(row.dueOn.toISOString().slice(0, 10)).toBe('2027-01-10')
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: pool.id } })).used).toBe(1)

		// The only seat is taken: the next person is assigned and waits for one.
		const second = await addMember({ organisationId: org.id })
		const waiting = await prisma.$transaction((tx) =>
			assignCourseToPerson(tx, {
				organisationId: org.id,
				userId: second.id,
				courseId: pool.course.id,
				dueOn: '2027-01-31',
				now: NOW,
			}),
		)
		expect(waiting).toMatchObject({ created: true, waitingForSeat: true })
	})

	test('completing the course meets the requirement; a renewal restarts the enrolment for its next cycle', async () => {
		const org = await createOrganisation()
		const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
		await prisma.course.update({ where: { id: course.id }, data: { validityMonths: 12 } })
		const learner = await createUser()
		const { learnerAssignmentId } = await prisma.$transaction((tx) =>
			assignCourseToPerson(tx, {
				organisationId: org.id,
				userId: learner.id,
				courseId: course.id,
				dueOn: '2027-01-31',
				now: NOW,
			}),
		)
		const assigned = await prisma.learnerAssignment.findUniqueOrThrow({ where: { id: learnerAssignmentId } })
		expect(assigned.enrolmentId).not.toBeNull()
		await completeReading({ userId: learner.id, lessonId: course.lessons[0]!.id })
		const met = await prisma.learnerAssignment.findUniqueOrThrow({ where: { id: learnerAssignmentId } })
		expect(met.completedAt).not.toBeNull()
		const certificate = await prisma.certificate.findUniqueOrThrow({ where: { id: met.certificateId! } })
		expect(certificate.validUntil).not.toBeNull()

		const renewal = await prisma.$transaction((tx) =>
			assignCourseToPerson(tx, {
				organisationId: org.id,
				userId: learner.id,
				courseId: course.id,
				dueOn: certificate.validUntil!.toISOString().slice(0, 10),
				now: NOW,
				kind: 'RENEWAL',
				cycle: 2,
				renewsCertificateId: certificate.id,
			}),
		)
		expect(renewal.created).toBe(true)
		const enrolment = await prisma.enrolment.findUniqueOrThrow({ where: { id: assigned.enrolmentId! } })
		expect(enrolment).toMatchObject({ cycle: 2, completedAt: null })
		expect(await prisma.lessonProgress.count({ where: { enrolmentId: enrolment.id } })).toBe(0)
		await completeReading({ userId: learner.id, lessonId: course.lessons[0]!.id })
		expect(await prisma.certificate.count({ where: { enrolmentId: enrolment.id } })).toBe(2)
		const renewed = await prisma.learnerAssignment.findUniqueOrThrow({ where: { id: renewal.learnerAssignmentId } })
		expect(renewed.completedAt).not.toBeNull()
		expect(renewed.certificateId).not.toBe(certificate.id)
	})

	test('for many at once: a seat already held is kept, the seats left go in order, and whoever is left waits', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id, seats: 3 })
		const people = await Promise.all([0, 1, 2, 3].map(() => addMember({ organisationId: org.id })))
		const holder = people[3]!
		const held = await claimSeat({ poolId: pool.id, userId: holder.id })
		const results = await prisma.$transaction((tx) =>
			assignCourseToPeople(tx, {
				organisationId: org.id,
				userIds: [...people.map((p) => p.id), holder.id],
				courseId: pool.course.id,
				dueOn: '2027-01-31',
				now: NOW,
			}),
		)
		expect(results.map((r) => [r.created, r.waitingForSeat])).toEqual([
			[true, false],
			[true, false],
			[true, true],
			[true, false],
		])
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: pool.id } })).used).toBe(3)
		const holderRow = await prisma.learnerAssignment.findUniqueOrThrow({
			where: { id: results[3]!.learnerAssignmentId },
		})
		expect(holderRow.enrolmentId).toBe(held.enrolmentId)
		expect(await prisma.seatAssignment.count({ where: { poolId: pool.id, status: 'ASSIGNED' } })).toBe(3)
	})
})

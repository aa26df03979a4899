import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createCompletedEnrolment } from '#tests/factories/certificates.ts'
import { createCircle, createLearners } from '#tests/factories/circles.ts'
import { createUser } from '#tests/factories/learning.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { checkIn, markRegister, UNMARK_WINDOW_DAYS, unmarkAttendance } from './attendance.ts'
import { bookCircle, bookPeople } from './book-circle.ts'
import { toLondonLocal } from './london-time.ts'
import { scheduleCircle } from './schedule-circle.ts'
import { refusal as domainRefusal } from '#tests/factories/errors.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR

async function refusal(promise: Promise<unknown>) {
	const { code, field } = await domainRefusal(promise)
	return { code, field }
}

/** A circle that started an hour ago, one learner booked and marked present by the facilitator. */
async function attendedCircle(options: { courseId?: string; userId?: string } = {}) {
	const startsAt = new Date(Date.now() - HOUR)
	const circle = await createCircle({ startsAt, durationMinutes: 120, courseId: options.courseId ?? null })
	const learner = options.userId ? { id: options.userId } : (await createLearners(1, 'unmark'))[0]!
	await bookCircle({ circleId: circle.id, userId: learner.id, now: new Date(startsAt.getTime() - DAY) })
	const now = new Date()
	await markRegister({ circleId: circle.id, actorId: circle.facilitatorId, userIds: [learner.id], now })
	return { circle, learner, now }
}

describe('taking someone off the register', () => {
	test('removes the attendance and its participatory credit, audited, the learner emailed; they can be marked again', async () => {
		const { circle, learner, now } = await attendedCircle()
		expect(await prisma.cpdEntry.count({ where: { userId: learner.id, source: 'CIRCLE' } })).toBe(1)
		const result = await unmarkAttendance({
			circleId: circle.id,
			actorId: circle.facilitatorId,
			userId: learner.id,
			now,
		})
		expect(result).toEqual({ reflectionKept: false })
		expect(await prisma.circleAttendance.count({ where: { circleId: circle.id } })).toBe(0)
		expect(await prisma.cpdEntry.count({ where: { userId: learner.id } })).toBe(0)
		const audit = await prisma.auditLog.findFirst({
			where: { targetId: circle.id, action: 'circle.attendance_unmarked' },
			select: { actorId: true, details: true },
		})
		expect(audit).toMatchObject({ actorId: circle.facilitatorId, details: { userId: learner.id, method: 'REGISTER' } })
		const user = await prisma.user.findUniqueOrThrow({ where: { id: learner.id }, select: { email: true } })
		const email = await prisma.emailMessage.findFirst({
			where: { to: user.email, subject: { startsWith: 'Your attendance was taken off the register' } },
		})
		expect(email).not.toBeNull()
		expect(
			(await markRegister({ circleId: circle.id, actorId: circle.facilitatorId, userIds: [learner.id], now })).recorded,
		).toBe(1)
		expect(await prisma.cpdEntry.count({ where: { userId: learner.id, source: 'CIRCLE' } })).toBe(1)
	})

	test('keeps what the learner wrote, as their own entry with no hours', async () => {
		const { circle, learner, now } = await attendedCircle()
		await prisma.cpdEntry.updateMany({
			where: { userId: learner.id, source: 'CIRCLE' },
			data: { reflection: 'I noticed how much I wanted to fix things for people.' },
		})
		expect(
			await unmarkAttendance({ circleId: circle.id, actorId: circle.facilitatorId, userId: learner.id, now }),
		).toEqual({
			reflectionKept: true,
		})
		const entries = await prisma.cpdEntry.findMany({ where: { userId: learner.id } })
		expect(entries).toHaveLength(1)
		expect(entries[0]).toMatchObject({
			source: 'MANUAL',
			circleAttendanceId: null,
			minutes: 0,
			participatoryMinutes: 0,
			reflection: 'I noticed how much I wanted to fix things for people.',
		})
	})

	test('only whoever runs the circle can do it, and only within the correction window', async () => {
		const { circle, learner, now } = await attendedCircle()
		const stranger = await createUser()
		expect(
			(await refusal(unmarkAttendance({ circleId: circle.id, actorId: stranger.id, userId: learner.id, now }))).code,
		).toBe('NOT_THE_FACILITATOR')
		expect(
			(await refusal(unmarkAttendance({ circleId: circle.id, actorId: learner.id, userId: learner.id, now }))).code,
		).toBe('NOT_THE_FACILITATOR')
		const ends = circle.startsAt.getTime() + circle.durationMinutes * 60_000
		const late = new Date(ends + UNMARK_WINDOW_DAYS * DAY + 60_000)
		expect(
			(
				await refusal(
					unmarkAttendance({ circleId: circle.id, actorId: circle.facilitatorId, userId: learner.id, now: late }),
				)
			).code,
		).toBe('UNMARK_CLOSED')
		expect(await prisma.circleAttendance.count({ where: { circleId: circle.id } })).toBe(1)
		const other = await createUser()
		expect(
			(await refusal(unmarkAttendance({ circleId: circle.id, actorId: circle.facilitatorId, userId: other.id, now })))
				.code,
		).toBe('NOT_ATTENDED')
	})

	test('is refused when the learner’s certificate rests on this circle, and allowed when another circle of the course backs it', async () => {
		const { user, course, enrolment } = await createCompletedEnrolment()
		await prisma.course.update({ where: { id: course.id }, data: { requiresCircle: true } })
		const first = await attendedCircle({ courseId: course.id, userId: user.id })
		expect(await prisma.certificate.count({ where: { enrolmentId: enrolment.id } })).toBe(1)
		expect(
			(
				await refusal(
					unmarkAttendance({
						circleId: first.circle.id,
						actorId: first.circle.facilitatorId,
						userId: user.id,
						now: first.now,
					}),
				)
			).code,
		).toBe('CERTIFICATE_RESTS_ON_CIRCLE')
		expect(await prisma.circleAttendance.count({ where: { circleId: first.circle.id } })).toBe(1)

		const second = await attendedCircle({ courseId: course.id, userId: user.id })
		await unmarkAttendance({
			circleId: first.circle.id,
			actorId: first.circle.facilitatorId,
			userId: user.id,
			now: first.now,
		})
		expect(await prisma.circleAttendance.count({ where: { userId: user.id } })).toBe(1)
		expect(
			(
				await refusal(
					unmarkAttendance({
						circleId: second.circle.id,
						actorId: second.circle.facilitatorId,
						userId: user.id,
						now: second.now,
					}),
				)
			).code,
		).toBe('CERTIFICATE_RESTS_ON_CIRCLE')
	})

	test('a code check-in can be taken off too', async () => {
		const startsAt = new Date(Date.now() - HOUR)
		const circle = await createCircle({ startsAt, durationMinutes: 120 })
		const [learner] = await createLearners(1, 'code')
		await bookCircle({ circleId: circle.id, userId: learner!.id, now: new Date(startsAt.getTime() - DAY) })
		const now = new Date()
		await checkIn({ circleId: circle.id, userId: learner!.id, code: circle.checkInCode, now })
		await unmarkAttendance({ circleId: circle.id, actorId: circle.facilitatorId, userId: learner!.id, now })
		expect(await prisma.cpdEntry.count({ where: { userId: learner!.id } })).toBe(0)
	})
})

async function teamCircle(capacity = 3) {
	const org = await createOrganisation()
	const team = await prisma.team.create({ data: { organisationId: org.id, name: 'Night shift' } })
	const members = await Promise.all(
		['Ana', 'Ben', 'Cai', 'Dee'].map((name) => addMember({ organisationId: org.id, name: `${name} Member` })),
	)
	for (const m of members) await prisma.teamMember.create({ data: { teamId: team.id, membershipId: m.membershipId } })
	const circle = await createCircle({ organisationId: org.id, teamId: team.id, capacity, facilitatorId: org.owner.id })
	return { org, team, members, circle }
}

describe('booking people into an organisation’s circle', () => {
	test('an administrator books a whole team in one action: places, then the waiting list, each emailed with who booked', async () => {
		const { org, team, members, circle } = await teamCircle(3)
		const admin = await addMember({ organisationId: org.id, role: 'ADMIN', name: 'Abi Admin' })
		await bookCircle({ circleId: circle.id, userId: members[0]!.id, now: new Date() })
		const outcome = await bookPeople({ circleId: circle.id, actorId: admin.id, teamId: team.id, now: new Date() })
		expect(outcome).toEqual({ booked: 2, waiting: 1, already: 1 })
		const bookings = await prisma.circleBooking.findMany({
			where: { circleId: circle.id },
			select: { status: true, bookedById: true },
		})
		expect(bookings.filter((b) => b.bookedById === admin.id)).toHaveLength(3)
		const emails = await prisma.emailMessage.findMany({
			where: { to: { in: members.slice(1).map((m) => m.email) }, template: 'circle-booking' },
			select: { subject: true, attachments: true },
		})
		expect(emails.filter((e) => e.subject.startsWith('You have been booked into a circle'))).toHaveLength(2)
		expect(emails.filter((e) => e.subject.startsWith('You are on the waiting list'))).toHaveLength(1)
		for (const email of emails.filter((e) => e.subject.startsWith('You have been booked'))) {
			expect(email.attachments).toEqual([expect.objectContaining({ kind: 'circle-invitation', method: 'REQUEST' })])
		}
		const audit = await prisma.auditLog.findFirst({ where: { targetId: circle.id, action: 'circle.people_booked' } })
		expect(audit).toMatchObject({ organisationId: org.id, actorId: admin.id })
	})

	test('named people must be active members who can see the circle; nothing is booked otherwise', async () => {
		const { org, members, circle } = await teamCircle(10)
		const notInTeam = await addMember({ organisationId: org.id, name: 'Eve Elsewhere' })
		const outsider = await createUser({ name: 'Oscar Outsider' })
		const refused = await refusal(
			bookPeople({
				circleId: circle.id,
				actorId: org.owner.id,
				userIds: [members[0]!.id, outsider.id],
				now: new Date(),
			}),
		)
		expect(refused).toEqual({ code: 'NOT_A_MEMBER', field: 'userId' })
		expect(
			(
				await refusal(
					bookPeople({ circleId: circle.id, actorId: org.owner.id, userIds: [notInTeam.id], now: new Date() }),
				)
			).code,
		).toBe('NOT_A_MEMBER')
		await prisma.membership.update({ where: { id: members[1]!.membershipId }, data: { deactivatedAt: new Date() } })
		expect(
			(
				await refusal(
					bookPeople({ circleId: circle.id, actorId: org.owner.id, userIds: [members[1]!.id], now: new Date() }),
				)
			).code,
		).toBe('NOT_A_MEMBER')
		expect(await prisma.circleBooking.count({ where: { circleId: circle.id } })).toBe(0)
		expect(
			await bookPeople({ circleId: circle.id, actorId: org.owner.id, userIds: [members[0]!.id], now: new Date() }),
		).toEqual({ booked: 1, waiting: 0, already: 0 })
	})

	test('a member who does not run the circle cannot book people, nor can anyone into an open circle', async () => {
		const { members, circle } = await teamCircle(10)
		expect(
			(
				await refusal(
					bookPeople({ circleId: circle.id, actorId: members[0]!.id, userIds: [members[1]!.id], now: new Date() }),
				)
			).code,
		).toBe('NOT_THE_FACILITATOR')
		const open = await createCircle()
		const [learner] = await createLearners(1)
		expect(
			(
				await refusal(
					bookPeople({ circleId: open.id, actorId: open.facilitatorId, userIds: [learner!.id], now: new Date() }),
				)
			).code,
		).toBe('NOT_A_MEMBER')
		expect(await prisma.circleBooking.count({ where: { circleId: { in: [circle.id, open.id] } } })).toBe(0)
	})
})

describe('an organisation’s own circle facilitator', () => {
	test('a member an administrator made a circle facilitator schedules the organisation’s circles; without it, or once it is taken away, they cannot', async () => {
		const org = await createOrganisation()
		const member = await addMember({ organisationId: org.id, name: 'Faye Facilitator' })
		const input = {
			title: 'Restorative conversations on the ward',
			startsAt: toLondonLocal(new Date(Date.now() + 5 * DAY)),
			durationMinutes: '60',
			capacity: '10',
			mode: 'IN_PERSON',
			venue: 'Seminar room 2',
			facilitatorEmail: member.email,
		}
		const now = new Date()
		expect((await refusal(scheduleCircle({ actorId: member.id, organisationId: org.id, input, now }))).code).toBe(
			'NOT_A_SCHEDULER',
		)
		await prisma.membership.update({ where: { id: member.membershipId }, data: { facilitatesCircles: true } })
		const { circleId } = await scheduleCircle({ actorId: member.id, organisationId: org.id, input, now })
		const circle = await prisma.circle.findUniqueOrThrow({ where: { id: circleId } })
		expect(circle).toMatchObject({ organisationId: org.id, facilitatorId: member.id, createdById: member.id })
		// A facilitator is not a platform trainer: open circles stay closed to them.
		expect((await refusal(scheduleCircle({ actorId: member.id, input, now }))).code).toBe('NOT_A_SCHEDULER')
		await prisma.membership.update({ where: { id: member.membershipId }, data: { facilitatesCircles: false } })
		expect((await refusal(scheduleCircle({ actorId: member.id, organisationId: org.id, input, now }))).code).toBe(
			'NOT_A_SCHEDULER',
		)
	})
})

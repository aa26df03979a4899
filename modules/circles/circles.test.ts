import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { issueTestCertificate, createCompletedEnrolment } from '#tests/factories/certificates.ts'
import { createCircle, createLearners } from '#tests/factories/circles.ts'
import { createEnrolment, createUser, markLessonsCompleted } from '#tests/factories/learning.ts'
import { COMPLETION_TRANSACTION, completeEnrolment } from '#modules/progress/complete-enrolment.ts'
import { addMember, createOrganisation, createCourse } from '#tests/factories/organisations.ts'
import { checkIn, markRegister } from './attendance.ts'
import { bookCircle, cancelBooking } from './book-circle.ts'
import { resolveAttachments } from '#modules/mail/attachments.ts'
import { buildCircleInvitation } from './ics.ts'
import { formatCircleLength, formatCircleStart, fromLondonLocal, toLondonLocal } from './london-time.ts'
import { getCircle, getCircleForEdit, getRegister } from './queries.ts'
import { circleReminderKey, runCircleReminders } from './reminders.ts'
import { cancelCircle, scheduleCircle, updateCircle } from './schedule-circle.ts'
import { refusal as domainRefusal } from '#tests/factories/errors.ts'

const HOUR = 3_600_000

async function refusal(promise: Promise<unknown>) {
	const { code, field } = await domainRefusal(promise)
	return { code, field }
}

function detailsFor(facilitatorEmail: string, overrides: Record<string, unknown> = {}) {
	return {
		title: 'Repairing harm: a practice circle',
		startsAt: toLondonLocal(new Date(Date.now() + 10 * 24 * HOUR)),
		durationMinutes: '90',
		capacity: '8',
		mode: 'ONLINE',
		meetingUrl: 'https://teams.microsoft.com/l/meetup-join/example',
		facilitatorEmail,
		questions: 'What happened?\n\nWhat do you need now?',
		...overrides,
	}
}

describe('London time', () => {
	test('a wall-clock time in winter is GMT and in summer BST', () => {
		expect(fromLondonLocal('2026-12-14T18:30')!.toISOString()).toBe('2026-12-14T18:30:00.000Z')
		expect(fromLondonLocal('2026-07-01T09:00')!.toISOString()).toBe('2026-07-01T08:00:00.000Z')
		expect(fromLondonLocal('2026-02-30T09:00')).toBeNull()
		expect(toLondonLocal(new Date('2026-07-01T08:00:00Z'))).toBe('2026-07-01T09:00')
		expect(formatCircleStart(new Date('2026-12-06T03:52:00Z'))).toBe('Sunday 6 December 2026 at 03:52')
		expect([45, 60, 90, 480].map((m) => formatCircleLength(m))).toEqual([
			'45 minutes',
			'1 hour',
			'1 hour 30 minutes',
			'8 hours',
		])
	})
})

describe('scheduling a circle', () => {
	test('a trainer schedules an open circle on their own course; its questions are kept one a line', async () => {
		const trainer = await createUser({ role: 'TRAINER' })
		const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
		await prisma.courseAuthor.create({ data: { courseId: course.id, userId: trainer.id } })
		const { circleId } = await scheduleCircle({
			actorId: trainer.id,
			input: detailsFor(trainer.email, { courseId: course.id }),
			now: new Date(),
		})
		const circle = await prisma.circle.findUniqueOrThrow({ where: { id: circleId } })
		expect(circle).toMatchObject({ courseId: course.id, capacity: 8, facilitatorId: trainer.id, organisationId: null })
		expect(circle.questions).toEqual(['What happened?', 'What do you need now?'])
		expect(circle.checkInCode).toMatch(/^[A-Z2-9]{6}$/)
	})

	test('bad input is refused beside its field: a start in the past, no places, an online circle without an https link', async () => {
		const trainer = await createUser({ role: 'TRAINER' })
		const now = new Date()
		const past = toLondonLocal(new Date(now.getTime() - HOUR))
		expect(
			await refusal(scheduleCircle({ actorId: trainer.id, input: detailsFor(trainer.email, { startsAt: past }), now })),
		).toEqual({
			code: 'INVALID_CIRCLE',
			field: 'startsAt',
		})
		expect(
			await refusal(scheduleCircle({ actorId: trainer.id, input: detailsFor(trainer.email, { capacity: '0' }), now })),
		).toEqual({
			code: 'INVALID_CIRCLE',
			field: 'capacity',
		})
		for (const meetingUrl of [undefined, 'http://zoom.us/j/123', 'javascript:alert(1)']) {
			expect(
				await refusal(scheduleCircle({ actorId: trainer.id, input: detailsFor(trainer.email, { meetingUrl }), now })),
			).toEqual({
				code: 'INVALID_CIRCLE',
				field: 'meetingUrl',
			})
		}
	})

	test('a learner cannot schedule an open circle, nor a trainer one on a course they do not author', async () => {
		const learner = await createUser()
		const trainer = await createUser({ role: 'TRAINER' })
		const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
		const now = new Date()
		expect((await refusal(scheduleCircle({ actorId: learner.id, input: detailsFor(learner.email), now }))).code).toBe(
			'NOT_A_SCHEDULER',
		)
		expect(
			await refusal(
				scheduleCircle({ actorId: trainer.id, input: detailsFor(trainer.email, { courseId: course.id }), now }),
			),
		).toEqual({ code: 'COURSE_NOT_FOUND', field: 'courseId' })
	})

	test('an organisation admin books a private circle for a team, audited; a member cannot, and outsiders never see it', async () => {
		const org = await createOrganisation()
		const member = await addMember({ organisationId: org.id })
		const outsider = await createUser()
		const team = await prisma.team.create({ data: { organisationId: org.id, name: 'Year 7 pastoral' } })
		await prisma.teamMember.create({ data: { teamId: team.id, membershipId: member.membershipId } })
		const now = new Date()
		expect(
			(
				await refusal(
					scheduleCircle({ actorId: member.id, organisationId: org.id, input: detailsFor(member.email), now }),
				)
			).code,
		).toBe('NOT_A_SCHEDULER')
		const { circleId } = await scheduleCircle({
			actorId: org.owner.id,
			organisationId: org.id,
			input: detailsFor(org.owner.email, { teamId: team.id }),
			now,
		})
		const audit = await prisma.auditLog.findFirst({ where: { targetId: circleId, action: 'circle.scheduled' } })
		expect(audit?.organisationId).toBe(org.id)
		expect((await bookCircle({ circleId, userId: member.id, now })).status).toBe('BOOKED')
		expect((await refusal(bookCircle({ circleId, userId: outsider.id, now }))).code).toBe('CIRCLE_NOT_FOUND')
		expect((await refusal(getCircle({ circleId, userId: outsider.id, now }))).code).toBe('CIRCLE_NOT_FOUND')
	})
})

describe('booking', () => {
	test('30 people booking 10 places at once: exactly 10 get a place and 20 wait, in the order they arrived', async () => {
		const circle = await createCircle({ capacity: 10 })
		const learners = await createLearners(30)
		const now = new Date()
		const outcomes = await Promise.all(learners.map((l) => bookCircle({ circleId: circle.id, userId: l.id, now })))
		expect(outcomes.filter((o) => o.status === 'BOOKED')).toHaveLength(10)
		expect(outcomes.filter((o) => o.status === 'WAITING')).toHaveLength(20)
		const counts = await prisma.circleBooking.groupBy({ by: ['status'], where: { circleId: circle.id }, _count: true })
		expect(Object.fromEntries(counts.map((c) => [c.status, c._count]))).toEqual({ BOOKED: 10, WAITING: 20 })
	})

	test('booking twice keeps one booking; the meeting link is shown only to people with a place', async () => {
		const circle = await createCircle({ capacity: 1 })
		const [first, second] = await createLearners(2)
		const now = new Date()
		const a = await bookCircle({ circleId: circle.id, userId: first!.id, now })
		const again = await bookCircle({ circleId: circle.id, userId: first!.id, now })
		expect(again).toEqual({ ...a, created: false })
		await bookCircle({ circleId: circle.id, userId: second!.id, now })
		expect((await getCircle({ circleId: circle.id, userId: first!.id, now })).meetingUrl).toBe(
			'https://meet.example.org/circle-room',
		)
		const waiting = await getCircle({ circleId: circle.id, userId: second!.id, now })
		expect(waiting).toMatchObject({ meetingUrl: null, myStatus: 'WAITING', waitingPosition: 1 })
	})

	test('a cancellation gives the place to the first person waiting, emailed once with a calendar invitation', async () => {
		const circle = await createCircle({ capacity: 1 })
		const [holder, firstWaiter, secondWaiter] = await createLearners(3)
		const now = new Date()
		await bookCircle({ circleId: circle.id, userId: holder!.id, now })
		await bookCircle({ circleId: circle.id, userId: firstWaiter!.id, now: new Date(now.getTime() + 1) })
		await bookCircle({ circleId: circle.id, userId: secondWaiter!.id, now: new Date(now.getTime() + 2) })
		const { promoted } = await cancelBooking({ circleId: circle.id, userId: holder!.id, now })
		expect(promoted).toHaveLength(1)
		const statuses = await prisma.circleBooking.findMany({
			where: { circleId: circle.id },
			select: { userId: true, status: true },
		})
		expect(Object.fromEntries(statuses.map((s) => [s.userId, s.status]))).toEqual({
			[holder!.id]: 'CANCELLED',
			[firstWaiter!.id]: 'BOOKED',
			[secondWaiter!.id]: 'WAITING',
		})
		const emails = await prisma.emailMessage.findMany({
			where: { to: firstWaiter!.email, template: 'circle-booking' },
			select: { subject: true, attachments: true },
			orderBy: { createdAt: 'asc' },
		})
		expect(emails.map((e) => e.subject)).toEqual([
			`You are on the waiting list: ${circle.title}`,
			`A place came up for you: ${circle.title}`,
		])
		expect(emails[1]!.attachments).toEqual([
			{ kind: 'circle-invitation', bookingId: promoted[0], method: 'REQUEST', sequence: 0 },
		])
		const cancelled = await prisma.emailMessage.findFirst({
			where: { to: holder!.email, subject: { startsWith: 'Your booking is cancelled' } },
		})
		expect(cancelled?.attachments).toMatchObject([{ method: 'CANCEL' }])
	})

	test('a late place can be taken while the circle runs; nobody books or cancels once it has ended', async () => {
		const circle = await createCircle({ startsAt: new Date(Date.now() - 60_000), durationMinutes: 30 })
		const [learner, late] = await createLearners(2)
		expect((await bookCircle({ circleId: circle.id, userId: learner!.id, now: new Date() })).status).toBe('BOOKED')
		const afterEnd = new Date(circle.startsAt.getTime() + 30 * 60_000)
		expect((await refusal(cancelBooking({ circleId: circle.id, userId: learner!.id, now: afterEnd }))).code).toBe(
			'CIRCLE_ENDED',
		)
		expect((await refusal(bookCircle({ circleId: circle.id, userId: late!.id, now: afterEnd }))).code).toBe(
			'CIRCLE_ENDED',
		)
	})
})

describe('invitations and changes', () => {
	test('the .ics invitation carries the circle’s UID and SEQUENCE, and CANCEL to withdraw it', async () => {
		const circle = {
			id: 'c1',
			title: 'Circle',
			description: '',
			startsAt: new Date('2026-12-14T18:30:00Z'),
			durationMinutes: 90,
			mode: 'ONLINE' as const,
			meetingUrl: 'https://meet.example.org/x',
			venue: null,
			facilitator: { name: 'Dr Maya Okafor', email: 'maya@example.org' },
		}
		const attendee = { name: 'Sam', email: 'sam@example.org' }
		const request = await buildCircleInvitation({ circle, attendee, method: 'REQUEST', sequence: 0 })
		expect(request).toContain('METHOD:REQUEST')
		expect(request).toContain('UID:circle-c1@circle')
		expect(request).toContain('DTSTART:20261214T183000Z')
		const cancel = await buildCircleInvitation({ circle, attendee, method: 'CANCEL', sequence: 3 })
		expect(cancel).toContain('METHOD:CANCEL')
		expect(cancel).toContain('SEQUENCE:3')
		expect(cancel).toContain('STATUS:CANCELLED')
	})

	test('moving a circle raises its SEQUENCE and sends everyone with a place an update; cancelling it sends CANCEL', async () => {
		const trainer = await createUser({ role: 'TRAINER' })
		const now = new Date()
		const { circleId } = await scheduleCircle({ actorId: trainer.id, input: detailsFor(trainer.email), now })
		const [learner] = await createLearners(1)
		await bookCircle({ circleId, userId: learner!.id, now })
		const later = toLondonLocal(new Date(now.getTime() + 12 * 24 * HOUR))
		expect(
			(
				await updateCircle({
					actorId: trainer.id,
					circleId,
					input: detailsFor(trainer.email, { startsAt: later }),
					now,
				})
			).moved,
		).toBe(true)
		const other = await createUser({ role: 'TRAINER' })
		expect(
			(await refusal(updateCircle({ actorId: other.id, circleId, input: detailsFor(trainer.email), now }))).code,
		).toBe('NOT_THE_FACILITATOR')
		await cancelCircle({ actorId: trainer.id, circleId, now })
		const emails = await prisma.emailMessage.findMany({
			where: { to: learner!.email },
			select: { subject: true, attachments: true },
			orderBy: { createdAt: 'asc' },
		})
		expect(emails.map((e) => (e.attachments as Array<{ method: string; sequence: number }>)[0])).toEqual([
			expect.objectContaining({ method: 'REQUEST', sequence: 0 }),
			expect.objectContaining({ method: 'REQUEST', sequence: 1 }),
			expect.objectContaining({ method: 'CANCEL', sequence: 2 }),
		])
	})
})

describe('the invitation attached to a booking email', () => {
	test('is built when the email is delivered, for that booking, as text/calendar with its method', async () => {
		const circle = await createCircle()
		const [learner] = await createLearners(1)
		const { bookingId } = await bookCircle({ circleId: circle.id, userId: learner!.id, now: new Date() })
		const [file] = await resolveAttachments([{ kind: 'circle-invitation', bookingId, method: 'REQUEST', sequence: 0 }])
		expect(file!.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST')
		const text = file!.content.toString('utf8')
		expect(text).toContain('METHOD:REQUEST')
		expect(text).toContain(learner!.email)
		expect(text).toContain('https://meet.example.org/circle-room')
	})
})

describe('reminders', () => {
	test('a day and an hour before, each sent once however often and however concurrently the scan runs', async () => {
		const startsAt = new Date(Date.now() + 30 * 24 * HOUR)
		const circle = await createCircle({ startsAt })
		const [learner] = await createLearners(1)
		await bookCircle({ circleId: circle.id, userId: learner!.id, now: new Date() })
		const booking = await prisma.circleBooking.findFirstOrThrow({
			where: { circleId: circle.id },
			select: { id: true },
		})

		await runCircleReminders({ now: new Date(startsAt.getTime() - 25 * HOUR) })
		const dayBefore = new Date(startsAt.getTime() - 23 * HOUR)
		await Promise.all([
			runCircleReminders({ now: dayBefore }),
			runCircleReminders({ now: dayBefore }),
			runCircleReminders({ now: dayBefore }),
		])
		await runCircleReminders({ now: new Date(startsAt.getTime() - 2 * HOUR) })
		const hourBefore = new Date(startsAt.getTime() - 50 * 60_000)
		await Promise.all([runCircleReminders({ now: hourBefore }), runCircleReminders({ now: hourBefore })])
		await runCircleReminders({ now: new Date(startsAt.getTime() - 10 * 60_000) })

		const reminders = await prisma.emailMessage.findMany({
			where: { to: learner!.email, template: 'circle-reminder' },
			select: { subject: true },
			orderBy: { createdAt: 'asc' },
		})
		expect(reminders.map((r) => r.subject)).toEqual([
			`Tomorrow: ${circle.title}`,
			`Starting in an hour: ${circle.title}`,
		])
		const keys = await prisma.reminderEvent.findMany({ where: { userId: learner!.id }, select: { key: true } })
		expect(keys.map((k) => k.key).sort()).toEqual(
			[
				circleReminderKey({ bookingId: booking.id, lead: '1h', startsAt }),
				circleReminderKey({ bookingId: booking.id, lead: '24h', startsAt }),
			].sort(),
		)
	})
})

describe('attendance', () => {
	async function runningCircle(options: { courseId?: string } = {}) {
		const startsAt = new Date(Date.now() + 2 * HOUR)
		const circle = await createCircle({ startsAt, durationMinutes: 60, capacity: 5, ...options })
		const [booked, notBooked] = await createLearners(2)
		await bookCircle({ circleId: circle.id, userId: booked!.id, now: new Date() })
		return { circle, booked: booked!, notBooked: notBooked!, during: new Date(startsAt.getTime() + 10 * 60_000) }
	}

	test('the check-in code works only during the session, only for someone booked, only as itself', async () => {
		const { circle, booked, notBooked, during } = await runningCircle()
		const code = circle.checkInCode
		const before = new Date(circle.startsAt.getTime() - 60_000)
		const atEnd = new Date(circle.startsAt.getTime() + 60 * 60_000)
		expect(await refusal(checkIn({ circleId: circle.id, userId: booked.id, code, now: before }))).toEqual({
			code: 'CHECK_IN_CLOSED',
			field: 'code',
		})
		expect((await refusal(checkIn({ circleId: circle.id, userId: booked.id, code, now: atEnd }))).code).toBe(
			'CHECK_IN_CLOSED',
		)
		expect((await refusal(checkIn({ circleId: circle.id, userId: notBooked.id, code, now: during }))).code).toBe(
			'NOT_BOOKED',
		)
		expect((await refusal(checkIn({ circleId: circle.id, userId: booked.id, code: 'ZZZZZZ', now: during }))).code).toBe(
			'WRONG_CHECK_IN_CODE',
		)
		expect(await prisma.cpdEntry.count({ where: { userId: { in: [booked.id, notBooked.id] } } })).toBe(0)

		const results = await Promise.all([
			checkIn({ circleId: circle.id, userId: booked.id, code: code.toLowerCase(), now: during }),
			checkIn({ circleId: circle.id, userId: booked.id, code, now: during }),
		])
		expect(results.filter((r) => r.recorded)).toHaveLength(1)
		const entries = await prisma.cpdEntry.findMany({ where: { userId: booked.id } })
		expect(entries).toHaveLength(1)
		expect(entries[0]).toMatchObject({ source: 'CIRCLE', minutes: 60, participatoryMinutes: 60 })
		expect(entries[0]!.description).toContain('Dr Ada Facilitator')
	})

	test('wrong check-in codes are throttled per person: the eleventh try is refused, even the right code; others still check in', async () => {
		const { circle, booked, during } = await runningCircle()
		const [other] = await createLearners(1)
		await bookCircle({ circleId: circle.id, userId: other!.id, now: new Date() })
		for (let i = 0; i < 10; i++) {
			expect(
				(await refusal(checkIn({ circleId: circle.id, userId: booked.id, code: 'ZZZZZZ', now: during }))).code,
			).toBe('WRONG_CHECK_IN_CODE')
		}
		expect(
			(await refusal(checkIn({ circleId: circle.id, userId: booked.id, code: circle.checkInCode, now: during }))).code,
		).toBe('TOO_MANY_ATTEMPTS')
		expect(await prisma.circleAttendance.count({ where: { circleId: circle.id, userId: booked.id } })).toBe(0)
		const theirs = await checkIn({ circleId: circle.id, userId: other!.id, code: circle.checkInCode, now: during })
		expect(theirs.recorded).toBe(true)
	})

	test('the facilitator marks the register; nobody else can, and only people with a place are marked', async () => {
		const { circle, booked, notBooked, during } = await runningCircle()
		expect(
			(await refusal(markRegister({ circleId: circle.id, actorId: booked.id, userIds: [booked.id], now: during })))
				.code,
		).toBe('NOT_THE_FACILITATOR')
		expect((await refusal(getRegister({ circleId: circle.id, actorId: booked.id, now: during }))).code).toBe(
			'CIRCLE_NOT_FOUND',
		)
		expect((await refusal(getCircleForEdit({ circleId: circle.id, actorId: booked.id }))).code).toBe('CIRCLE_NOT_FOUND')
		const { recorded } = await markRegister({
			circleId: circle.id,
			actorId: circle.facilitatorId,
			userIds: [booked.id, notBooked.id],
			now: during,
		})
		expect(recorded).toBe(1)
		const register = await getRegister({ circleId: circle.id, actorId: circle.facilitatorId, now: during })
		expect(register.people.map((p) => [p.id, p.attended?.method])).toEqual([[booked.id, 'REGISTER']])
		expect(await prisma.cpdEntry.count({ where: { userId: notBooked.id } })).toBe(0)
	})

	test('finishing a course that requires a circle completes it and leaves the certificate waiting', async () => {
		const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
		await prisma.course.update({ where: { id: course.id }, data: { requiresCircle: true } })
		const [learner] = await createLearners(1)
		const enrolment = await createEnrolment({ userId: learner!.id, course })
		await markLessonsCompleted({ userId: learner!.id, enrolmentId: enrolment.id, lessons: course.lessons })
		const result = await prisma.$transaction(
			(tx) => completeEnrolment({ tx, enrolmentId: enrolment.id, userId: learner!.id }),
			COMPLETION_TRANSACTION,
		)
		expect(result.completedNow).toBe(true)
		const after = await prisma.enrolment.findUniqueOrThrow({
			where: { id: enrolment.id },
			select: { completedAt: true, certificates: { select: { id: true } } },
		})
		expect(after.completedAt).not.toBeNull()
		expect(after.certificates).toEqual([])
	})

	test('a course that requires a circle issues its certificate only once the learner has attended one', async () => {
		const { user, course, enrolment } = await createCompletedEnrolment()
		await prisma.course.update({ where: { id: course.id }, data: { requiresCircle: true } })
		expect((await refusal(issueTestCertificate(enrolment.id))).code).toBe('CIRCLE_NOT_ATTENDED')
		expect(await prisma.certificate.count({ where: { enrolmentId: enrolment.id } })).toBe(0)

		const startsAt = new Date(Date.now() + HOUR)
		const circle = await createCircle({ startsAt, courseId: course.id })
		await bookCircle({ circleId: circle.id, userId: user.id, now: new Date() })
		await checkIn({
			circleId: circle.id,
			userId: user.id,
			code: circle.checkInCode,
			now: new Date(startsAt.getTime() + 60_000),
		})
		expect(await prisma.certificate.count({ where: { enrolmentId: enrolment.id } })).toBe(1)
		const sources = await prisma.cpdEntry.findMany({
			where: { userId: user.id },
			select: { source: true },
			orderBy: { source: 'asc' },
		})
		expect(sources.map((s) => s.source).sort()).toEqual(['CERTIFICATE', 'CIRCLE'])
	})
})

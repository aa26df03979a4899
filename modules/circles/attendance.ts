import crypto from 'node:crypto'
import { recordAudit } from '#modules/audit/record.ts'
import { issueCertificate } from '#modules/certificates/issue-certificate.ts'
import { londonCalendarDate, londonIsoDate } from '#modules/certificates/certificate-text.ts'
import { formatIsoDate } from '#modules/portfolio/cpd-dates.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import { assertRunsCircle, circleNotFound } from './access.ts'
import { CirclesError } from './errors.ts'
import { circleEndsAt } from './london-time.ts'
import { assertNotThrottled, consumeThrottle } from '#modules/security/throttle.ts'
import { emailBooking } from './notify.ts'
import { insertAttendance, lockCircle } from './sql.ts'
import { queueXapiStatements } from '#modules/xapi/record-events.ts'

/** How a circle's CPD entry describes the activity in the learner's log. */
export const CIRCLE_CPD_METHOD = 'Reflective circle (participatory)'

export const ATTENDANCE_TRANSACTION = { maxWait: 15_000, timeout: 20_000 }

/** Whether check-in is open: from the circle's start until its end, never before or after. */
export function checkInIsOpen(
	circle: { startsAt: Date; durationMinutes: number; cancelledAt: Date | null },
	now: Date,
) {
	if (circle.cancelledAt) return false
	return circle.startsAt.getTime() <= now.getTime() && now.getTime() < circleEndsAt(circle).getTime()
}

function sameCode(a: string, b: string) {
	const left = Buffer.from(a)
	const right = Buffer.from(b)
	return left.length === right.length && crypto.timingSafeEqual(left, right)
}

/**
 * Records that `userId` attended a circle, inside the caller's transaction, exactly once: the
 * attendance row is unique per person and circle (inserted ON CONFLICT DO NOTHING), and only the
 * call that inserted it adds the CpdEntry (source CIRCLE, its minutes all participatory, naming the
 * facilitator), whose circleAttendanceId is unique too. When the circle's course requires a circle
 * before its certificate and the learner has already finished the course, the certificate that was
 * waiting is issued now (issueCertificate, the one rule). Returns whether this call recorded it.
 */
async function recordAttendance(
	tx: Tx,
	{
		circleId,
		userId,
		method,
		markedById,
		now,
	}: { circleId: string; userId: string; method: 'REGISTER' | 'CODE'; markedById: string | null; now: Date },
) {
	const attendanceId = await insertAttendance(tx, {
		id: crypto.randomUUID(),
		circleId,
		userId,
		method,
		markedById,
		attendedAt: now,
	})
	if (!attendanceId) return false
	await queueXapiStatements(tx, { kind: 'attended', userId, attendanceId, at: now })
	const circle = await tx.circle.findUniqueOrThrow({
		where: { id: circleId },
		select: {
			title: true,
			startsAt: true,
			durationMinutes: true,
			courseId: true,
			questions: true,
			facilitator: { select: { name: true } },
		},
	})
	await tx.cpdEntry.create({
		data: {
			userId,
			circleAttendanceId: attendanceId,
			source: 'CIRCLE',
			method: CIRCLE_CPD_METHOD,
			title: circle.title,
			date: londonCalendarDate(circle.startsAt),
			minutes: circle.durationMinutes,
			// A facilitated circle is learning with other people: every minute of it is participatory.
			participatoryMinutes: circle.durationMinutes,
			description: `A facilitated reflective circle with ${circle.facilitator.name}.`,
			standards: [],
		},
		select: { id: true },
	})
	if (circle.courseId) {
		const waiting = await tx.enrolment.findFirst({
			where: { userId, courseId: circle.courseId, completedAt: { not: null }, course: { requiresCircle: true } },
			select: { id: true, cycle: true, certificates: { select: { cycle: true } } },
		})
		if (waiting && !waiting.certificates.some((c) => c.cycle === waiting.cycle)) {
			await issueCertificate({ tx, enrolmentId: waiting.id })
		}
	}
	return true
}

/**
 * An attendee checks in with the code the facilitator shows. Works only while the circle is on
 * (from its start to its end), only for someone with a place, and only with the circle's own code;
 * each refusal says why. Wrong codes are throttled per person and circle (checkInPerPerson), so the
 * code cannot be guessed. Checking in twice is harmless (the second does nothing).
 */
export async function checkIn({
	circleId,
	userId,
	code,
	now,
}: {
	circleId: string
	userId: string
	code: string
	now: Date
}) {
	const throttleKey = `${userId}:${circleId}`
	const tooMany = 'Too many wrong codes: ask the facilitator to mark you on the register, or try again in 15 minutes.'
	await assertNotThrottled('checkInPerPerson', throttleKey, tooMany)
	const outcome = await prisma.$transaction(async (tx) => {
		const circle = await tx.circle.findUnique({
			where: { id: circleId },
			select: { startsAt: true, durationMinutes: true, cancelledAt: true, checkInCode: true },
		})
		if (!circle) throw circleNotFound()
		const booking = await tx.circleBooking.findUnique({
			where: { circleId_userId: { circleId, userId } },
			select: { status: true },
		})
		if (booking?.status !== 'BOOKED') {
			throw new CirclesError('forbidden', 'NOT_BOOKED', 'Only people with a place in this circle can check in.', {
				field: 'code',
			})
		}
		if (!checkInIsOpen(circle, now)) {
			throw new CirclesError('conflict', 'CHECK_IN_CLOSED', 'Check-in is open only while the circle is running.', {
				field: 'code',
			})
		}
		// Nothing is written yet: the wrong code is counted after this transaction has ended.
		if (!sameCode(code.toUpperCase(), circle.checkInCode)) return { wrongCode: true as const }
		const recorded = await recordAttendance(tx, { circleId, userId, method: 'CODE', markedById: null, now })
		return { recorded }
	}, ATTENDANCE_TRANSACTION)
	if ('wrongCode' in outcome) {
		// The throttle has its own connection: counting here, not inside the transaction, means a
		// transaction never holds one connection while it waits for another (ADR 0048).
		await consumeThrottle('checkInPerPerson', throttleKey, tooMany)
		throw new CirclesError(
			'invalid',
			'WRONG_CHECK_IN_CODE',
			'That is not this circle’s code: check it with the facilitator.',
			{
				field: 'code',
			},
		)
	}
	return outcome
}

/**
 * The facilitator (or whoever runs the circle) marks people present on the register, from the
 * circle's start onwards. Only people with a place can be marked. Returns how many were newly recorded.
 */
export async function markRegister({
	circleId,
	actorId,
	userIds,
	now,
}: {
	circleId: string
	actorId: string
	userIds: string[]
	now: Date
}) {
	return prisma.$transaction(async (tx) => {
		const circle = await tx.circle.findUnique({
			where: { id: circleId },
			select: {
				organisationId: true,
				teamId: true,
				facilitatorId: true,
				createdById: true,
				startsAt: true,
				cancelledAt: true,
			},
		})
		if (!circle) throw circleNotFound()
		await assertRunsCircle(tx, circle, actorId)
		await lockCircle(tx, { circleId })
		if (circle.cancelledAt) throw new CirclesError('conflict', 'CIRCLE_CANCELLED', 'This circle has been cancelled.')
		if (circle.startsAt.getTime() > now.getTime()) {
			throw new CirclesError('conflict', 'CHECK_IN_CLOSED', 'The register opens when the circle starts.')
		}
		const booked = await tx.circleBooking.findMany({
			where: { circleId, status: 'BOOKED', userId: { in: userIds } },
			select: { userId: true },
		})
		let recorded = 0
		for (const { userId } of booked) {
			if (await recordAttendance(tx, { circleId, userId, method: 'REGISTER', markedById: actorId, now })) recorded += 1
		}
		return { recorded }
	}, ATTENDANCE_TRANSACTION)
}

/** How long after a circle ends its register can still be corrected: after that, attendance is part of the record. */
export const UNMARK_WINDOW_DAYS = 14

/**
 * Whoever runs a circle takes someone off its register who was marked (or checked in) in error, from
 * the circle's start until UNMARK_WINDOW_DAYS after it ends. The attendance goes, and with it the
 * participatory credit: the circle's CPD entry is deleted, unless the learner has written on it
 * (reflection, impact on practice or evidence), in which case their words stay in their portfolio as
 * an entry of their own (source MANUAL) with no hours, which they may edit if they did attend.
 * Refused when the learner's certificate of the circle's course rests on this attendance (the course
 * requires a circle and this is the only one of its circles they attended): a certificate is never
 * left standing on a removed attendance, and never silently revoked either. Audited; the learner is
 * emailed. The booking stays, so they can be marked again.
 */
export async function unmarkAttendance({
	circleId,
	actorId,
	userId,
	now,
}: {
	circleId: string
	actorId: string
	userId: string
	now: Date
}) {
	return prisma.$transaction(async (tx) => {
		const circle = await tx.circle.findUnique({
			where: { id: circleId },
			select: {
				organisationId: true,
				teamId: true,
				facilitatorId: true,
				createdById: true,
				startsAt: true,
				durationMinutes: true,
				courseId: true,
				course: { select: { requiresCircle: true } },
			},
		})
		if (!circle) throw circleNotFound()
		await assertRunsCircle(tx, circle, actorId)
		await lockCircle(tx, { circleId })
		const closesAt = circleEndsAt(circle).getTime() + UNMARK_WINDOW_DAYS * 24 * 3_600_000
		if (now.getTime() > closesAt) {
			throw new CirclesError(
				'conflict',
				'UNMARK_CLOSED',
				`The register can be corrected for ${UNMARK_WINDOW_DAYS} days after the circle ends; this one is now part of the record.`,
			)
		}
		const attendance = await tx.circleAttendance.findUnique({
			where: { circleId_userId: { circleId, userId } },
			select: {
				id: true,
				method: true,
				user: { select: { name: true } },
				cpdEntry: { select: { id: true, reflection: true, impactOnPractice: true, evidence: true } },
			},
		})
		if (!attendance) throw new CirclesError('conflict', 'NOT_ATTENDED', 'That person is not marked as attended.')
		if (circle.courseId && circle.course?.requiresCircle) {
			const otherCircles = await tx.circleAttendance.count({
				where: { userId, id: { not: attendance.id }, circle: { courseId: circle.courseId } },
			})
			const certificate = await tx.certificate.findFirst({
				where: { userId, courseId: circle.courseId, revokedAt: null },
				select: { id: true },
			})
			if (certificate && otherCircles === 0) {
				throw new CirclesError(
					'conflict',
					'CERTIFICATE_RESTS_ON_CIRCLE',
					`${attendance.user.name}’s certificate for this circle’s course was issued because they attended it, so they stay on the register. If the certificate was issued in error, a platform administrator can revoke it first.`,
				)
			}
		}
		const entry = attendance.cpdEntry
		const wrote = Boolean(entry && [entry.reflection, entry.impactOnPractice, entry.evidence].some((t) => t?.trim()))
		if (entry && wrote) {
			await tx.cpdEntry.update({
				where: { id: entry.id },
				data: {
					source: 'MANUAL',
					circleAttendanceId: null,
					minutes: 0,
					participatoryMinutes: 0,
					description: `The facilitator took this circle off the register on ${formatIsoDate(londonIsoDate(now))}, so its hours no longer count. Your reflection is kept; if you did attend, edit the entry to add the time.`,
				},
				select: { id: true },
			})
		} else if (entry) {
			await tx.cpdEntry.delete({ where: { id: entry.id }, select: { id: true } })
		}
		await tx.circleAttendance.delete({ where: { id: attendance.id }, select: { id: true } })
		await recordAudit(tx, {
			actorId,
			organisationId: circle.organisationId,
			action: 'circle.attendance_unmarked',
			targetType: 'Circle',
			targetId: circleId,
			details: { userId, method: attendance.method, reflectionKept: wrote },
		})
		const booking = await tx.circleBooking.findUnique({
			where: { circleId_userId: { circleId, userId } },
			select: { id: true },
		})
		if (booking) await emailBooking(tx, { bookingId: booking.id, kind: 'unmarked', hadPlace: false })
		return { reflectionKept: wrote }
	}, ATTENDANCE_TRANSACTION)
}

import crypto from 'node:crypto'
import { recordAudit } from '#modules/audit/record.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import { assertCircleScheduler, assertRunsCircle, circleNotFound } from './access.ts'
import { fillFromWaitingList } from './book-circle.ts'
import { CirclesError } from './errors.ts'
import { emailBooking } from './notify.ts'
import { type CircleDetails, circleDetailsSchema, splitQuestions } from './schemas.ts'
import { fromLondonLocal } from './london-time.ts'
import { lockCircle } from './sql.ts'

// No 0/O or 1/I/L: the code is read off a screen across a room.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const CHECK_IN_CODE_LENGTH = 6

/** A fresh check-in code: six characters, about 30 bits. */
export function generateCheckInCode() {
	const bytes = crypto.randomBytes(CHECK_IN_CODE_LENGTH)
	return Array.from(bytes, (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('')
}

export const CIRCLE_TRANSACTION = { maxWait: 15_000, timeout: 20_000 }

function invalid(field: string, message: string) {
	return new CirclesError('invalid', 'INVALID_CIRCLE', message, { field })
}

function parseDetails(input: unknown, now: Date): CircleDetails {
	const parsed = circleDetailsSchema(now).safeParse(input)
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!
		throw invalid(String(issue.path[0] ?? 'title'), issue.message)
	}
	return parsed.data
}

/**
 * Checks who may schedule a circle for what and resolves the facilitator. An organisation's circle
 * (organisationId given) needs an administrator of it or one of its circle facilitators
 * (assertCircleScheduler), and its team must be one of the organisation's;
 * an open circle needs a trainer (or platform admin), and a course it belongs to must be one they
 * author (a programme one they made).
 */
async function resolveScope(
	tx: Tx,
	{ actorId, organisationId, details }: { actorId: string; organisationId: string | null; details: CircleDetails },
) {
	const actor = await tx.user.findUnique({ where: { id: actorId }, select: { role: true, disabledAt: true } })
	if (!actor || actor.disabledAt) throw new CirclesError('forbidden', 'NOT_A_SCHEDULER', 'You cannot schedule circles.')
	if (organisationId) {
		await assertCircleScheduler(tx, { organisationId, actorId })
		if (details.teamId) {
			const team = await tx.team.findFirst({ where: { id: details.teamId, organisationId }, select: { id: true } })
			if (!team)
				throw new CirclesError('invalid', 'TEAM_NOT_FOUND', 'Choose one of your organisation’s teams.', {
					field: 'teamId',
				})
		}
	} else {
		if (actor.role !== 'TRAINER' && actor.role !== 'ADMIN') {
			throw new CirclesError('forbidden', 'NOT_A_SCHEDULER', 'Only trainers can schedule open circles.')
		}
		if (details.teamId) throw invalid('teamId', 'Only an organisation’s circles are for one of its teams.')
	}
	const isAdmin = actor.role === 'ADMIN'
	if (details.courseId) {
		const course = await tx.course.findFirst({
			where: {
				id: details.courseId,
				archivedAt: null,
				// An organisation may hold its circle on any course; a trainer only on their own.
				...(organisationId || isAdmin ? {} : { authors: { some: { userId: actorId } } }),
			},
			select: { id: true },
		})
		if (!course)
			throw new CirclesError('invalid', 'COURSE_NOT_FOUND', 'Choose one of your courses.', { field: 'courseId' })
	}
	if (details.programmeId) {
		const programme = await tx.programme.findFirst({
			where: { id: details.programmeId, ...(organisationId || isAdmin ? {} : { createdById: actorId }) },
			select: { id: true },
		})
		if (!programme) throw invalid('programmeId', 'Choose one of your programmes.')
	}
	const facilitator = await tx.user.findFirst({
		where: { email: details.facilitatorEmail, disabledAt: null },
		select: { id: true },
	})
	if (!facilitator) {
		throw new CirclesError('invalid', 'FACILITATOR_NOT_FOUND', 'There is no Circle account with that email address.', {
			field: 'facilitatorEmail',
		})
	}
	if (organisationId) {
		const member = await tx.membership.findFirst({
			where: { organisationId, userId: facilitator.id },
			select: { id: true },
		})
		if (!member) {
			throw new CirclesError(
				'invalid',
				'FACILITATOR_NOT_FOUND',
				'The facilitator must be a member of your organisation.',
				{
					field: 'facilitatorEmail',
				},
			)
		}
	}
	return { facilitatorId: facilitator.id }
}

function columns(details: CircleDetails) {
	return {
		title: details.title,
		description: details.description,
		courseId: details.courseId ?? null,
		programmeId: details.programmeId ?? null,
		teamId: details.teamId ?? null,
		startsAt: fromLondonLocal(details.startsAt)!,
		durationMinutes: details.durationMinutes,
		capacity: details.capacity,
		mode: details.mode,
		meetingUrl: details.mode === 'ONLINE' ? (details.meetingUrl ?? null) : null,
		venue: details.mode === 'IN_PERSON' ? (details.venue ?? null) : null,
		questions: splitQuestions(details.questions),
	}
}

/**
 * Schedules a circle and returns its id. `organisationId` makes it private to that organisation (and
 * to `teamId` within it); otherwise it is open to everyone signed in. Input is validated again here
 * against `now` (no circle in the past, capacity at least 1, https links only), each refusal naming
 * its field. Organisation circles are written to the organisation's audit log.
 */
export async function scheduleCircle({
	actorId,
	organisationId = null,
	input,
	now,
}: {
	actorId: string
	organisationId?: string | null
	input: unknown
	now: Date
}) {
	const details = parseDetails(input, now)
	return prisma.$transaction(async (tx) => {
		const { facilitatorId } = await resolveScope(tx, { actorId, organisationId, details })
		const circle = await tx.circle.create({
			data: {
				...columns(details),
				organisationId,
				facilitatorId,
				createdById: actorId,
				checkInCode: generateCheckInCode(),
			},
			select: { id: true },
		})
		if (organisationId) {
			await recordAudit(tx, {
				actorId,
				organisationId,
				action: 'circle.scheduled',
				targetType: 'Circle',
				targetId: circle.id,
				details: { title: details.title, teamId: details.teamId ?? null },
			})
		}
		return { circleId: circle.id }
	}, CIRCLE_TRANSACTION)
}

async function loadForChange(tx: Tx, circleId: string, actorId: string) {
	const circle = await tx.circle.findUnique({
		where: { id: circleId },
		select: {
			id: true,
			organisationId: true,
			teamId: true,
			facilitatorId: true,
			createdById: true,
			startsAt: true,
			durationMinutes: true,
			mode: true,
			meetingUrl: true,
			venue: true,
			capacity: true,
			cancelledAt: true,
		},
	})
	if (!circle) throw circleNotFound()
	await assertRunsCircle(tx, circle, actorId)
	if (circle.cancelledAt) throw new CirclesError('conflict', 'CIRCLE_CANCELLED', 'This circle has been cancelled.')
	return circle
}

/**
 * Changes a circle's details. When its time or place changes, everyone with a place is emailed an
 * updated invitation (the circle's SEQUENCE goes up by one, so calendars replace the old event). A
 * larger capacity gives the new places to the waiting list in order; a capacity below the number of
 * places already taken is refused.
 */
export async function updateCircle({
	actorId,
	circleId,
	input,
	now,
}: {
	actorId: string
	circleId: string
	input: unknown
	now: Date
}) {
	const details = parseDetails(input, now)
	return prisma.$transaction(async (tx) => {
		const before = await loadForChange(tx, circleId, actorId)
		await lockCircle(tx, { circleId })
		const { facilitatorId } = await resolveScope(tx, { actorId, organisationId: before.organisationId, details })
		const booked = await tx.circleBooking.count({ where: { circleId, status: 'BOOKED' } })
		if (details.capacity < booked) {
			throw invalid('capacity', `${booked} people already have a place: the capacity cannot be less than that.`)
		}
		const next = columns(details)
		const moved =
			next.startsAt.getTime() !== before.startsAt.getTime() ||
			next.durationMinutes !== before.durationMinutes ||
			next.mode !== before.mode ||
			next.meetingUrl !== before.meetingUrl ||
			next.venue !== before.venue
		await tx.circle.update({
			where: { id: circleId },
			data: { ...next, facilitatorId, ...(moved ? { sequence: { increment: 1 } } : {}) },
			select: { id: true },
		})
		if (moved) {
			const people = await tx.circleBooking.findMany({ where: { circleId, status: 'BOOKED' }, select: { id: true } })
			for (const { id } of people) await emailBooking(tx, { bookingId: id, kind: 'updated' })
		}
		await fillFromWaitingList(tx, { circleId, now })
		if (before.organisationId) {
			await recordAudit(tx, {
				actorId,
				organisationId: before.organisationId,
				action: 'circle.updated',
				targetType: 'Circle',
				targetId: circleId,
				details: { moved },
			})
		}
		return { moved }
	}, CIRCLE_TRANSACTION)
}

/**
 * Cancels a circle: everyone booked or waiting is emailed, those with a place with a calendar
 * cancellation (METHOD:CANCEL at the next SEQUENCE). Bookings stay as they were, for the record.
 */
export async function cancelCircle({ actorId, circleId, now }: { actorId: string; circleId: string; now: Date }) {
	return prisma.$transaction(async (tx) => {
		const circle = await loadForChange(tx, circleId, actorId)
		const updated = await tx.circle.updateMany({
			where: { id: circleId, cancelledAt: null },
			data: { cancelledAt: now, sequence: { increment: 1 } },
		})
		if (updated.count === 0) return
		const people = await tx.circleBooking.findMany({
			where: { circleId, status: { in: ['BOOKED', 'WAITING'] } },
			select: { id: true, status: true },
		})
		for (const person of people) {
			await emailBooking(tx, { bookingId: person.id, kind: 'circle-cancelled', hadPlace: person.status === 'BOOKED' })
		}
		if (circle.organisationId) {
			await recordAudit(tx, {
				actorId,
				organisationId: circle.organisationId,
				action: 'circle.cancelled',
				targetType: 'Circle',
				targetId: circleId,
			})
		}
	}, CIRCLE_TRANSACTION)
}

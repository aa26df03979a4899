import { prisma, type Tx } from '#modules/db/client.ts'
import { claimReminderEvent } from '#modules/reminders/sql.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { assertCanSeeCircle, assertRunsCircle, canSeeCircle, circleNotFound } from './access.ts'
import { CirclesError } from './errors.ts'
import { circleEndsAt } from './london-time.ts'
import { emailBooking } from './notify.ts'
import { lockCircle, type LockedCircle, selectFirstWaiters } from './sql.ts'

/** Bookings of one circle queue on its row lock: give a burst longer than Prisma's defaults. */
export const BOOKING_TRANSACTION = { maxWait: 20_000, timeout: 30_000 }

export type BookingOutcome = { bookingId: string; status: 'BOOKED' | 'WAITING'; created: boolean }

// Bookings stay open until the circle ends: a circle is a drop-in conversation, so someone can
// take a place that was given up at the last minute and join late (and check in).
function assertOpen(circle: LockedCircle, now: Date) {
	if (circle.cancelledAt) throw new CirclesError('conflict', 'CIRCLE_CANCELLED', 'This circle has been cancelled.')
	if (circleEndsAt(circle).getTime() <= now.getTime()) {
		throw new CirclesError('conflict', 'CIRCLE_ENDED', 'This circle has ended, so bookings are closed.')
	}
}

/**
 * Gives `userId` a place in a locked circle (or the end of its waiting list) inside the caller's
 * transaction, which must hold the circle's lock, and emails them. A booking that is already a place
 * or in the queue is returned as it is; a cancelled one is re-used, at the back of the queue.
 * `bookedBy` is someone who booked for them (an administrator or the facilitator), named in the email.
 */
async function placeBooking(
	tx: Tx,
	{
		circle,
		userId,
		now,
		bookedBy,
	}: { circle: LockedCircle; userId: string; now: Date; bookedBy: { id: string; name: string } | null },
): Promise<BookingOutcome> {
	const circleId = circle.id
	const existing = await tx.circleBooking.findUnique({
		where: { circleId_userId: { circleId, userId } },
		select: { id: true, status: true },
	})
	if (existing && existing.status !== 'CANCELLED') {
		return { bookingId: existing.id, status: existing.status, created: false }
	}
	const taken = await tx.circleBooking.count({ where: { circleId, status: 'BOOKED' } })
	const status: 'BOOKED' | 'WAITING' = taken < circle.capacity ? 'BOOKED' : 'WAITING'
	const values = {
		status,
		queuedAt: now,
		bookedAt: status === 'BOOKED' ? now : null,
		cancelledAt: null,
		bookedById: bookedBy?.id ?? null,
	}
	const booking = existing
		? await tx.circleBooking.update({ where: { id: existing.id }, data: values, select: { id: true } })
		: await tx.circleBooking.create({ data: { circleId, userId, ...values }, select: { id: true } })
	await emailBooking(tx, {
		bookingId: booking.id,
		kind: status === 'WAITING' ? 'waiting' : bookedBy ? 'booked-for-you' : 'booked',
		bookedByName: bookedBy?.name,
	})
	return { bookingId: booking.id, status, created: true }
}

/**
 * Books `userId` into a circle: a place while there is one, otherwise the end of the waiting list.
 * The race guard is the circle's row lock (lockCircle): every booking of the circle takes it first,
 * so the places taken are counted by one transaction at a time and the circle never holds more
 * people than its capacity, however many book at once. Booking again while booked or waiting
 * returns the booking as it is; after a cancellation it re-uses the row, at the back of the queue.
 * Emails the outcome (with the calendar invitation for a place) in the same transaction.
 */
export async function bookCircle({ circleId, userId, now }: { circleId: string; userId: string; now: Date }) {
	return prisma.$transaction(async (tx): Promise<BookingOutcome> => {
		const circle = await lockCircle(tx, { circleId })
		if (!circle) throw circleNotFound()
		await assertCanSeeCircle(tx, circle, userId)
		assertOpen(circle, now)

		return placeBooking(tx, { circle, userId, now, bookedBy: null })
	}, BOOKING_TRANSACTION)
}

/**
 * Gives free places to the waiting list, first come first served, inside the caller's transaction
 * (which must hold the circle's lock). Each person promoted is emailed with their invitation; the
 * email's event key (`circle-promoted:<booking>:<queued at>`) is claimed in the same transaction,
 * so a promotion is announced once. Returns the promoted booking ids. Nothing moves once the
 * circle has ended or been cancelled.
 */
export async function fillFromWaitingList(tx: Tx, { circleId, now }: { circleId: string; now: Date }) {
	const circle = await tx.circle.findUniqueOrThrow({
		where: { id: circleId },
		select: { capacity: true, startsAt: true, durationMinutes: true, cancelledAt: true },
	})
	if (circle.cancelledAt || circleEndsAt(circle).getTime() <= now.getTime()) return []
	const taken = await tx.circleBooking.count({ where: { circleId, status: 'BOOKED' } })
	const waiters = await selectFirstWaiters(tx, { circleId, limit: circle.capacity - taken })
	const promoted: string[] = []
	for (const waiter of waiters) {
		const moved = await tx.circleBooking.updateMany({
			where: { id: waiter.id, status: 'WAITING' },
			data: { status: 'BOOKED', bookedAt: now },
		})
		if (moved.count === 0) continue
		const fresh = await claimReminderEvent(tx, {
			key: `circle-promoted:${waiter.id}:${waiter.queuedAt.toISOString()}`,
			kind: 'circle-promoted',
			userId: waiter.userId,
			organisationId: null,
		})
		if (fresh) await emailBooking(tx, { bookingId: waiter.id, kind: 'promoted' })
		promoted.push(waiter.id)
	}
	return promoted
}

/**
 * Cancels `userId`'s booking of a circle (a place or a place in the queue). A freed place goes to the
 * first person waiting in the same transaction, under the circle's lock, so it can never be given
 * twice nor lost. Cancelling is possible until the circle ends. Returns who was promoted.
 */
export async function cancelBooking({ circleId, userId, now }: { circleId: string; userId: string; now: Date }) {
	return prisma.$transaction(async (tx) => {
		const circle = await lockCircle(tx, { circleId })
		if (!circle) throw circleNotFound()
		await assertCanSeeCircle(tx, circle, userId)
		assertOpen(circle, now)
		const booking = await tx.circleBooking.findUnique({
			where: { circleId_userId: { circleId, userId } },
			select: { id: true, status: true },
		})
		if (!booking || booking.status === 'CANCELLED') {
			throw new CirclesError('conflict', 'NOT_BOOKED', 'You do not have a booking for this circle.')
		}
		await tx.circleBooking.update({
			where: { id: booking.id },
			data: { status: 'CANCELLED', cancelledAt: now },
			select: { id: true },
		})
		await emailBooking(tx, { bookingId: booking.id, kind: 'cancelled', hadPlace: booking.status === 'BOOKED' })
		const promoted = booking.status === 'BOOKED' ? await fillFromWaitingList(tx, { circleId, now }) : []
		return { promoted }
	}, BOOKING_TRANSACTION)
}

/**
 * Whoever runs an organisation's circle (its administrators, the facilitator, whoever scheduled it)
 * books people of the organisation into it: named people (`userIds`), the members of one of its
 * teams (`teamId`), or both, in one transaction under the circle's lock. Everyone named must be an
 * active member who may see the circle (for a team circle, a member of that team); otherwise nothing
 * is booked and the refusal names them. Each person gets a place while there are places, then the
 * waiting list, in the order given, and an email (with the calendar invitation for a place) saying
 * who booked it. People already booked or waiting are left as they are. Audited.
 */
export async function bookPeople({
	circleId,
	actorId,
	userIds = [],
	teamId = null,
	now,
}: {
	circleId: string
	actorId: string
	userIds?: string[]
	teamId?: string | null
	now: Date
}) {
	return prisma.$transaction(async (tx) => {
		const circle = await lockCircle(tx, { circleId })
		if (!circle) throw circleNotFound()
		const owner = await tx.circle.findUniqueOrThrow({ where: { id: circleId }, select: { createdById: true } })
		await assertRunsCircle(tx, { ...circle, createdById: owner.createdById }, actorId)
		if (!circle.organisationId) {
			throw new CirclesError(
				'invalid',
				'NOT_A_MEMBER',
				'Only an organisation’s own circles can have people booked into them.',
				{
					field: 'userId',
				},
			)
		}
		assertOpen(circle, now)
		const organisationId = circle.organisationId
		const people = [...userIds]
		if (teamId) {
			const team = await tx.team.findFirst({
				where: { id: teamId, organisationId },
				select: { members: { select: { membership: { select: { userId: true } } } } },
			})
			if (!team) {
				throw new CirclesError('invalid', 'TEAM_NOT_FOUND', 'Choose one of your organisation’s teams.', {
					field: 'teamId',
				})
			}
			people.push(...team.members.map((m) => m.membership.userId))
		}
		const unique = [...new Set(people)]
		if (unique.length === 0) {
			throw new CirclesError('invalid', 'NOT_A_MEMBER', 'Choose at least one person or a team.', { field: 'userId' })
		}
		const members = await tx.membership.findMany({
			where: { organisationId, userId: { in: unique }, deactivatedAt: null, user: { disabledAt: null } },
			select: { userId: true },
		})
		const active = new Set(members.map((m) => m.userId))
		const outsiders = unique.filter((id) => !active.has(id))
		for (const id of unique) {
			if (active.has(id) && !(await canSeeCircle(tx, circle, id))) outsiders.push(id)
		}
		if (outsiders.length) {
			const names = await tx.user.findMany({ where: { id: { in: outsiders } }, select: { name: true } })
			throw new CirclesError(
				'invalid',
				'NOT_A_MEMBER',
				`Only people who can see this circle can be booked into it: ${names.map((n) => n.name).join(', ') || 'someone you chose'} cannot.`,
				{ field: 'userId' },
			)
		}
		const actor = await tx.user.findUniqueOrThrow({ where: { id: actorId }, select: { id: true, name: true } })
		const outcome = { booked: 0, waiting: 0, already: 0 }
		for (const userId of unique) {
			const result = await placeBooking(tx, { circle, userId, now, bookedBy: actor })
			if (!result.created) outcome.already += 1
			else if (result.status === 'BOOKED') outcome.booked += 1
			else outcome.waiting += 1
		}
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'circle.people_booked',
			targetType: 'Circle',
			targetId: circleId,
			details: { ...outcome, teamId },
		})
		return outcome
	}, BOOKING_TRANSACTION)
}

import { prisma, type Tx } from '#modules/db/client.ts'
import { claimReminderEvent } from '#modules/reminders/sql.ts'
import { assertCanSeeCircle, circleNotFound } from './access.ts'
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

		const existing = await tx.circleBooking.findUnique({
			where: { circleId_userId: { circleId, userId } },
			select: { id: true, status: true },
		})
		if (existing && existing.status !== 'CANCELLED') {
			return { bookingId: existing.id, status: existing.status, created: false }
		}
		const taken = await tx.circleBooking.count({ where: { circleId, status: 'BOOKED' } })
		const status: 'BOOKED' | 'WAITING' = taken < circle.capacity ? 'BOOKED' : 'WAITING'
		const values = { status, queuedAt: now, bookedAt: status === 'BOOKED' ? now : null, cancelledAt: null }
		const booking = existing
			? await tx.circleBooking.update({ where: { id: existing.id }, data: values, select: { id: true } })
			: await tx.circleBooking.create({ data: { circleId, userId, ...values }, select: { id: true } })
		await emailBooking(tx, { bookingId: booking.id, kind: status === 'BOOKED' ? 'booked' : 'waiting' })
		return { bookingId: booking.id, status, created: true }
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

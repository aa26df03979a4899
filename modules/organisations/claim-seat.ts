import { prisma, type Tx } from '#modules/db/client.ts'
import { enrolInCourse } from '#modules/enrolment/enrol-in-course.ts'
import { OrganisationsError } from '#modules/organisations/errors.ts'

/**
 * Claims on one pool queue on its row lock, so a burst (a whole staff room accepting at once) waits
 * its turn: give such transactions longer than Prisma's defaults to start and to finish.
 */
export const SEAT_TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 }

export const NO_SEATS_LEFT_MESSAGE = 'Every seat in this licence is in use'

export type ClaimSeatOptions = {
	poolId: string
	userId: string
	invitationId?: string | null
	/** Run inside the caller's transaction (accepting an invitation); otherwise one is started. */
	tx?: Tx
}

/**
 * Gives `userId` a seat from a pool and enrols them on its course, returning the assignment and
 * enrolment ids. The race guard is one conditional UPDATE (`used < seats`): PostgreSQL's row lock
 * makes concurrent claims queue on the pool row, so however many arrive at once it can never hand
 * out seat N+1 (0 rows updated → conflict NO_SEATS_LEFT). A user who already holds a seat in the
 * pool gets that one back without a second seat being counted, even when their own concurrent claim
 * committed between our looks (the held seat is re-checked before refusing). Someone already enrolled on the
 * course another way (a purchase) is refused with ALREADY_ENROLLED before any seat is taken; an
 * enrolment that an admin earlier revoked is re-activated, keeping its progress.
 */
export async function claimSeat({ tx, ...options }: ClaimSeatOptions) {
	if (tx) return claimWith(tx, options)
	return prisma.$transaction((t) => claimWith(t, options), SEAT_TRANSACTION_OPTIONS)
}

async function claimWith(tx: Tx, { poolId, userId, invitationId }: Omit<ClaimSeatOptions, 'tx'>) {
	const existing = await findHeldSeat(tx, poolId, userId)
	if (existing) return { ...existing, created: false }

	const pool = await tx.seatPool.findUnique({
		where: { id: poolId },
		select: { courseId: true, seats: true, used: true },
	})
	if (!pool) throw new OrganisationsError('not_found', 'POOL_NOT_FOUND', 'We could not find that seat licence.')
	const enrolled = await tx.enrolment.findUnique({
		where: { userId_courseId: { userId, courseId: pool.courseId } },
		select: { id: true, status: true },
	})
	if (enrolled?.status === 'ACTIVE') {
		// The enrolment may be this user's own claim on this pool, committed by a concurrent request
		// after our first look: read committed sees its seat now too, so hand that seat back.
		const held = await findHeldSeat(tx, poolId, userId)
		if (held) return { ...held, created: false }
		throw new OrganisationsError('conflict', 'ALREADY_ENROLLED', 'You are already enrolled on this course.')
	}
	// Already full when we looked (it only empties when an admin reclaims a seat): say so now rather
	// than queue on the pool row's lock behind a burst of claims, holding a connection meanwhile.
	if (pool.used >= pool.seats) throw new OrganisationsError('conflict', 'NO_SEATS_LEFT', NO_SEATS_LEFT_MESSAGE)

	// The whole race guard: it takes the pool row's lock until this transaction ends.
	const taken =
		await tx.$executeRaw`UPDATE "SeatPool" SET used = used + 1, "updatedAt" = now() WHERE id = ${poolId} AND used < seats`
	// Holding the lock (or having waited for it), look again: the same user may have claimed meanwhile.
	const raced = await findHeldSeat(tx, poolId, userId)
	if (raced) {
		if (taken === 1) await tx.$executeRaw`UPDATE "SeatPool" SET used = used - 1 WHERE id = ${poolId}`
		return { ...raced, created: false }
	}
	if (taken === 0) throw new OrganisationsError('conflict', 'NO_SEATS_LEFT', NO_SEATS_LEFT_MESSAGE)

	const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })
	const assignment = await tx.seatAssignment.create({
		data: { poolId, userId, email: user.email, invitationId: invitationId ?? null, status: 'ASSIGNED' },
		select: { id: true },
	})
	let enrolmentId: string
	if (enrolled) {
		// Access was removed earlier and is now given back: the learner keeps the version and progress they had.
		await tx.enrolment.update({
			where: { id: enrolled.id },
			data: { status: 'ACTIVE', source: 'SEAT', seatAssignmentId: assignment.id, revokedAt: null, revokedReason: null },
		})
		enrolmentId = enrolled.id
	} else {
		const enrolment = await enrolInCourse({
			userId,
			courseId: pool.courseId,
			source: 'SEAT',
			seatAssignmentId: assignment.id,
			tx,
		})
		enrolmentId = enrolment.id
	}
	return { assignmentId: assignment.id, enrolmentId, created: true }
}

async function findHeldSeat(tx: Tx, poolId: string, userId: string) {
	const seat = await tx.seatAssignment.findFirst({
		where: { poolId, userId, status: 'ASSIGNED' },
		select: { id: true, enrolment: { select: { id: true } } },
	})
	return seat ? { assignmentId: seat.id, enrolmentId: seat.enrolment?.id ?? null } : null
}

import { prisma, type Tx } from '#modules/db/client.ts'
import { enrolInCourse, enrolManyInCourse } from '#modules/enrolment/enrol-in-course.ts'
import { OrganisationsError } from '#modules/organisations/errors.ts'
import { lockSeatPool } from '#modules/organisations/sql.ts'

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

/**
 * claimSeat for many people at once, in the caller's transaction (an organisation assigning a
 * licensed course to everyone). The pool row is locked first, so the count of free seats cannot
 * change underneath: someone already holding a seat keeps it; the others, in the order given, take
 * the seats left (one UPDATE for all of them), are enrolled with them in one statement, or get null
 * when the licence runs out (they wait for a seat). Callers pass only people not already on the
 * course (an active enrolment is theirs without a seat); an earlier, revoked enrolment is
 * re-activated with its progress, as claimSeat does. Returns each person's enrolment id or null.
 */
export async function claimSeats(
	tx: Tx,
	{ organisationId, poolId, userIds }: { organisationId: string; poolId: string; userIds: string[] },
): Promise<Map<string, string | null>> {
	const places = new Map<string, string | null>()
	if (userIds.length === 0) return places
	const pool = await lockSeatPool(tx, { poolId, organisationId })
	if (!pool) throw new OrganisationsError('not_found', 'POOL_NOT_FOUND', 'We could not find that seat licence.')
	const held = await tx.seatAssignment.findMany({
		where: { poolId, userId: { in: userIds }, status: 'ASSIGNED' },
		select: { userId: true, enrolment: { select: { id: true } } },
	})
	for (const seat of held) if (seat.userId) places.set(seat.userId, seat.enrolment?.id ?? null)
	const wanting = userIds.filter((userId) => !places.has(userId))
	const taking = wanting.slice(0, Math.max(0, pool.seats - pool.used))
	for (const userId of wanting.slice(taking.length)) places.set(userId, null)
	if (taking.length === 0) return places

	await tx.$executeRaw`UPDATE "SeatPool" SET used = used + ${taking.length}, "updatedAt" = now() WHERE id = ${poolId}`
	const users = await tx.user.findMany({ where: { id: { in: taking } }, select: { id: true, email: true } })
	const seats = await tx.seatAssignment.createManyAndReturn({
		data: users.map((u) => ({ poolId, userId: u.id, email: u.email, status: 'ASSIGNED' as const })),
		select: { id: true, userId: true },
	})
	const seatOf = new Map(seats.map((s) => [s.userId, s.id]))
	const earlier = await tx.enrolment.findMany({
		where: { courseId: pool.courseId, userId: { in: taking } },
		select: { id: true, userId: true },
	})
	for (const enrolment of earlier) {
		// Access was removed earlier and is now given back: the learner keeps the version and progress they had.
		await tx.enrolment.update({
			where: { id: enrolment.id },
			data: {
				status: 'ACTIVE',
				source: 'SEAT',
				seatAssignmentId: seatOf.get(enrolment.userId)!,
				revokedAt: null,
				revokedReason: null,
			},
		})
		places.set(enrolment.userId, enrolment.id)
	}
	const fresh = taking.filter((userId) => !places.has(userId))
	const enrolled = await enrolManyInCourse(tx, {
		courseId: pool.courseId,
		source: 'SEAT',
		places: fresh.map((userId) => ({ userId, seatAssignmentId: seatOf.get(userId)! })),
	})
	for (const userId of fresh) places.set(userId, enrolled.get(userId) ?? null)
	return places
}

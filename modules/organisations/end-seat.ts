import type { RequestOrigin } from '#modules/audit/record.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import { OrganisationsError } from '#modules/organisations/errors.ts'
import { enrolmentStartedWhere } from '#modules/enrolment/started.ts'
import { assertOrganisationActor } from './access.ts'
import { audit } from './audit.ts'
import { lockSeatAssignment } from './sql.ts'

export const SEAT_RETURN_RULE = 'A seat can be returned to the pool only if its holder has not started the course.'

const HELD_SEAT_SELECT = {
	id: true,
	poolId: true,
	userId: true,
	email: true,
	enrolment: { select: { id: true, completedAt: true } },
} as const

/**
 * Ends one held seat inside `tx`, whose caller has checked the actor. Whether the holder has started
 * is the one rule of modules/enrolment/started.ts. `reclaim` returns the seat to the pool (only for a holder who
 * has not started: the not-started enrolment is deleted, nothing is lost); `revoke` ends access
 * (enrolment REVOKED) and returns the seat only when the holder had not started, because a
 * started seat has been spent; `leaver` ends access like `revoke` for a person the organisation's
 * identity provider says has left, and returns the seat unless the course was completed (issue 13:
 * a leaver's licence goes back to the pool and their progress stays theirs; a completed course has
 * been delivered, so one paid seat cannot earn certificates for a string of short-lived accounts). The assignment row is locked first, so two admins ending the same
 * seat at once change the count once. `actorId` is null when the organisation's identity provider
 * (SCIM) ended the seat; `origin` and `via` then say where the request came from.
 */
export async function endHeldSeat(
	tx: Tx,
	{
		assignmentId,
		mode,
		actorId,
		organisationId,
		reason,
		origin = {},
		via,
	}: {
		assignmentId: string
		mode: 'reclaim' | 'revoke' | 'leaver'
		actorId: string | null
		organisationId: string
		reason: string
		origin?: RequestOrigin
		via?: { via: 'scim'; tokenPrefix: string }
	},
) {
	await lockSeatAssignment(tx, assignmentId)
	const seat = await tx.seatAssignment.findFirst({
		where: { id: assignmentId, status: 'ASSIGNED', pool: { organisationId } },
		select: HELD_SEAT_SELECT,
	})
	if (!seat) throw new OrganisationsError('not_found', 'SEAT_NOT_FOUND', 'That seat is not held by anyone any more.')
	const started = seat.enrolment
		? (await tx.enrolment.count({ where: { id: seat.enrolment.id, AND: [enrolmentStartedWhere] } })) > 0
		: false
	if (mode === 'reclaim' && started) {
		throw new OrganisationsError('conflict', 'SEAT_STARTED', `${SEAT_RETURN_RULE} Remove their access instead.`)
	}
	const now = new Date()
	// The enrolment before the seat: the report-version triggers then lock the organisation row
	// after the enrolment row, in the same order as a learner's progress write, so the two cannot
	// deadlock.
	if (seat.enrolment) {
		if (mode === 'reclaim') await tx.enrolment.delete({ where: { id: seat.enrolment.id } })
		else
			await tx.enrolment.update({
				where: { id: seat.enrolment.id },
				data: { status: 'REVOKED', revokedAt: now, revokedReason: reason },
			})
	}
	await tx.seatAssignment.update({
		where: { id: seat.id },
		data: { status: mode === 'reclaim' ? 'RECLAIMED' : 'REVOKED', reclaimedAt: now },
	})
	const returned = mode === 'leaver' ? !seat.enrolment?.completedAt : !started
	if (returned)
		await tx.$executeRaw`UPDATE "SeatPool" SET used = used - 1, "updatedAt" = now() WHERE id = ${seat.poolId} AND used > 0`
	await audit(tx, {
		actorId,
		organisationId,
		action: mode === 'reclaim' ? 'seat.reclaim' : mode === 'leaver' ? 'seat.leaver' : 'seat.revoke',
		targetType: 'SeatAssignment',
		targetId: seat.id,
		details: { userId: seat.userId, email: seat.email, started, seatReturned: returned, reason, ...via },
		...origin,
	})
	return { started, seatReturned: returned }
}

/**
 * For an administrator or owner of the organisation (checked here): returns a seat to the pool from a holder who has not started the course (assignment RECLAIMED,
 * enrolment deleted, pool.used − 1). A holder who has started is refused with SEAT_STARTED.
 */
export async function reclaimSeat({
	organisationId,
	poolId,
	assignmentId,
	actorId,
}: {
	organisationId: string
	poolId: string
	assignmentId: string
	actorId: string
}) {
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		await assertSeatInPool(tx, { organisationId, poolId, assignmentId })
		return endHeldSeat(tx, { assignmentId, mode: 'reclaim', actorId, organisationId, reason: 'Seat reclaimed' })
	})
}

/**
 * For an administrator or owner of the organisation (checked here): ends a holder's access to the course (enrolment and assignment REVOKED). The seat stays spent
 * if they had started; if they had not, it goes back to the pool.
 */
export async function removeSeatAccess({
	organisationId,
	poolId,
	assignmentId,
	actorId,
}: {
	organisationId: string
	poolId: string
	assignmentId: string
	actorId: string
}) {
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		await assertSeatInPool(tx, { organisationId, poolId, assignmentId })
		return endHeldSeat(tx, {
			assignmentId,
			mode: 'revoke',
			actorId,
			organisationId,
			reason: 'Access removed by the organisation',
		})
	})
}

async function assertSeatInPool(
	tx: Tx,
	{ organisationId, poolId, assignmentId }: { organisationId: string; poolId: string; assignmentId: string },
) {
	const found = await tx.seatAssignment.findFirst({
		where: { id: assignmentId, poolId, pool: { organisationId } },
		select: { id: true },
	})
	if (!found) throw new OrganisationsError('not_found', 'SEAT_NOT_FOUND', 'We could not find that seat.')
}

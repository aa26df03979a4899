import { randomUUID } from 'node:crypto'
import { type LearnerAssignmentKind, type Tx } from '#modules/db/client.ts'
import { dateOnly, ukToday } from '#modules/compliance/status.ts'
import { enrolInCourse } from '#modules/enrolment/enrol-in-course.ts'
import { claimSeat } from '#modules/organisations/claim-seat.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { restartEnrolment } from '#modules/progress/restart-enrolment.ts'
import { insertLearnerAssignment } from './sql.ts'

export type AssignCourseToPersonInput = {
	organisationId: string
	userId: string
	/** The course the requirement is for (the matrix's column). */
	courseId: string
	/** ISO UK date to finish by. */
	dueOn: string
	now: Date
	/** The rule that assigns it (null for a one-off, e.g. a renewal whose rule was deleted). */
	assignmentId?: string | null
	kind?: LearnerAssignmentKind
	cycle?: number
	/** On a renewal: the certificate being renewed. */
	renewsCertificateId?: string | null
	/** On a renewal: the shorter course to take instead of `courseId`. */
	refresherCourseId?: string | null
	/** Who caused it (for the audit entry of a restarted enrolment); null for the scheduler. */
	actorId?: string | null
}

export type AssignCourseToPersonResult = {
	learnerAssignmentId: string
	/** False when the person already had an open requirement for the course here (its due date is kept, or brought forward). */
	created: boolean
	/** True when there was no seat to give them: they are assigned, and wait for one. */
	waitingForSeat: boolean
	/** True when a certificate they already hold meets it: it is complete from the start. */
	alreadyInDate: boolean
}

/**
 * The one way a person comes to have a course to complete for an organisation, whoever assigns it:
 * an admin or team manager, a new starter's rule, the renewal job. Runs inside the caller's
 * transaction, which has already checked that the actor may assign this course to this person.
 *
 * - An open requirement for the same course here is kept; an earlier due date wins.
 * - An INITIAL requirement that a certificate they hold (in date, not revoked) already meets is
 *   recorded as complete.
 * - They get a place on the course to take (the refresher, on a renewal that names one): an
 *   enrolment they already have (a completed one starts its next cycle on a renewal); a free
 *   course's enrolment; or a seat from the organisation's licence. With no seat left they are still
 *   assigned, and wait for one (fillWaitingSeats gives it when seats are bought).
 */
export async function assignCourseToPerson(
	tx: Tx,
	input: AssignCourseToPersonInput,
): Promise<AssignCourseToPersonResult> {
	const { organisationId, userId, courseId, dueOn, now } = input
	const kind = input.kind ?? 'INITIAL'
	const open = await tx.learnerAssignment.findFirst({
		where: { organisationId, userId, courseId, completedAt: null, cancelledAt: null },
		select: { id: true, dueOn: true, enrolmentId: true },
	})
	if (open) {
		if (dateOnly(dueOn) < open.dueOn) {
			await tx.learnerAssignment.update({ where: { id: open.id }, data: { dueOn: dateOnly(dueOn) } })
		}
		return { learnerAssignmentId: open.id, created: false, waitingForSeat: open.enrolmentId === null, alreadyInDate: false }
	}

	const today = dateOnly(ukToday(now))
	const inDate =
		kind === 'INITIAL'
			? await tx.certificate.findFirst({
					where: { userId, courseId, revokedAt: null, OR: [{ validUntil: null }, { validUntil: { gte: today } }] },
					orderBy: { completedAt: 'desc' },
					select: { id: true, completedAt: true, enrolmentId: true },
				})
			: null

	const takeCourseId = input.refresherCourseId ?? courseId
	let enrolmentId: string | null = inDate?.enrolmentId ?? null
	if (!inDate) enrolmentId = await placeOnCourse(tx, { organisationId, userId, courseId: takeCourseId, kind, actorId: input.actorId ?? null })

	const id = randomUUID()
	const inserted = await insertLearnerAssignment(tx, {
		id,
		organisationId,
		assignmentId: input.assignmentId ?? null,
		userId,
		courseId,
		refresherCourseId: input.refresherCourseId ?? null,
		kind,
		cycle: input.cycle ?? 1,
		dueOn: dateOnly(dueOn),
		assignedAt: now,
		enrolmentId,
		completedAt: inDate?.completedAt ?? null,
		certificateId: inDate?.id ?? null,
		renewsCertificateId: input.renewsCertificateId ?? null,
	})
	if (!inserted) {
		// Another transaction assigned it a moment ago: theirs stands.
		const raced = await tx.learnerAssignment.findFirst({
			where: {
				organisationId,
				userId,
				courseId,
				OR: [{ completedAt: null, cancelledAt: null }, ...(input.renewsCertificateId ? [{ renewsCertificateId: input.renewsCertificateId }] : [])],
			},
			orderBy: { createdAt: 'desc' },
			select: { id: true, enrolmentId: true },
		})
		if (!raced) throw new Error('A learner assignment insert conflicted with a row that is not there')
		return { learnerAssignmentId: raced.id, created: false, waitingForSeat: raced.enrolmentId === null, alreadyInDate: false }
	}
	return { learnerAssignmentId: id, created: true, waitingForSeat: enrolmentId === null, alreadyInDate: Boolean(inDate) }
}

/** Gives the person a place on the course and returns the enrolment id, or null when no seat is left (fillWaitingSeats uses it too). */
export async function placeOnCourse(
	tx: Tx,
	{
		organisationId,
		userId,
		courseId,
		kind,
		actorId,
	}: { organisationId: string; userId: string; courseId: string; kind: LearnerAssignmentKind; actorId: string | null },
): Promise<string | null> {
	const enrolment = await tx.enrolment.findUnique({
		where: { userId_courseId: { userId, courseId } },
		select: { id: true, status: true, completedAt: true },
	})
	if (enrolment?.status === 'ACTIVE') {
		if (kind === 'RENEWAL' && enrolment.completedAt) await restartEnrolment(tx, { enrolmentId: enrolment.id, actorId })
		return enrolment.id
	}
	const course = await tx.course.findUniqueOrThrow({ where: { id: courseId }, select: { pricePence: true } })
	if (course.pricePence === 0 && !enrolment) {
		return (await enrolInCourse({ tx, userId, courseId, source: 'FREE' })).id
	}
	const pool = await tx.seatPool.findUnique({
		where: { organisationId_courseId: { organisationId, courseId } },
		select: { id: true, seats: true, used: true },
	})
	if (!pool || pool.used >= pool.seats) return null
	try {
		const claimed = await claimSeat({ tx, poolId: pool.id, userId })
		if (claimed.enrolmentId && kind === 'RENEWAL') await restartEnrolment(tx, { enrolmentId: claimed.enrolmentId, actorId })
		return claimed.enrolmentId
	} catch (error) {
		// The last seat went to someone else between the look and the claim (no SQL failed: the
		// guarded UPDATE matched no row), so this transaction is still good: they wait for a seat.
		if (isDomainError(error) && error.code === 'NO_SEATS_LEFT') return null
		throw error
	}
}

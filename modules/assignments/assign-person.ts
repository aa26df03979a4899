import { randomUUID } from 'node:crypto'
import { type LearnerAssignmentKind, type Tx } from '#modules/db/client.ts'
import { dateOnly, ukToday } from '#modules/compliance/status.ts'
import { enrolInCourse, enrolManyInCourse } from '#modules/enrolment/enrol-in-course.ts'
import { claimSeat, claimSeats } from '#modules/organisations/claim-seat.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { restartEnrolment } from '#modules/progress/restart-enrolment.ts'
import { insertLearnerAssignments } from './sql.ts'

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
 * The rule itself is assignCourseToPeople's, for a batch of one.
 */
export async function assignCourseToPerson(
	tx: Tx,
	{ userId, ...input }: AssignCourseToPersonInput,
): Promise<AssignCourseToPersonResult> {
	const [result] = await assignCourseToPeople(tx, { ...input, userIds: [userId] })
	return result!
}

/** People are assigned in slices of this many, so each statement's list of ids stays well inside PostgreSQL's limits. */
const SLICE = 5_000

/**
 * assignCourseToPerson for many people at once (everyone in an organisation, a large team), with
 * the same rule and in the caller's transaction, set-based: a handful of statements per slice of
 * people instead of several per person. Returns one result per distinct user id, in order.
 *
 * - An open requirement for the same course here is kept; an earlier due date wins.
 * - An INITIAL requirement that a certificate they hold (in date, not revoked) already meets is
 *   recorded as complete.
 * - They get a place on the course to take (the refresher, on a renewal that names one): an
 *   enrolment they already have (a completed one starts its next cycle on a renewal); a free
 *   course's enrolment; or a seat from the organisation's licence (claimed one person at a time by
 *   the seat rule, claimSeat). With no seat left they are still assigned, and wait for one
 *   (fillWaitingSeats gives it when seats are bought).
 */
export async function assignCourseToPeople(
	tx: Tx,
	{ userIds, ...input }: Omit<AssignCourseToPersonInput, 'userId'> & { userIds: string[] },
): Promise<AssignCourseToPersonResult[]> {
	const people = [...new Set(userIds)]
	const results: AssignCourseToPersonResult[] = []
	for (let i = 0; i < people.length; i += SLICE)
		results.push(...(await assignSlice(tx, input, people.slice(i, i + SLICE))))
	return results
}

async function assignSlice(
	tx: Tx,
	input: Omit<AssignCourseToPersonInput, 'userId'>,
	people: string[],
): Promise<AssignCourseToPersonResult[]> {
	const { organisationId, courseId, dueOn, now } = input
	const kind = input.kind ?? 'INITIAL'
	const due = dateOnly(dueOn)
	const results = new Map<string, AssignCourseToPersonResult>()

	const open = await tx.learnerAssignment.findMany({
		where: { organisationId, userId: { in: people }, courseId, completedAt: null, cancelledAt: null },
		select: { id: true, userId: true, dueOn: true, enrolmentId: true },
	})
	const earlier = open.filter((row) => due < row.dueOn).map((row) => row.id)
	if (earlier.length) await tx.learnerAssignment.updateMany({ where: { id: { in: earlier } }, data: { dueOn: due } })
	for (const row of open) {
		results.set(row.userId, {
			learnerAssignmentId: row.id,
			created: false,
			waitingForSeat: row.enrolmentId === null,
			alreadyInDate: false,
		})
	}
	const rest = people.filter((userId) => !results.has(userId))

	const today = dateOnly(ukToday(now))
	const inDate = new Map<string, { id: string; completedAt: Date; enrolmentId: string }>()
	if (kind === 'INITIAL' && rest.length) {
		const certificates = await tx.certificate.findMany({
			where: {
				userId: { in: rest },
				courseId,
				revokedAt: null,
				OR: [{ validUntil: null }, { validUntil: { gte: today } }],
			},
			orderBy: { completedAt: 'desc' },
			select: { id: true, userId: true, completedAt: true, enrolmentId: true },
		})
		for (const c of certificates) if (!inDate.has(c.userId)) inDate.set(c.userId, c)
	}

	const takeCourseId = input.refresherCourseId ?? courseId
	const places = await placeManyOnCourse(tx, {
		organisationId,
		userIds: rest.filter((userId) => !inDate.has(userId)),
		courseId: takeCourseId,
		kind,
		actorId: input.actorId ?? null,
	})

	const rows = rest.map((userId) => {
		const certificate = inDate.get(userId)
		return {
			id: randomUUID(),
			organisationId,
			assignmentId: input.assignmentId ?? null,
			userId,
			courseId,
			refresherCourseId: input.refresherCourseId ?? null,
			kind,
			cycle: input.cycle ?? 1,
			dueOn: due,
			assignedAt: now,
			enrolmentId: certificate ? certificate.enrolmentId : (places.get(userId) ?? null),
			completedAt: certificate?.completedAt ?? null,
			certificateId: certificate?.id ?? null,
			renewsCertificateId: input.renewsCertificateId ?? null,
		}
	})
	const inserted = await insertLearnerAssignments(tx, rows)
	for (const row of rows) {
		if (inserted.has(row.id)) {
			results.set(row.userId, {
				learnerAssignmentId: row.id,
				created: true,
				waitingForSeat: row.enrolmentId === null,
				alreadyInDate: row.certificateId !== null,
			})
			continue
		}
		// Another transaction assigned it a moment ago: theirs stands.
		const raced = await tx.learnerAssignment.findFirst({
			where: {
				organisationId,
				userId: row.userId,
				courseId,
				OR: [
					{ completedAt: null, cancelledAt: null },
					...(input.renewsCertificateId ? [{ renewsCertificateId: input.renewsCertificateId }] : []),
				],
			},
			orderBy: { createdAt: 'desc' },
			select: { id: true, enrolmentId: true },
		})
		if (!raced) throw new Error('A learner assignment insert conflicted with a row that is not there')
		results.set(row.userId, {
			learnerAssignmentId: raced.id,
			created: false,
			waitingForSeat: raced.enrolmentId === null,
			alreadyInDate: false,
		})
	}
	return people.map((userId) => results.get(userId)!)
}

/**
 * placeOnCourse for many people: those already on the course; everyone new to it in a few
 * statements (a free course's enrolments, enrolManyInCourse, or the licence's seats, claimSeats);
 * anyone left (one person alone, an enrolment to re-activate on a free course, a renewal to restart)
 * one at a time through placeOnCourse.
 */
async function placeManyOnCourse(
	tx: Tx,
	{
		organisationId,
		userIds,
		courseId,
		kind,
		actorId,
	}: {
		organisationId: string
		userIds: string[]
		courseId: string
		kind: LearnerAssignmentKind
		actorId: string | null
	},
): Promise<Map<string, string | null>> {
	const places = new Map<string, string | null>()
	if (userIds.length === 0) return places
	const enrolments = await tx.enrolment.findMany({
		where: { userId: { in: userIds }, courseId },
		select: { userId: true, status: true, completedAt: true, id: true },
	})
	const byUser = new Map(enrolments.map((e) => [e.userId, e]))
	const course = await tx.course.findUniqueOrThrow({ where: { id: courseId }, select: { pricePence: true } })
	const onCourse = (userId: string) => {
		const e = byUser.get(userId)
		return e?.status === 'ACTIVE' && !(kind === 'RENEWAL' && e.completedAt)
	}
	for (const userId of userIds) if (onCourse(userId)) places.set(userId, byUser.get(userId)!.id)
	const fresh = userIds.filter((userId) => !byUser.has(userId))
	if (course.pricePence === 0) {
		const enrolled = await enrolManyInCourse(tx, {
			courseId,
			source: 'FREE',
			places: fresh.map((userId) => ({ userId })),
		})
		for (const userId of fresh) places.set(userId, enrolled.get(userId) ?? null)
	} else if (fresh.length > 1) {
		// A licence's seats for everyone new to the course at once; one person goes through placeOnCourse below.
		const pool = await tx.seatPool.findUnique({
			where: { organisationId_courseId: { organisationId, courseId } },
			select: { id: true },
		})
		const seated = pool
			? await claimSeats(tx, { organisationId, poolId: pool.id, userIds: fresh })
			: new Map<string, null>()
		for (const userId of fresh) places.set(userId, seated.get(userId) ?? null)
	}
	for (const userId of userIds) {
		if (places.has(userId)) continue
		places.set(userId, await placeOnCourse(tx, { organisationId, userId, courseId, kind, actorId }))
	}
	return places
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
		if (claimed.enrolmentId && kind === 'RENEWAL')
			await restartEnrolment(tx, { enrolmentId: claimed.enrolmentId, actorId })
		return claimed.enrolmentId
	} catch (error) {
		// The last seat went to someone else between the look and the claim (no SQL failed: the
		// guarded UPDATE matched no row), so this transaction is still good: they wait for a seat.
		if (isDomainError(error) && error.code === 'NO_SEATS_LEFT') return null
		throw error
	}
}

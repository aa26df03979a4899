import { type EnrolmentSource, prisma, type Tx } from '#modules/db/client.ts'
import { EnrolmentError } from '#modules/enrolment/errors.ts'

export type EnrolInCourseOptions = {
	userId: string
	/** The course, by slug (from a URL) or by id (from fulfilment code). */
	courseSlug?: string
	courseId?: string
	/**
	 * How the place was obtained. FREE (the default) is refused for paid courses; PURCHASE, SEAT and
	 * GRANT are for the payments, seats and admin features, which have already checked entitlement.
	 */
	source?: EnrolmentSource
	orderId?: string
	seatAssignmentId?: string
	/** Run inside the caller's transaction (e.g. order fulfilment); otherwise one is started. */
	tx?: Tx
}

/**
 * Enrols a learner on a course's current published version and returns the enrolment. Idempotent:
 * a learner who is already enrolled gets their existing enrolment back (`created: false`), still on
 * the version they started, and two simultaneous requests create one row (INSERT … ON CONFLICT DO
 * NOTHING on the unique userId + courseId, which never aborts a surrounding transaction). A free
 * enrolment on a paid course is `forbidden`; a course with no published version is `not_found`.
 */
export async function enrolInCourse(options: EnrolInCourseOptions) {
	const { tx, ...rest } = options
	if (tx) return enrolWith(tx, rest)
	return prisma.$transaction((t) => enrolWith(t, rest))
}

async function enrolWith(tx: Tx, options: Omit<EnrolInCourseOptions, 'tx'>) {
	const { userId, courseSlug, courseId, source = 'FREE', orderId, seatAssignmentId } = options
	if (!courseSlug && !courseId) throw new Error('enrolInCourse needs a courseSlug or a courseId')
	const course = await tx.course.findFirst({
		where: courseId ? { id: courseId } : { slug: courseSlug },
		select: {
			id: true,
			slug: true,
			pricePence: true,
			publishedVersion: { select: { id: true, status: true } },
		},
	})
	const version = course?.publishedVersion
	if (!course || !version || version.status !== 'PUBLISHED') {
		throw new EnrolmentError('not_found', 'COURSE_NOT_FOUND', 'We could not find that course.')
	}

	const existing = await findEnrolment(tx, userId, course.id)
	if (existing) return { ...existing, courseSlug: course.slug, created: false }

	if (source === 'FREE' && course.pricePence > 0) {
		throw new EnrolmentError(
			'forbidden',
			'PAYMENT_REQUIRED',
			'This course is not free: buy a place (or use a seat from your organisation) to enrol.',
		)
	}

	const now = new Date()
	const { count } = await tx.enrolment.createMany({
		data: [
			{
				userId,
				courseId: course.id,
				versionId: version.id,
				source,
				orderId: orderId ?? null,
				seatAssignmentId: seatAssignmentId ?? null,
				lastActivityAt: now,
			},
		],
		skipDuplicates: true,
	})
	const enrolment = await findEnrolment(tx, userId, course.id)
	if (!enrolment) throw new Error('Enrolment missing straight after it was created')
	return { ...enrolment, courseSlug: course.slug, created: count === 1 }
}

function findEnrolment(tx: Tx, userId: string, courseId: string) {
	return tx.enrolment.findUnique({
		where: { userId_courseId: { userId, courseId } },
		select: { id: true, userId: true, courseId: true, versionId: true, source: true, status: true, createdAt: true },
	})
}

/**
 * Places on a course for many learners at once, inside the caller's transaction (an organisation
 * assigning a course to everyone): the same rule as enrolInCourse (the course's current published
 * version; FREE only on a free course; someone already enrolled keeps their enrolment, untouched),
 * in two statements rather than three per learner. SEAT places name each learner's seat. Returns
 * each learner's enrolment id.
 */
export async function enrolManyInCourse(
	tx: Tx,
	{
		courseId,
		source,
		places,
	}: { courseId: string; source: 'FREE' | 'SEAT'; places: Array<{ userId: string; seatAssignmentId?: string }> },
): Promise<Map<string, string>> {
	const ids = new Map<string, string>()
	if (places.length === 0) return ids
	const course = await tx.course.findFirst({
		where: { id: courseId },
		select: { id: true, pricePence: true, publishedVersion: { select: { id: true, status: true } } },
	})
	const version = course?.publishedVersion
	if (!course || !version || version.status !== 'PUBLISHED') {
		throw new EnrolmentError('not_found', 'COURSE_NOT_FOUND', 'We could not find that course.')
	}
	if (source === 'FREE' && course.pricePence > 0) {
		throw new EnrolmentError('forbidden', 'PAYMENT_REQUIRED', 'This course is not free: each place needs a seat.')
	}
	const now = new Date()
	await tx.enrolment.createMany({
		data: places.map((p) => ({
			userId: p.userId,
			courseId,
			versionId: version.id,
			source,
			seatAssignmentId: p.seatAssignmentId ?? null,
			lastActivityAt: now,
		})),
		skipDuplicates: true,
	})
	const rows = await tx.enrolment.findMany({
		where: { courseId, userId: { in: places.map((p) => p.userId) } },
		select: { id: true, userId: true },
	})
	for (const row of rows) ids.set(row.userId, row.id)
	return ids
}

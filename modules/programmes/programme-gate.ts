// A sequential programme opens its courses in order for everyone on it, however they got their
// places: joined for free (where later courses are simply not opened yet), bought as a bundle, or
// assigned by an organisation (both of which give a place on every course at once). The learn
// pages and the dashboard read the order from here, the one rule: programmeProgress's `open`.
import { prisma, type Tx } from '#modules/db/client.ts'
import { enrolmentStartedWhere } from '#modules/enrolment/started.ts'
import { programmeProgress } from './complete-programmes.ts'
import { ProgrammesError } from './errors.ts'
import { selectOnUnfinishedSequentialProgramme } from './sql.ts'

export type ProgrammeGate = {
	courseSlug: string
	programmeSlug: string
	programmeTitle: string
	/** The earlier course to finish first. */
	waitingFor: { slug: string; title: string }
}

/**
 * The courses `userId` may not take yet because a sequential programme they are on (and have not
 * finished) has an unfinished course before them, keyed by course id. A course they have already
 * started or finished stays open: the order is not imposed on work already under way.
 */
export async function lockedProgrammeCourses(
	{ userId, courseId, courseSlug }: { userId: string; courseId?: string; courseSlug?: string },
	db: Tx | typeof prisma = prisma,
): Promise<Map<string, ProgrammeGate>> {
	const courseFilter = courseId ? { courseId } : courseSlug ? { course: { slug: courseSlug } } : undefined
	const where = {
		userId,
		completedAt: null,
		programme: { sequential: true, ...(courseFilter ? { courses: { some: courseFilter } } : {}) },
	}
	// Most learners are on no sequential programme: one raw statement answers that, where the nested
	// select below costs five even when it finds nothing. Every learn page and progress write asks.
	const locked = new Map<string, ProgrammeGate>()
	if (!(await selectOnUnfinishedSequentialProgramme(db, { userId, courseId, courseSlug }))) return locked
	const enrolments = await db.programmeEnrolment.findMany({
		where,
		select: {
			programme: {
				select: {
					id: true,
					slug: true,
					title: true,
					courses: {
						orderBy: { position: 'asc' },
						select: { course: { select: { id: true, slug: true, publishedVersion: { select: { title: true } } } } },
					},
				},
			},
		},
	})
	if (enrolments.length === 0) return locked
	const started = new Set(
		(
			await db.enrolment.findMany({
				where: { userId, AND: [enrolmentStartedWhere] },
				select: { courseId: true },
			})
		).map((row) => row.courseId),
	)
	for (const { programme } of enrolments) {
		const progress = await programmeProgress(db, { programmeId: programme.id, userId })
		const byId = new Map(programme.courses.map(({ course }) => [course.id, course]))
		progress.courses.forEach((row, index) => {
			if (row.open || started.has(row.courseId) || locked.has(row.courseId)) return
			const course = byId.get(row.courseId)
			const before = progress.courses.slice(0, index).findLast((earlier) => !earlier.completed)
			const earlier = before ? byId.get(before.courseId) : undefined
			if (!course || !earlier) return
			locked.set(row.courseId, {
				courseSlug: course.slug,
				programmeSlug: programme.slug,
				programmeTitle: programme.title,
				waitingFor: { slug: earlier.slug, title: earlier.publishedVersion?.title ?? earlier.slug },
			})
		})
	}
	return locked
}

/** The gate on one course for `userId` (by slug, as the learn pages have it), or null when it is open. */
export async function programmeGateFor({ userId, courseSlug }: { userId: string; courseSlug: string }) {
	for (const gate of (await lockedProgrammeCourses({ userId, courseSlug })).values()) {
		if (gate.courseSlug === courseSlug) return gate
	}
	return null
}

/**
 * For every write a learner makes in a lesson (video progress, a reading done, a quiz attempt, a
 * reflection draft): the lesson's course must be open to `userId` in every sequential programme
 * they are on, else `forbidden`. Called by the domain functions after they have found the lesson.
 */
export async function assertCourseOpenInProgrammes({ userId, courseId }: { userId: string; courseId: string }) {
	const gate = (await lockedProgrammeCourses({ userId, courseId })).get(courseId)
	if (gate) {
		throw new ProgrammesError(
			'forbidden',
			'COURSE_LOCKED',
			`This course opens when you have finished ${gate.waitingFor.title}.`,
		)
	}
}

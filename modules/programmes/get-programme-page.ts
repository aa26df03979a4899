import { prisma } from '#modules/db/client.ts'
import { programmeProgress } from './complete-programmes.ts'
import { ProgrammesError } from './errors.ts'

export type ProgrammeCourseState = 'completed' | 'open' | 'locked'

/**
 * Everything the public programme page shows: the programme, its courses in order (title, summary,
 * CPD minutes, price) and the total CPD minutes; for a signed-in learner on it, each course's state
 * (completed with its certificate, open, or locked until the one before is finished) and the
 * programme certificate's code once issued. An unpublished programme is `not_found` (its author
 * previews it from the studio).
 */
export async function getProgrammePage({ slug, userId }: { slug: string; userId: string | null }) {
	const programme = await prisma.programme.findUnique({
		where: { slug },
		select: {
			id: true,
			slug: true,
			title: true,
			summary: true,
			description: true,
			sequential: true,
			pricePence: true,
			publishedAt: true,
			courses: {
				orderBy: { position: 'asc' },
				select: {
					position: true,
					course: {
						select: {
							id: true,
							slug: true,
							pricePence: true,
							archivedAt: true,
							publishedVersion: { select: { title: true, summary: true, cpdMinutes: true } },
						},
					},
				},
			},
		},
	})
	if (!programme?.publishedAt) {
		throw new ProgrammesError('not_found', 'PROGRAMME_NOT_FOUND', 'We could not find that programme.')
	}
	const enrolment = userId
		? await prisma.programmeEnrolment.findUnique({
				where: { programmeId_userId: { programmeId: programme.id, userId } },
				select: {
					enrolledAt: true,
					completedAt: true,
					certificate: { select: { code: true, revokedAt: true } },
				},
			})
		: null
	const progress =
		enrolment && userId
			? await prisma.$transaction((tx) => programmeProgress(tx, { programmeId: programme.id, userId }))
			: null
	const courses = programme.courses.map(({ position, course }) => {
		const mine = progress?.courses.find((row) => row.courseId === course.id)
		const state: ProgrammeCourseState | null = mine
			? mine.completed
				? 'completed'
				: mine.open
					? 'open'
					: 'locked'
			: null
		return {
			position,
			slug: course.slug,
			pricePence: course.pricePence,
			// Archived or unpublished since the programme was published: nobody can enrol on it now.
			available: Boolean(course.publishedVersion) && !course.archivedAt,
			title: course.publishedVersion?.title ?? course.slug,
			summary: course.publishedVersion?.summary ?? '',
			cpdMinutes: course.publishedVersion?.cpdMinutes ?? 0,
			state,
			enrolled: mine?.enrolled ?? false,
			certificateCode: mine?.certificate?.code ?? null,
		}
	})
	return {
		id: programme.id,
		slug: programme.slug,
		pricePence: programme.pricePence,
		title: programme.title,
		summary: programme.summary,
		description: programme.description,
		sequential: programme.sequential,
		cpdMinutes: courses.reduce((sum, course) => sum + course.cpdMinutes, 0),
		courses,
		enrolment: enrolment
			? {
					enrolledAt: enrolment.enrolledAt,
					completedAt: enrolment.completedAt,
					certificateCode: enrolment.certificate?.code ?? null,
					certificateRevoked: Boolean(enrolment.certificate?.revokedAt),
				}
			: null,
	}
}

import { prisma } from '#modules/db/client.ts'
import { assertCanEditProgramme, assertProgrammeAuthor } from './access.ts'

/**
 * What the studio's programme builder shows: the programme's details, its courses in order (with
 * whether each is still published), and the courses the trainer could add (their own, or every
 * course for an admin), drafts included and marked, so the trainer sees why one cannot be added.
 */
export async function getProgrammeBuilder({ actorId, programmeId }: { actorId: string; programmeId: string }) {
	const { isAdmin } = await assertCanEditProgramme({ programmeId, actorId })
	const programme = await prisma.programme.findUniqueOrThrow({
		where: { id: programmeId },
		select: {
			id: true,
			slug: true,
			title: true,
			summary: true,
			description: true,
			sequential: true,
			pricePence: true,
			publishedAt: true,
			_count: { select: { enrolments: true } },
			courses: {
				orderBy: { position: 'asc' },
				select: {
					position: true,
					course: {
						select: {
							id: true,
							slug: true,
							archivedAt: true,
							publishedVersion: { select: { title: true, cpdMinutes: true } },
							versions: { select: { title: true }, orderBy: { number: 'desc' }, take: 1 },
						},
					},
				},
			},
		},
	})
	const candidates = await prisma.course.findMany({
		where: {
			archivedAt: null,
			...(isAdmin ? {} : { authors: { some: { userId: actorId } } }),
		},
		orderBy: { slug: 'asc' },
		take: 200,
		select: {
			id: true,
			slug: true,
			publishedVersionId: true,
			versions: { select: { title: true }, orderBy: { number: 'desc' }, take: 1 },
		},
	})
	const inProgramme = new Set(programme.courses.map(({ course }) => course.id))
	const { _count, courses, ...details } = programme
	return {
		...details,
		enrolmentCount: _count.enrolments,
		courses: courses.map(({ position, course }) => ({
			position,
			courseId: course.id,
			slug: course.slug,
			title: course.publishedVersion?.title ?? course.versions[0]?.title ?? course.slug,
			cpdMinutes: course.publishedVersion?.cpdMinutes ?? 0,
			published: Boolean(course.publishedVersion) && !course.archivedAt,
		})),
		candidates: candidates
			.filter((course) => !inProgramme.has(course.id))
			.map((course) => ({
				slug: course.slug,
				title: course.versions[0]?.title ?? course.slug,
				draft: !course.publishedVersionId,
			})),
	}
}

/** The studio's list of programmes: the trainer's own, or every programme for an admin. */
export async function listMyProgrammes({ actorId }: { actorId: string }) {
	const { isAdmin } = await assertProgrammeAuthor({ actorId })
	const rows = await prisma.programme.findMany({
		where: isAdmin ? {} : { createdById: actorId },
		orderBy: [{ updatedAt: 'desc' }],
		select: {
			id: true,
			slug: true,
			title: true,
			publishedAt: true,
			_count: { select: { courses: true, enrolments: true } },
		},
	})
	return rows.map(({ _count, ...row }) => ({ ...row, courseCount: _count.courses, enrolmentCount: _count.enrolments }))
}

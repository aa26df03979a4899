import { prisma } from '#modules/db/client.ts'
import { AuthoringError } from '#modules/authoring/errors.ts'

export type StudioCourseStatus = 'draft' | 'published' | 'published-with-changes'

/**
 * The courses a trainer may edit (those they own or co-author; every course for an admin), newest
 * first, each with its status (draft only, published, or published with an unpublished draft),
 * the number of the version new learners get (or of the draft), and its enrolment count.
 */
export async function listMyCourses({ actorId }: { actorId: string }) {
	const actor = await prisma.user.findUnique({ where: { id: actorId }, select: { role: true } })
	if (!actor || actor.role === 'LEARNER')
		throw new AuthoringError('forbidden', 'NOT_A_TRAINER', 'Only trainers can use the studio.')
	const courses = await prisma.course.findMany({
		where: actor.role === 'ADMIN' ? {} : { authors: { some: { userId: actorId } } },
		orderBy: { createdAt: 'desc' },
		select: {
			id: true,
			slug: true,
			archivedAt: true,
			authors: { where: { userId: actorId }, select: { role: true } },
			publishedVersion: { select: { number: true, title: true, publishedAt: true } },
			versions: {
				where: { status: 'DRAFT' },
				select: { number: true, title: true, updatedAt: true },
				take: 1,
			},
			_count: { select: { enrolments: true } },
		},
	})
	return courses.map((c) => {
		const draft = c.versions[0] ?? null
		const published = c.publishedVersion
		const status: StudioCourseStatus = !published ? 'draft' : draft ? 'published-with-changes' : 'published'
		return {
			id: c.id,
			slug: c.slug,
			title: draft?.title ?? published?.title ?? c.slug,
			status,
			publishedVersionNumber: published?.number ?? null,
			draftVersionNumber: draft?.number ?? null,
			enrolmentCount: c._count.enrolments,
			myRole: c.authors[0]?.role ?? null,
			archived: Boolean(c.archivedAt),
		}
	})
}

export type StudioCourseRow = Awaited<ReturnType<typeof listMyCourses>>[number]

import { prisma } from '#modules/db/client.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { assertCanEditProgramme } from './access.ts'
import { ProgrammesError } from './errors.ts'
import { MIN_PROGRAMME_COURSES } from './schemas.ts'

/**
 * Publishes a programme: it appears in the catalogue and learners can enrol. It needs at least two
 * courses, each still published (a course archived or unpublished since it was added is named), and
 * from then on its course list is fixed. Publishing twice is `conflict`.
 */
export async function publishProgramme({
	actorId,
	programmeId,
	now,
}: {
	actorId: string
	programmeId: string
	now: Date
}) {
	await prisma.$transaction(async (tx) => {
		const { programme } = await assertCanEditProgramme({ db: tx, programmeId, actorId })
		await tx.programme.update({ where: { id: programmeId }, data: { updatedAt: now }, select: { id: true } })
		if (programme.publishedAt) {
			throw new ProgrammesError('conflict', 'PROGRAMME_PUBLISHED', 'This programme is already published.')
		}
		const courses = await tx.programmeCourse.findMany({
			where: { programmeId },
			orderBy: { position: 'asc' },
			select: {
				course: {
					select: {
						slug: true,
						archivedAt: true,
						publishedVersionId: true,
						versions: { select: { title: true }, orderBy: { number: 'desc' }, take: 1 },
					},
				},
			},
		})
		if (courses.length < MIN_PROGRAMME_COURSES) {
			throw new ProgrammesError(
				'invalid',
				'NOT_ENOUGH_COURSES',
				`Add at least ${MIN_PROGRAMME_COURSES} courses before publishing: a programme is a path through several courses.`,
			)
		}
		const closed = courses.find(({ course }) => !course.publishedVersionId || course.archivedAt)
		if (closed) {
			const title = closed.course.versions[0]?.title ?? closed.course.slug
			throw new ProgrammesError(
				'invalid',
				'COURSE_IS_A_DRAFT',
				`“${title}” is no longer published: publish it again or remove it from the programme.`,
			)
		}
		await tx.programme.update({ where: { id: programmeId }, data: { publishedAt: now }, select: { id: true } })
		await recordAudit(tx, {
			actorId,
			action: 'programme.published',
			targetType: 'Programme',
			targetId: programmeId,
			details: { courses: courses.length },
		})
	})
}

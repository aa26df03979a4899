import { cpdHoursProblem, learningMinutes } from '#modules/catalog/cpd-hours.ts'
import { Prisma, prisma } from '#modules/db/client.ts'
import { AuthoringError } from '#modules/authoring/errors.ts'
import { assertCanEditCourse, requireDraftVersion } from './access.ts'
import { SLUG_TAKEN_MESSAGE } from './create-course.ts'
import { CourseDetailsSchema, type CourseDetailsInput, firstIssue } from './schemas.ts'

/**
 * Saves a course's details: the slug, price and sectors on the Course, and the title, summary,
 * description, CPD minutes, outcomes and sequential flag on its DRAFT version (published versions
 * are never changed: `conflict`). Invalid input is `invalid` naming the field, as are CPD hours below
 * what the draft's lessons take (cpdHoursProblem); a slug in use by another course is `conflict` on `slug`.
 */
export async function updateCourseDetails({
	courseId,
	actorId,
	input,
}: {
	courseId: string
	actorId: string
	input: CourseDetailsInput
}) {
	const parsed = CourseDetailsSchema.safeParse(input)
	if (!parsed.success) {
		const { field, message } = firstIssue(parsed.error)
		throw new AuthoringError('invalid', 'INVALID_COURSE', message, { field })
	}
	const details = parsed.data
	try {
		await prisma.$transaction(async (tx) => {
			await assertCanEditCourse({ db: tx, courseId, actorId })
			const draft = await requireDraftVersion({ db: tx, courseId })
			const lessons = await tx.lesson.findMany({ where: { versionId: draft.id }, select: { estimatedMinutes: true } })
			const cpdProblem = cpdHoursProblem({
				cpdMinutes: Math.round(details.cpdHours * 60),
				learning: learningMinutes(lessons),
			})
			if (cpdProblem) throw new AuthoringError('invalid', 'CPD_HOURS_TOO_LOW', cpdProblem, { field: 'cpdHours' })
			await tx.course.update({
				where: { id: courseId },
				data: { slug: details.slug, pricePence: Math.round(details.pricePounds * 100), sectors: details.sectors },
			})
			await tx.courseVersion.update({
				where: { id: draft.id, courseId },
				data: {
					title: details.title,
					summary: details.summary,
					description: details.description,
					cpdMinutes: Math.round(details.cpdHours * 60),
					outcomes: details.outcomes,
					sequential: details.sequential,
				},
			})
		})
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
			throw new AuthoringError('conflict', 'SLUG_TAKEN', SLUG_TAKEN_MESSAGE, { field: 'slug' })
		}
		throw error
	}
}

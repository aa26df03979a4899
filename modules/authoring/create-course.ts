import { Prisma, prisma } from '#modules/db/client.ts'
import { AuthoringError } from '#modules/authoring/errors.ts'
import { CourseDetailsSchema, type CourseDetailsInput, firstIssue } from './schemas.ts'

export const SLUG_TAKEN_MESSAGE = 'Another course already uses that web address: choose another'

/**
 * Creates a course owned by `actorId`: the Course (slug, price, sectors), its OWNER author row and
 * version 1 as a DRAFT, in one transaction. Only trainers and admins may; invalid details are
 * `invalid` naming the field, and a slug already in use is `conflict` on `slug`. Nothing is stored
 * unless all of it is.
 */
export async function createCourse({ actorId, input }: { actorId: string; input: CourseDetailsInput }) {
	const parsed = CourseDetailsSchema.safeParse(input)
	if (!parsed.success) {
		const { field, message } = firstIssue(parsed.error)
		throw new AuthoringError('invalid', 'INVALID_COURSE', message, { field })
	}
	const details = parsed.data
	const actor = await prisma.user.findUnique({ where: { id: actorId }, select: { role: true, disabledAt: true } })
	if (!actor || actor.disabledAt || actor.role === 'LEARNER') {
		throw new AuthoringError('forbidden', 'NOT_A_TRAINER', 'Only trainers can create courses.')
	}
	try {
		return await prisma.$transaction(async (tx) => {
			const course = await tx.course.create({
				data: {
					slug: details.slug,
					pricePence: Math.round(details.pricePounds * 100),
					sectors: details.sectors,
					createdById: actorId,
					authors: { create: { userId: actorId, role: 'OWNER' } },
				},
				select: { id: true, slug: true },
			})
			const version = await tx.courseVersion.create({
				data: {
					courseId: course.id,
					number: 1,
					status: 'DRAFT',
					title: details.title,
					summary: details.summary,
					description: details.description,
					cpdMinutes: Math.round(details.cpdHours * 60),
					outcomes: details.outcomes,
					sequential: details.sequential,
					createdById: actorId,
				},
				select: { id: true, number: true },
			})
			return { courseId: course.id, slug: course.slug, versionId: version.id }
		})
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
			throw new AuthoringError('conflict', 'SLUG_TAKEN', SLUG_TAKEN_MESSAGE, { field: 'slug' })
		}
		throw error
	}
}

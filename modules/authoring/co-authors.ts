import { prisma } from '#modules/db/client.ts'
import { AuthoringError } from '#modules/authoring/errors.ts'
import { assertCanEditCourse, assertCourseOwner } from './access.ts'
import { CoAuthorSchema } from './schemas.ts'

/**
 * The course's authors (owner first) and its title (the draft's, else the newest version's), for
 * anyone who may edit it. `canManage` says whether the actor may add and remove co-authors.
 */
export async function listCourseAuthors({ courseId, actorId }: { courseId: string; actorId: string }) {
	const access = await assertCanEditCourse({ courseId, actorId })
	const [authors, course] = await Promise.all([
		prisma.courseAuthor.findMany({
			where: { courseId },
			orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
			select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
		}),
		prisma.course.findUniqueOrThrow({
			where: { id: courseId },
			select: { id: true, slug: true, versions: { orderBy: { number: 'desc' }, take: 1, select: { title: true } } },
		}),
	])
	return {
		course: { id: course.id, slug: course.slug, title: course.versions[0]?.title ?? course.slug },
		authors,
		canManage: access.isAdmin || access.authorRole === 'OWNER',
		actorId,
	}
}

/**
 * Adds an existing TRAINER (found by email) as a CO_AUTHOR. Only the owner (or an admin) may.
 * An unknown email, or a user who is not a trainer, is `invalid` on `email`; someone already an
 * author is `conflict`.
 */
export async function addCoAuthor({ courseId, actorId, email }: { courseId: string; actorId: string; email: string }) {
	const parsed = CoAuthorSchema.safeParse({ email })
	if (!parsed.success)
		throw new AuthoringError('invalid', 'INVALID_EMAIL', parsed.error.issues[0]!.message, { field: 'email' })
	return prisma.$transaction(async (tx) => {
		await assertCourseOwner({ db: tx, courseId, actorId })
		const user = await tx.user.findUnique({
			where: { email: parsed.data.email },
			select: { id: true, role: true, name: true },
		})
		if (!user || user.role === 'LEARNER') {
			throw new AuthoringError('invalid', 'NOT_A_TRAINER', 'There is no trainer with that email address on Circle.', {
				field: 'email',
			})
		}
		const { count } = await tx.courseAuthor.createMany({
			data: [{ courseId, userId: user.id, role: 'CO_AUTHOR' }],
			skipDuplicates: true,
		})
		if (count === 0)
			throw new AuthoringError('conflict', 'ALREADY_AUTHOR', `${user.name} is already an author of this course.`, {
				field: 'email',
			})
		return { userId: user.id, name: user.name }
	})
}

/** Removes a co-author. Only the owner (or an admin) may; the owner cannot be removed. */
export async function removeCoAuthor({
	courseId,
	actorId,
	userId,
}: {
	courseId: string
	actorId: string
	userId: string
}) {
	return prisma.$transaction(async (tx) => {
		await assertCourseOwner({ db: tx, courseId, actorId })
		const { count } = await tx.courseAuthor.deleteMany({ where: { courseId, userId, role: 'CO_AUTHOR' } })
		if (count === 0)
			throw new AuthoringError('not_found', 'AUTHOR_NOT_FOUND', 'That person is not a co-author of this course.')
	})
}

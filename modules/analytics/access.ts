import { prisma, type Tx } from '#modules/db/client.ts'
import { DomainError } from '#modules/errors/domain-error.ts'

// A stop-gap until the studio core exports its own edit-permission check from modules/authoring/:
// then this file should re-export that one, so there is one rule for who may edit a course.

/**
 * Throws unless `actorId` may edit (and see the analytics of) the course: a platform ADMIN, or an
 * OWNER / CO_AUTHOR of the course. An unknown course is `not_found`; anyone else is `forbidden`.
 */
export async function assertCanEditCourse({ actorId, courseId, tx = prisma }: { actorId: string; courseId: string; tx?: Tx | typeof prisma }) {
	// Sequential, not Promise.all: `tx` may be an interactive transaction, which runs one query at a time.
	const actor = await tx.user.findUnique({ where: { id: actorId }, select: { role: true, disabledAt: true } })
	const course = await tx.course.findUnique({
		where: { id: courseId },
		select: { id: true, authors: { where: { userId: actorId }, select: { role: true } } },
	})
	if (!course) throw new DomainError('not_found', 'COURSE_NOT_FOUND', 'We could not find that course.')
	if (!actor || actor.disabledAt) throw new DomainError('forbidden', 'FORBIDDEN', 'You do not have permission to edit this course.')
	if (actor.role === 'ADMIN') return
	if (actor.role === 'TRAINER' && course.authors.length > 0) return
	throw new DomainError('forbidden', 'FORBIDDEN', 'You do not have permission to edit this course.')
}

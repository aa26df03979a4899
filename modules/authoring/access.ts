// Who may edit a course, and where its editable draft is. Every authoring function starts here, so
// the rule lives in one place: the platform role must be TRAINER or ADMIN, and a trainer must be the
// course's OWNER or a CO_AUTHOR; an ADMIN may edit every course.
import { prisma, type Role, type Tx } from '#modules/db/client.ts'
import { AuthoringError } from '#modules/authoring/errors.ts'

export type Db = Tx | typeof prisma

export type CourseAccess = {
	courseId: string
	actorId: string
	isAdmin: boolean
	authorRole: 'OWNER' | 'CO_AUTHOR' | null
}

/**
 * Checks that `actorId` may edit `courseId`. A course that does not exist is `not_found`; one the
 * actor may not edit is `forbidden` (the route guard has already let in only trainers and admins).
 */
export async function assertCanEditCourse({
	db = prisma,
	courseId,
	actorId,
}: {
	db?: Db
	courseId: string
	actorId: string
}): Promise<CourseAccess> {
	// One statement (every studio page and action starts here): the actor, the course if it exists,
	// and the actor's authorship of it.
	const [row] = await db.$queryRaw<
		Array<{ role: Role; disabledAt: Date | null; courseId: string | null; authorRole: CourseAccess['authorRole'] }>
	>`
		SELECT u.role::text AS role, u."disabledAt", c.id AS "courseId", a.role::text AS "authorRole"
		FROM "User" u
		LEFT JOIN "Course" c ON c.id = ${courseId}
		LEFT JOIN "CourseAuthor" a ON a."courseId" = c.id AND a."userId" = u.id
		WHERE u.id = ${actorId}`
	if (!row || row.disabledAt || row.role === 'LEARNER') {
		throw new AuthoringError('forbidden', 'NOT_A_TRAINER', 'Only trainers can edit courses.')
	}
	if (!row.courseId) throw new AuthoringError('not_found', 'COURSE_NOT_FOUND', 'We could not find that course.')
	const isAdmin = row.role === 'ADMIN'
	if (!isAdmin && !row.authorRole) {
		throw new AuthoringError('forbidden', 'NOT_AN_AUTHOR', 'You are not an author of this course.')
	}
	return { courseId, actorId, isAdmin, authorRole: row.authorRole }
}

/** As assertCanEditCourse, and the actor must be the course's OWNER (or an admin). */
export async function assertCourseOwner(options: { db?: Db; courseId: string; actorId: string }) {
	const access = await assertCanEditCourse(options)
	if (!access.isAdmin && access.authorRole !== 'OWNER') {
		throw new AuthoringError('forbidden', 'NOT_THE_OWNER', 'Only the course owner can manage its authors.')
	}
	return access
}

/**
 * The course's DRAFT version, or a `conflict` when it has none (published and archived versions
 * are never edited: learners may be following them).
 */
export async function requireDraftVersion({ db = prisma, courseId }: { db?: Db; courseId: string }) {
	const draft = await db.courseVersion.findFirst({
		where: { courseId, status: 'DRAFT' },
		select: { id: true, number: true },
	})
	if (!draft) {
		throw new AuthoringError(
			'conflict',
			'NOT_A_DRAFT',
			'This version is published, so it cannot be changed. Start a new draft to make changes.',
		)
	}
	return draft
}

/**
 * Finds a lesson of the course for editing and checks it belongs to the course's draft version:
 * a lesson of another course is `not_found`; one of a published or archived version is `conflict`.
 */
export async function findDraftLesson({
	db = prisma,
	courseId,
	lessonId,
}: {
	db?: Db
	courseId: string
	lessonId: string
}) {
	const lesson = await db.lesson.findFirst({
		where: { id: lessonId, version: { courseId } },
		select: { id: true, kind: true, versionId: true, moduleId: true, version: { select: { status: true } } },
	})
	if (!lesson)
		throw new AuthoringError('not_found', 'LESSON_NOT_FOUND', 'We could not find that lesson in this course.')
	if (lesson.version.status !== 'DRAFT') {
		throw new AuthoringError(
			'conflict',
			'NOT_A_DRAFT',
			'This lesson belongs to a published version, so it cannot be changed. Edit the draft instead.',
		)
	}
	return lesson
}

/** As findDraftLesson, for a module. */
export async function findDraftModule({
	db = prisma,
	courseId,
	moduleId,
}: {
	db?: Db
	courseId: string
	moduleId: string
}) {
	const mod = await db.module.findFirst({
		where: { id: moduleId, version: { courseId } },
		select: { id: true, versionId: true, version: { select: { status: true } } },
	})
	if (!mod) throw new AuthoringError('not_found', 'MODULE_NOT_FOUND', 'We could not find that module in this course.')
	if (mod.version.status !== 'DRAFT') {
		throw new AuthoringError(
			'conflict',
			'NOT_A_DRAFT',
			'This module belongs to a published version, so it cannot be changed.',
		)
	}
	return mod
}

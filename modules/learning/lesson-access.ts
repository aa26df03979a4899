import { prisma, type Tx } from '#modules/db/client.ts'
import { LearningError } from '#modules/learning/errors.ts'
import { countRequiredLessonsNotDoneBefore, selectLessonForLearner } from './sql.ts'

type Db = Tx | typeof prisma

/**
 * Finds a lesson together with the learner's active enrolment in the very version the lesson
 * belongs to, in one statement. A lesson that does not exist and a lesson of a course (or version) the
 * learner is not enrolled in are the same `not_found`, so ids of other courses' lessons reveal
 * nothing. Every progress and quiz write starts here: it is what scopes a write to its owner.
 */
export async function findLessonForLearner({
	db = prisma,
	userId,
	lessonId,
}: {
	db?: Db
	userId: string
	lessonId: string
}) {
	const lesson = await selectLessonForLearner(db, { userId, lessonId })
	if (!lesson) {
		throw new LearningError('not_found', 'LESSON_NOT_FOUND', 'We could not find that lesson in any of your courses.')
	}
	return {
		id: lesson.id,
		key: lesson.key,
		kind: lesson.kind,
		title: lesson.title,
		versionId: lesson.versionId,
		courseId: lesson.courseId,
		sequential: lesson.sequential,
		position: lesson.position,
		modulePosition: lesson.modulePosition,
		videoDurationSeconds: lesson.videoDurationSeconds,
		passMark: lesson.passMark,
		maxAttempts: lesson.maxAttempts,
		enrolmentId: lesson.enrolmentId,
		/** The enrolment's current cycle (2 and on: retaking the course for a renewal). */
		enrolmentCycle: lesson.enrolmentCycle,
	}
}

export type LearnerLesson = Awaited<ReturnType<typeof findLessonForLearner>>

/**
 * Refuses (403 LESSON_LOCKED) when the lesson's course is sequential and an earlier required lesson
 * is not yet complete. One counting query, run only for sequential courses; the player uses the
 * same rule (modules/learning/outline.ts) to decide what to show, and this keeps writes honest too.
 */
export async function assertLessonUnlocked({
	db = prisma,
	userId,
	lesson,
}: {
	db?: Db
	userId: string
	lesson: LearnerLesson
}) {
	if (!lesson.sequential) return
	const notDone = await countRequiredLessonsNotDoneBefore(db, {
		userId,
		versionId: lesson.versionId,
		modulePosition: lesson.modulePosition,
		position: lesson.position,
	})
	if (notDone > 0) {
		throw new LearningError(
			'forbidden',
			'LESSON_LOCKED',
			'Finish the earlier lessons first: this one unlocks when they are done.',
		)
	}
}

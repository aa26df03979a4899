import { prisma } from '#modules/db/client.ts'
import { ProgressError } from '#modules/progress/errors.ts'
import { assertLessonUnlocked, findLessonForLearner } from '#modules/learning/lesson-access.ts'
import { assertCourseOpenInProgrammes } from '#modules/programmes/programme-gate.ts'
import { COMPLETION_TRANSACTION, completeEnrolment } from './complete-enrolment.ts'
import { ensureProgressRow, markLessonCompleted, touchEnrolment } from './progress-rows.ts'

/**
 * Marks a reading lesson as done for the learner ("Mark as done"). Idempotent: marking it again
 * changes nothing and never re-runs completion. Only reading lessons of the learner's enrolled
 * version qualify (`not_found` otherwise), and in a sequential course only once the lesson is
 * unlocked. When it completes the lesson, the enrolment completion check runs in the same
 * transaction; `courseCompletedNow` says whether this call finished the course.
 */
export async function completeReading({ userId, lessonId }: { userId: string; lessonId: string }) {
	const lesson = await findLessonForLearner({ userId, lessonId })
	if (lesson.kind !== 'READING') {
		throw new ProgressError('invalid', 'NOT_A_READING_LESSON', 'Only reading lessons can be marked as done.')
	}
	await assertLessonUnlocked({ userId, lesson })
	// A sequential programme's later course takes nothing until the one before it is finished.
	await assertCourseOpenInProgrammes({ userId, courseId: lesson.courseId })

	return prisma.$transaction(async (tx) => {
		await ensureProgressRow({ tx, userId, enrolmentId: lesson.enrolmentId, lesson })
		const lessonCompletedNow = await markLessonCompleted({ tx, userId, lessonId: lesson.id })
		await touchEnrolment({ tx, enrolmentId: lesson.enrolmentId })
		const { completedNow } = lessonCompletedNow
			? await completeEnrolment({ tx, enrolmentId: lesson.enrolmentId, userId })
			: { completedNow: false }
		return { lessonCompletedNow, courseCompletedNow: completedNow }
	}, COMPLETION_TRANSACTION)
}

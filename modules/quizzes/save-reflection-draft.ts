import { z } from 'zod'
import { prisma } from '#modules/db/client.ts'
import { QuizzesError } from '#modules/quizzes/errors.ts'
import { assertLessonUnlocked, findLessonForLearner } from '#modules/learning/lesson-access.ts'
import { assertCourseOpenInProgrammes } from '#modules/programmes/programme-gate.ts'
import { touchEnrolment } from '#modules/progress/progress-rows.ts'
import { REFLECTION_MAX_LENGTH, saveReflectionRows } from './reflections.ts'

export const ReflectionDraftSchema = z.object({
	questionId: z.cuid(),
	// An empty draft is allowed: clearing the box is a real edit that must be saved too.
	text: z.string(),
})

/**
 * Saves a reflection as the learner types it (autosave), so it is never lost. The question must be
 * a REFLECTION question of a lesson in the learner's enrolled version (`not_found` otherwise, so
 * nobody can write into another course), unlocked in a sequential course, and the text at most
 * 5,000 characters (`invalid`, nothing saved). Last write wins between tabs. Returns when it was
 * saved, which the browser keeps beside its local copy to tell which is newer.
 */
export async function saveReflectionDraft({ userId, input }: { userId: string; input: unknown }) {
	const parsed = ReflectionDraftSchema.safeParse(input)
	if (!parsed.success)
		throw new QuizzesError(
			'invalid',
			'INVALID_DRAFT',
			'That reflection could not be saved: it was not in the expected format.',
		)
	const { questionId, text } = parsed.data
	if (text.length > REFLECTION_MAX_LENGTH) {
		throw new QuizzesError(
			'invalid',
			'REFLECTION_TOO_LONG',
			`Your reflection is ${text.length.toLocaleString('en-GB')} characters; the limit is ${REFLECTION_MAX_LENGTH.toLocaleString('en-GB')}.`,
			{ field: questionId },
		)
	}

	const question = await prisma.question.findUnique({
		where: { id: questionId },
		select: { id: true, kind: true, prompt: true, lessonId: true },
	})
	if (!question || question.kind !== 'REFLECTION') {
		throw new QuizzesError('not_found', 'QUESTION_NOT_FOUND', 'We could not find that reflection question.')
	}
	const lesson = await findLessonForLearner({ userId, lessonId: question.lessonId })
	await assertLessonUnlocked({ userId, lesson })
	// A sequential programme's later course takes nothing until the one before it is finished.
	await assertCourseOpenInProgrammes({ userId, courseId: lesson.courseId })

	const saved = await prisma.$transaction(async (tx) => {
		const rows = await saveReflectionRows({ tx, userId, lesson, rows: [{ questionId, prompt: question.prompt, text }] })
		// Writing a reflection is starting the course (modules/enrolment/started.ts); touching the
		// enrolment also moves the team report's and the analytics' cache stamps (ADR 0016, 0017).
		await touchEnrolment({ tx, enrolmentId: lesson.enrolmentId })
		return rows
	})
	return { questionId, updatedAt: saved.get(questionId)! }
}

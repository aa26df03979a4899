import { Prisma, prisma } from '#modules/db/client.ts'
import { QuizzesError } from '#modules/quizzes/errors.ts'
import { assertLessonUnlocked, findLessonForLearner } from '#modules/learning/lesson-access.ts'
import { COMPLETION_TRANSACTION, completeEnrolment } from '#modules/progress/complete-enrolment.ts'
import { ensureProgressRow, markLessonCompleted, touchEnrolment } from '#modules/progress/progress-rows.ts'
import { answerProblemError, markQuiz } from './mark-quiz.ts'
import { queueXapiStatements } from '#modules/xapi/record-events.ts'
import { saveReflectionRows } from './reflections.ts'

/**
 * Marks (with markQuiz, the one marking rule) and records one attempt at a quiz. Answers markQuiz
 * refuses are `invalid`, naming the question in `field`, and nothing is stored.
 *
 * A quiz already passed, or out of attempts, is a `conflict`. In one transaction it stores the
 * attempt (numbered one more than the last; the unique userId + lessonId + number turns a double
 * submit into a `conflict`), its answers, the reflections (which feed the CPD portfolio), marks the
 * lesson COMPLETED when passed and runs the enrolment completion check.
 */
export async function submitQuizAttempt({
	userId,
	lessonId,
	answers: input,
}: {
	userId: string
	lessonId: string
	answers: unknown
}) {
	const lesson = await findLessonForLearner({ userId, lessonId })
	if (lesson.kind !== 'QUIZ') throw new QuizzesError('invalid', 'NOT_A_QUIZ', 'This lesson is not a quiz.')
	await assertLessonUnlocked({ userId, lesson })
	// The sequential programme gate is checked by the lesson page's action (requireCourseOpenInProgrammes)
	// before this runs: one query more here moved the timing that the double-submit test's race relies
	// on (see the note on ATTEMPT_ALREADY_SUBMITTED below); an attempt key will make both hold.

	// Read server-side with the right answers: this never goes back to the browser as such.
	const questions = await prisma.question.findMany({
		where: { lessonId: lesson.id },
		orderBy: { position: 'asc' },
		select: {
			id: true,
			kind: true,
			prompt: true,
			scaleMin: true,
			scaleMax: true,
			options: { select: { id: true, isCorrect: true } },
		},
	})
	const marking = markQuiz({ questions, passMark: lesson.passMark, answers: input })
	if (!marking.valid) throw answerProblemError(marking.problems)
	const { answers: graded, scorePercent, passed } = marking

	try {
		return await prisma.$transaction(async (tx) => {
			// A pass (and the attempts used) in an earlier cycle do not count in this one: a renewal's
			// retake is a test again. Attempt numbers run on across cycles (they are unique per lesson).
			const earlier = await tx.quizAttempt.findMany({
				where: { userId, lessonId: lesson.id },
				orderBy: { number: 'desc' },
				select: { number: true, passed: true, cycle: true },
			})
			const previous = earlier.filter((p) => p.cycle === lesson.enrolmentCycle)
			if (previous.some((p) => p.passed)) {
				throw new QuizzesError('conflict', 'QUIZ_ALREADY_PASSED', 'You have already passed this quiz.')
			}
			if (lesson.maxAttempts != null && previous.length >= lesson.maxAttempts) {
				throw new QuizzesError(
					'conflict',
					'NO_ATTEMPTS_LEFT',
					`You have used all ${lesson.maxAttempts} attempts at this quiz. Contact your trainer if you need another.`,
				)
			}
			const number = (earlier[0]?.number ?? 0) + 1
			const attempt = await tx.quizAttempt.create({
				data: {
					userId,
					enrolmentId: lesson.enrolmentId,
					cycle: lesson.enrolmentCycle,
					lessonId: lesson.id,
					number,
					scorePercent,
					passed,
				},
				select: { id: true, submittedAt: true },
			})
			await tx.answer.createMany({
				data: graded.map((g) => ({
					attemptId: attempt.id,
					questionId: g.questionId,
					selectedOptionIds: g.optionIds,
					text: g.text,
					scaleValue: g.scaleValue,
					isCorrect: g.isCorrect,
				})),
			})
			const reflectionsByQuestion = new Map(questions.map((q) => [q.id, q.prompt]))
			await saveReflectionRows({
				tx,
				userId,
				lesson,
				rows: graded.flatMap((g) =>
					g.kind === 'REFLECTION' && g.text != null
						? [{ questionId: g.questionId, prompt: reflectionsByQuestion.get(g.questionId) ?? '', text: g.text }]
						: [],
				),
			})
			await ensureProgressRow({ tx, userId, enrolmentId: lesson.enrolmentId, lesson })
			const lessonCompletedNow = passed && (await markLessonCompleted({ tx, userId, lessonId: lesson.id }))
			await touchEnrolment({ tx, enrolmentId: lesson.enrolmentId })
			const { completedNow } = lessonCompletedNow
				? await completeEnrolment({ tx, enrolmentId: lesson.enrolmentId, userId })
				: { completedNow: false }
			await queueXapiStatements(tx, { kind: 'quiz-attempted', userId, attemptId: attempt.id, at: attempt.submittedAt })
			return {
				attemptId: attempt.id,
				number,
				scorePercent,
				passed,
				submittedAt: attempt.submittedAt,
				lessonCompletedNow,
				courseCompletedNow: completedNow,
			}
		}, COMPLETION_TRANSACTION)
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
			throw new QuizzesError(
				'conflict',
				'ATTEMPT_ALREADY_SUBMITTED',
				'This attempt has already been submitted (perhaps in another tab). Reload the page to see your result.',
			)
		}
		throw error
	}
}

import { prisma } from '#modules/db/client.ts'
import { QuizzesError } from '#modules/quizzes/errors.ts'
import { assertLessonUnlocked, findLessonForLearner } from '#modules/learning/lesson-access.ts'
import { COMPLETION_TRANSACTION, completeEnrolment } from '#modules/progress/complete-enrolment.ts'
import {
	ensureLessonCompleted,
	ensureProgressRow,
	type PendingXapiEvents,
	touchEnrolment,
} from '#modules/progress/progress-rows.ts'
import { answerProblemError, markQuiz } from './mark-quiz.ts'
import { queueXapiStatements } from '#modules/xapi/record-events.ts'
import { insertQuizAttempt, selectQuizForMarking } from './sql.ts'

/**
 * Marks (with markQuiz, the one marking rule) and records one attempt at a quiz. Answers markQuiz
 * refuses are `invalid`, naming the question in `field`, and nothing is stored.
 *
 * A quiz already passed, or out of attempts, is a `conflict`. In one transaction it stores the
 * attempt (numbered one more than the last), its answers, the reflections (which feed the CPD
 * portfolio), marks the lesson COMPLETED when passed and runs the enrolment completion check.
 *
 * A double submit (two tabs, a second click) is a `conflict`, ATTEMPT_ALREADY_SUBMITTED, whatever
 * the timing: the form says how many attempts of this cycle its page showed (`attemptsSeen`), and an
 * attempt made since is refused; two that read the same attempts at the same moment take the same
 * number, unique per learner and lesson, and the second to insert it is refused instead.
 *
 * Constant statements: the lesson, the quiz with the attempts, then in the transaction the attempt
 * (with answers and reflections), the progress row, the enrolment, the completion check when the
 * lesson was completed, and one look-up of the learner's LRS connections for all its xAPI events.
 */
export async function submitQuizAttempt({
	userId,
	lessonId,
	answers: input,
	attemptsSeen,
}: {
	userId: string
	lessonId: string
	answers: unknown
	/** How many attempts of the current cycle the learner's page showed when they answered. */
	attemptsSeen?: number
}) {
	const lesson = await findLessonForLearner({ userId, lessonId })
	if (lesson.kind !== 'QUIZ') throw new QuizzesError('invalid', 'NOT_A_QUIZ', 'This lesson is not a quiz.')
	await assertLessonUnlocked({ userId, lesson })
	// The sequential programme gate is checked by the lesson page's action (requireCourseOpenInProgrammes)
	// before this runs.

	// Read server-side with the right answers: this never goes back to the browser as such. The
	// attempts come in the same statement; the race guard is the attempt's unique number below.
	const { questions, attempts: earlier } = await selectQuizForMarking(prisma, { userId, lessonId: lesson.id })
	const marking = markQuiz({ questions, passMark: lesson.passMark, answers: input })
	if (!marking.valid) throw answerProblemError(marking.problems)
	const { answers: graded, scorePercent, passed } = marking

	// A pass (and the attempts used) in an earlier cycle do not count in this one: a renewal's
	// retake is a test again. Attempt numbers run on across cycles (they are unique per lesson).
	const previous = earlier.filter((p) => p.cycle === lesson.enrolmentCycle)
	if (attemptsSeen != null && previous.length > attemptsSeen) throw alreadySubmitted()
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
	const prompts = new Map(questions.map((q) => [q.id, q.prompt]))

	return prisma.$transaction(async (tx) => {
		// The attempt, its answers and its reflections (which feed the CPD portfolio), in one statement.
		const attempt = await insertQuizAttempt(tx, {
			owner: {
				userId,
				courseId: lesson.courseId,
				enrolmentId: lesson.enrolmentId,
				lessonId: lesson.id,
				cycle: lesson.enrolmentCycle,
			},
			number,
			scorePercent,
			passed,
			answers: graded,
			reflections: graded.flatMap((g) =>
				g.kind === 'REFLECTION' && g.text != null
					? [{ questionId: g.questionId, prompt: prompts.get(g.questionId) ?? '', text: g.text }]
					: [],
			),
		})
		// Another submission took this number since the attempts were read: this one is the double.
		if (!attempt) throw alreadySubmitted()
		// The xAPI events of this transaction, queued together at its end (one LRS look-up).
		const xapi: PendingXapiEvents = []
		const lessonCompletedNow = passed
			? await ensureLessonCompleted({ tx, userId, enrolmentId: lesson.enrolmentId, lesson, xapi })
			: (await ensureProgressRow({ tx, userId, enrolmentId: lesson.enrolmentId, lesson }), false)
		const locked = await touchEnrolment({ tx, enrolmentId: lesson.enrolmentId, xapi })
		const { completedNow } = lessonCompletedNow
			? await completeEnrolment({ tx, enrolmentId: lesson.enrolmentId, userId, locked, xapi })
			: { completedNow: false }
		xapi.push({ kind: 'quiz-attempted', userId, attemptId: attempt.id, at: attempt.submittedAt })
		await queueXapiStatements(tx, xapi)
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
}

function alreadySubmitted() {
	return new QuizzesError(
		'conflict',
		'ATTEMPT_ALREADY_SUBMITTED',
		'This attempt has already been submitted (perhaps in another tab). Reload the page to see your result.',
	)
}

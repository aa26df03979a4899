import { type QuestionKind } from '#modules/db/client.ts'
import { LearningError } from '#modules/learning/errors.ts'
import { type LearnerQuizRow, selectLearnerQuiz } from './sql.ts'

export type LearnerQuestion = {
	id: string
	kind: QuestionKind
	prompt: string
	guidance: string | null
	scaleMin: number | null
	scaleMax: number | null
	scaleMinLabel: string | null
	scaleMaxLabel: string | null
	options: Array<{ id: string; text: string }>
}

export type AttemptSummary = { number: number; scorePercent: number; passed: boolean; submittedAt: Date }

export type AttemptResult = AttemptSummary & {
	/** True once the learner has passed or has no attempts left: correct answers are then shown. */
	revealed: boolean
	questions: Array<{
		questionId: string
		/** Whether the learner's answer was right; null for questions that are not marked. */
		correct: boolean | null
		text: string | null
		scaleValue: number | null
		/** Only once revealed. */
		explanation: string | null
		options: Array<{
			id: string
			selected: boolean
			/** Only once revealed: whether this option is one of the right answers. */
			correct: boolean | null
			/** Feedback for options the learner chose; for every option once revealed. */
			feedback: string | null
		}>
	}>
}

export type LearnerQuiz = {
	passMark: number
	maxAttempts: number | null
	attemptsUsed: number
	/** Null when attempts are unlimited. */
	attemptsRemaining: number | null
	passed: boolean
	canAttempt: boolean
	questions: LearnerQuestion[]
	/** Saved reflection text by question id, with when it was saved (to reconcile with local drafts). */
	reflections: Record<string, { text: string; updatedAt: Date }>
	/** Newest first. */
	attempts: AttemptSummary[]
	/** The newest attempt, graded, with feedback; null before the first submission. */
	lastResult: AttemptResult | null
}

/**
 * A quiz as its learner sees it. Questions and options are selected without `isCorrect`,
 * `feedback` or `explanation`: before a submission nothing that gives an answer away is read, let
 * alone sent to the browser. Once the learner has submitted, the newest attempt comes back graded
 * with feedback on the options they chose; the right answers and explanations are revealed only
 * when they have passed or used every attempt, so a retake is still a test. One statement
 * (selectLearnerQuiz), before any attempt and after.
 */
export async function getQuizForLearner({
	userId,
	lessonId,
	cycle = 1,
}: {
	userId: string
	lessonId: string
	/** The enrolment's current cycle: attempts from an earlier cycle (before a renewal's retake) do not count. */
	cycle?: number
}): Promise<LearnerQuiz> {
	const row = await selectLearnerQuiz({ userId, lessonId, cycle })
	if (!row) throw new LearningError('not_found', 'LESSON_NOT_FOUND', 'We could not find that lesson in this course.')
	const { passMark, maxAttempts, questions, reflections } = row
	const attempts = row.attempts.map((a) => ({ ...a, submittedAt: new Date(a.submittedAt) }))

	const passed = attempts.some((a) => a.passed)
	const attemptsRemaining = maxAttempts == null ? null : Math.max(0, maxAttempts - attempts.length)
	const latest = attempts[0]
	const lastResult = latest
		? attemptResult({
				attempt: latest,
				answers: row.answers,
				marking: row.marking,
				revealed: passed || attemptsRemaining === 0,
				questionOrder: questions.map((q) => q.id),
			})
		: null

	return {
		passMark: passMark ?? 0,
		maxAttempts,
		attemptsUsed: attempts.length,
		attemptsRemaining,
		passed,
		canAttempt: !passed && attemptsRemaining !== 0,
		questions,
		reflections: Object.fromEntries(
			reflections.map((r) => [r.questionId, { text: r.text, updatedAt: new Date(r.updatedAt) }]),
		),
		attempts: attempts.map(({ id: _id, ...a }) => a),
		lastResult,
	}
}

/** Grades one submitted attempt for display; see getQuizForLearner for what is revealed when. */
function attemptResult({
	attempt,
	answers,
	marking,
	revealed,
	questionOrder,
}: {
	attempt: AttemptSummary
	answers: LearnerQuizRow['answers']
	/** Server-side only: filtered below before anything leaves this function. */
	marking: LearnerQuizRow['marking']
	revealed: boolean
	questionOrder: string[]
}): AttemptResult {
	const markingById = new Map(marking.map((q) => [q.id, q]))
	const answersById = new Map(answers.map((a) => [a.questionId, a]))
	return {
		number: attempt.number,
		scorePercent: attempt.scorePercent,
		passed: attempt.passed,
		submittedAt: attempt.submittedAt,
		revealed,
		questions: questionOrder.map((questionId) => {
			const answer = answersById.get(questionId)
			const question = markingById.get(questionId)
			const selected = new Set(answer?.selectedOptionIds ?? [])
			return {
				questionId,
				correct: answer?.isCorrect ?? null,
				text: answer?.text ?? null,
				scaleValue: answer?.scaleValue ?? null,
				explanation: revealed ? (question?.explanation ?? null) : null,
				options: (question?.options ?? []).map((o) => ({
					id: o.id,
					selected: selected.has(o.id),
					correct: revealed ? o.isCorrect : null,
					feedback: revealed || selected.has(o.id) ? (o.feedback ?? null) : null,
				})),
			}
		}),
	}
}

// The one marking rule for a quiz. A learner's attempt (submitQuizAttempt) and a trainer's preview
// (getCoursePreview) both call markQuiz, so a quiz the preview passes is a quiz a learner passes.
// Pure: no database, no clock; the callers read the questions and decide what to store.
import { z } from 'zod'
import { QuizzesError, type QuizzesErrorCode } from './errors.ts'
import { REFLECTION_MAX_LENGTH } from './reflections.ts'

export const QuizAnswerSchema = z.object({
	questionId: z.string().min(1).max(64),
	optionIds: z.array(z.string().min(1).max(64)).max(50).optional(),
	// The length limit is checked per question below, so that the message can say which one.
	text: z.string().max(100_000).optional(),
	scaleValue: z.number().int().optional(),
})
export const QuizAnswersSchema = z.array(QuizAnswerSchema).max(200)
export type QuizAnswerInput = z.input<typeof QuizAnswerSchema>

export type MarkingQuestion = {
	id: string
	kind: 'SINGLE' | 'MULTIPLE' | 'REFLECTION' | 'SCALE'
	scaleMin: number | null
	scaleMax: number | null
	options: Array<{ id: string; isCorrect: boolean }>
}

export type MarkedAnswer = {
	questionId: string
	kind: MarkingQuestion['kind']
	/** The options chosen, each once. */
	optionIds: string[]
	text: string | null
	scaleValue: number | null
	/** Null for questions that are not marked (REFLECTION and SCALE). */
	isCorrect: boolean | null
}

export type QuizAnswerProblem = {
	code: Extract<
		QuizzesErrorCode,
		| 'INVALID_ANSWERS'
		| 'ANSWER_NOT_IN_QUIZ'
		| 'DUPLICATE_ANSWER'
		| 'ANSWER_REQUIRED'
		| 'ONE_ANSWER_ONLY'
		| 'OPTION_NOT_IN_QUESTION'
		| 'REFLECTION_REQUIRED'
		| 'REFLECTION_TOO_LONG'
		| 'SCALE_OUT_OF_RANGE'
	>
	message: string
	/** The question the problem belongs to, when it belongs to one. */
	field?: string
}

export type QuizMarking =
	| { valid: true; answers: MarkedAnswer[]; scorePercent: number; passed: boolean }
	| { valid: false; problems: QuizAnswerProblem[] }

/**
 * Checks a set of answers against a quiz's questions (in quiz order) and marks it. Every question
 * must be answered, and only with this quiz's questions and each question's own options: SINGLE
 * exactly one option; MULTIPLE at least one, correct only when the chosen set is exactly the right
 * set; REFLECTION 1–5,000 characters; SCALE a whole number within its range (1–5 when unset). The
 * score is the percentage of marked (SINGLE and MULTIPLE) questions answered correctly, 100 when
 * none is marked, and the quiz is passed at or above `passMark`.
 *
 * Answers in the wrong shape, for another quiz's question or twice for one question are one
 * problem each and stop there; otherwise every question's problem is listed, in quiz order.
 */
export function markQuiz({
	questions,
	passMark,
	answers: input,
}: {
	questions: MarkingQuestion[]
	passMark: number | null
	answers: unknown
}): QuizMarking {
	const parsed = QuizAnswersSchema.safeParse(input)
	if (!parsed.success) {
		return invalid({ code: 'INVALID_ANSWERS', message: 'Your answers were not in the expected format.' })
	}
	const byQuestion = new Map<string, z.output<typeof QuizAnswerSchema>>()
	const known = new Set(questions.map((q) => q.id))
	for (const answer of parsed.data) {
		if (!known.has(answer.questionId)) {
			return invalid({
				code: 'ANSWER_NOT_IN_QUIZ',
				message: 'One of your answers is for a question that is not part of this quiz.',
			})
		}
		if (byQuestion.has(answer.questionId)) {
			return invalid({
				code: 'DUPLICATE_ANSWER',
				message: 'Each question can be answered only once per attempt.',
				field: answer.questionId,
			})
		}
		byQuestion.set(answer.questionId, answer)
	}

	const problems: QuizAnswerProblem[] = []
	const answers: MarkedAnswer[] = []
	for (const [index, q] of questions.entries()) {
		const marked = markOne(q, byQuestion.get(q.id))
		if ('problem' in marked) {
			const [code, message] = marked.problem
			problems.push({ code, message: `Question ${index + 1}: ${message}`, field: q.id })
		} else answers.push(marked)
	}
	if (problems.length > 0) return { valid: false, problems }

	const markedAnswers = answers.filter((a) => a.isCorrect !== null)
	const scorePercent =
		markedAnswers.length === 0
			? 100
			: Math.round((markedAnswers.filter((a) => a.isCorrect).length / markedAnswers.length) * 100)
	return { valid: true, answers, scorePercent, passed: scorePercent >= (passMark ?? 0) }
}

/** The first problem as the `invalid` DomainError a caller throws (its field names the question). */
export function answerProblemError(problems: QuizAnswerProblem[]) {
	const first = problems[0] ?? { code: 'INVALID_ANSWERS', message: 'Your answers were not in the expected format.' }
	return new QuizzesError('invalid', first.code, first.message, first.field ? { field: first.field } : {})
}

function invalid(problem: QuizAnswerProblem): QuizMarking {
	return { valid: false, problems: [problem] }
}

function markOne(
	q: MarkingQuestion,
	answer: z.output<typeof QuizAnswerSchema> | undefined,
): MarkedAnswer | { problem: [QuizAnswerProblem['code'], string] } {
	const base = { questionId: q.id, kind: q.kind, optionIds: [], text: null, scaleValue: null, isCorrect: null }
	switch (q.kind) {
		case 'SINGLE':
		case 'MULTIPLE': {
			const chosen = [...new Set(answer?.optionIds ?? [])]
			if (chosen.length === 0)
				return {
					problem: ['ANSWER_REQUIRED', q.kind === 'SINGLE' ? 'choose an answer.' : 'choose at least one answer.'],
				}
			if (q.kind === 'SINGLE' && chosen.length !== 1)
				return { problem: ['ONE_ANSWER_ONLY', 'choose exactly one answer.'] }
			const options = new Set(q.options.map((o) => o.id))
			if (chosen.some((id) => !options.has(id))) {
				return { problem: ['OPTION_NOT_IN_QUESTION', 'that answer is not one of this question’s options.'] }
			}
			const right = new Set(q.options.filter((o) => o.isCorrect).map((o) => o.id))
			const isCorrect = chosen.length === right.size && chosen.every((id) => right.has(id))
			return { ...base, optionIds: chosen, isCorrect }
		}
		case 'REFLECTION': {
			const text = answer?.text ?? ''
			if (text.trim().length === 0) return { problem: ['REFLECTION_REQUIRED', 'write a reflection before you submit.'] }
			if (text.length > REFLECTION_MAX_LENGTH) {
				return {
					problem: [
						'REFLECTION_TOO_LONG',
						`your reflection is ${text.length.toLocaleString('en-GB')} characters; the limit is ${REFLECTION_MAX_LENGTH.toLocaleString('en-GB')}.`,
					],
				}
			}
			return { ...base, text }
		}
		case 'SCALE': {
			const min = q.scaleMin ?? 1
			const max = q.scaleMax ?? 5
			const value = answer?.scaleValue
			if (value == null) return { problem: ['ANSWER_REQUIRED', 'choose a point on the scale.'] }
			if (value < min || value > max)
				return { problem: ['SCALE_OUT_OF_RANGE', `choose a number from ${min} to ${max}.`] }
			return { ...base, scaleValue: value }
		}
	}
}

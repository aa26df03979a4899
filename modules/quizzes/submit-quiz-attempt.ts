import { z } from 'zod'
import { Prisma, prisma } from '#modules/db/client.ts'
import { QuizzesError, type QuizzesErrorCode } from '#modules/quizzes/errors.ts'
import { assertLessonUnlocked, findLessonForLearner } from '#modules/learning/lesson-access.ts'
import { COMPLETION_TRANSACTION, completeEnrolment } from '#modules/progress/complete-enrolment.ts'
import { ensureProgressRow, markLessonCompleted, touchEnrolment } from '#modules/progress/progress-rows.ts'
import { REFLECTION_MAX_LENGTH, saveReflectionRows } from './reflections.ts'

export const QuizAnswerSchema = z.object({
	questionId: z.string().min(1).max(64),
	optionIds: z.array(z.string().min(1).max(64)).max(50).optional(),
	// The length limit is checked per question below, so that the message can say which one.
	text: z.string().max(100_000).optional(),
	scaleValue: z.number().int().optional(),
})
export const QuizAnswersSchema = z.array(QuizAnswerSchema).max(200)
export type QuizAnswerInput = z.input<typeof QuizAnswerSchema>

/**
 * Grades and records one attempt at a quiz. Every question of the quiz must be answered, and only
 * with this quiz's questions and each question's own options (anything else is `invalid` and
 * nothing is stored): SINGLE exactly one option; MULTIPLE at least one, correct only when the chosen
 * set is exactly the right set; REFLECTION 1–5,000 characters; SCALE a whole number within its
 * range. The score is the percentage of marked (SINGLE and MULTIPLE) questions answered correctly,
 * and the attempt passes at or above the pass mark.
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
	const parsed = QuizAnswersSchema.safeParse(input)
	if (!parsed.success)
		throw new QuizzesError('invalid', 'INVALID_ANSWERS', 'Your answers were not in the expected format.')
	const answers = parsed.data

	const lesson = await findLessonForLearner({ userId, lessonId })
	if (lesson.kind !== 'QUIZ') throw new QuizzesError('invalid', 'NOT_A_QUIZ', 'This lesson is not a quiz.')
	await assertLessonUnlocked({ userId, lesson })

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
	const graded = gradeAnswers({ questions, answers })
	const marked = graded.filter((g) => g.isCorrect !== null)
	const scorePercent =
		marked.length === 0 ? 100 : Math.round((marked.filter((g) => g.isCorrect).length / marked.length) * 100)
	const passed = scorePercent >= (lesson.passMark ?? 0)

	try {
		return await prisma.$transaction(async (tx) => {
			const previous = await tx.quizAttempt.findMany({
				where: { userId, lessonId: lesson.id },
				orderBy: { number: 'desc' },
				select: { number: true, passed: true },
			})
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
			const number = (previous[0]?.number ?? 0) + 1
			const attempt = await tx.quizAttempt.create({
				data: { userId, enrolmentId: lesson.enrolmentId, lessonId: lesson.id, number, scorePercent, passed },
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

type MarkingQuestion = {
	id: string
	kind: 'SINGLE' | 'MULTIPLE' | 'REFLECTION' | 'SCALE'
	scaleMin: number | null
	scaleMax: number | null
	options: Array<{ id: string; isCorrect: boolean }>
}

type GradedAnswer = {
	questionId: string
	kind: MarkingQuestion['kind']
	optionIds: string[]
	text: string | null
	scaleValue: number | null
	isCorrect: boolean | null
}

/** Checks every answer against its question and marks it. Throws `invalid` naming the question. */
function gradeAnswers({
	questions,
	answers,
}: {
	questions: MarkingQuestion[]
	answers: z.output<typeof QuizAnswersSchema>
}): GradedAnswer[] {
	const byQuestion = new Map<string, (typeof answers)[number]>()
	const known = new Set(questions.map((q) => q.id))
	for (const answer of answers) {
		if (!known.has(answer.questionId)) {
			throw new QuizzesError(
				'invalid',
				'ANSWER_NOT_IN_QUIZ',
				'One of your answers is for a question that is not part of this quiz.',
			)
		}
		if (byQuestion.has(answer.questionId)) {
			throw new QuizzesError('invalid', 'DUPLICATE_ANSWER', 'Each question can be answered only once per attempt.', {
				field: answer.questionId,
			})
		}
		byQuestion.set(answer.questionId, answer)
	}

	return questions.map((q, index) => {
		const answer = byQuestion.get(q.id)
		const label = `Question ${index + 1}`
		const invalid = (code: QuizzesErrorCode, message: string) =>
			new QuizzesError('invalid', code, `${label}: ${message}`, { field: q.id })
		const base = {
			questionId: q.id,
			kind: q.kind,
			optionIds: [] as string[],
			text: null,
			scaleValue: null,
			isCorrect: null,
		}
		switch (q.kind) {
			case 'SINGLE':
			case 'MULTIPLE': {
				const chosen = [...new Set(answer?.optionIds ?? [])]
				if (chosen.length === 0)
					throw invalid('ANSWER_REQUIRED', q.kind === 'SINGLE' ? 'choose an answer.' : 'choose at least one answer.')
				if (q.kind === 'SINGLE' && chosen.length !== 1) throw invalid('ONE_ANSWER_ONLY', 'choose exactly one answer.')
				const options = new Map(q.options.map((o) => [o.id, o]))
				if (chosen.some((id) => !options.has(id))) {
					throw invalid('OPTION_NOT_IN_QUESTION', 'that answer is not one of this question’s options.')
				}
				const right = new Set(q.options.filter((o) => o.isCorrect).map((o) => o.id))
				const isCorrect = chosen.length === right.size && chosen.every((id) => right.has(id))
				return { ...base, optionIds: chosen, isCorrect }
			}
			case 'REFLECTION': {
				const text = answer?.text ?? ''
				if (text.trim().length === 0) throw invalid('REFLECTION_REQUIRED', 'write a reflection before you submit.')
				if (text.length > REFLECTION_MAX_LENGTH) {
					throw invalid(
						'REFLECTION_TOO_LONG',
						`your reflection is ${text.length.toLocaleString('en-GB')} characters; the limit is ${REFLECTION_MAX_LENGTH.toLocaleString('en-GB')}.`,
					)
				}
				return { ...base, text }
			}
			case 'SCALE': {
				const min = q.scaleMin ?? 1
				const max = q.scaleMax ?? 5
				const value = answer?.scaleValue
				if (value == null) throw invalid('ANSWER_REQUIRED', 'choose a point on the scale.')
				if (value < min || value > max) throw invalid('SCALE_OUT_OF_RANGE', `choose a number from ${min} to ${max}.`)
				return { ...base, scaleValue: value }
			}
		}
	})
}

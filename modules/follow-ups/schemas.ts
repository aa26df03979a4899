import { z } from 'zod'
import { multilineText, singleLineText } from '#modules/validation/text.ts'

// Shared by the server and the browser (Conform validates the same schemas): zod and text rules only.

/** How many retrieval questions a follow-up can carry, and how many options each. */
export const MAX_FOLLOW_UP_QUESTIONS = 5
export const MAX_OPTIONS = 4
/** Days after completion at which the retrieval checks open. */
export const CHECK_DAYS = { 7: 7, 30: 30 } as const
export type CheckDay = keyof typeof CHECK_DAYS

/**
 * A retrieval question as stored: a single-choice question in the quiz's own shape (Question and
 * Option: prompt, options with `isCorrect`, an explanation shown after answering).
 */
export const FollowUpQuestionSchema = z.object({
	prompt: z.string().min(1),
	options: z.array(z.object({ text: z.string().min(1), isCorrect: z.boolean() })).min(2),
	explanation: z.string().optional(),
})
export type FollowUpQuestion = z.infer<typeof FollowUpQuestionSchema>
export const FollowUpQuestionsSchema = z.array(FollowUpQuestionSchema).max(MAX_FOLLOW_UP_QUESTIONS)

const optionalLine = (max: number) => singleLineText().max(max, `Keep this to ${max} characters`).optional()

// One question block of the studio form, as typed: option slots may be blank; `correct` names a slot.
const QuestionInputSchema = z
	.object({
		prompt: optionalLine(300),
		options: z.array(optionalLine(200)).max(MAX_OPTIONS).optional(),
		correct: z.string().optional(),
		explanation: optionalLine(500),
	})
	.superRefine((q, ctx) => {
		const filled = (q.options ?? []).filter(Boolean)
		const blank = !q.prompt && filled.length === 0 && !q.explanation
		if (blank) return
		if (!q.prompt)
			ctx.addIssue({ code: 'custom', path: ['prompt'], message: 'Write the question, or clear this block' })
		if (filled.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'Give at least two options' })
		const correct = Number(q.correct)
		if (q.correct === undefined || !Number.isInteger(correct) || !q.options?.[correct])
			ctx.addIssue({ code: 'custom', path: ['correct'], message: 'Choose which filled-in option is right' })
	})

/** Turns the studio form's question blocks into stored questions, dropping blank blocks and slots. */
export function toStoredQuestions(blocks: z.infer<typeof QuestionInputSchema>[]): FollowUpQuestion[] {
	return blocks
		.filter((q) => q.prompt)
		.map((q) => ({
			prompt: q.prompt!,
			options: (q.options ?? []).flatMap((text, index) =>
				text ? [{ text, isCorrect: index === Number(q.correct) }] : [],
			),
			...(q.explanation ? { explanation: q.explanation } : {}),
		}))
}

/** The studio's follow-up form: on or off, the prompts, and up to five retrieval questions. */
export const FollowUpSettingsSchema = z
	.object({
		enabled: z.literal('on').optional(),
		actionPlanPrompt: optionalLine(300),
		reflectionPrompt: optionalLine(300),
		questions: z.array(QuestionInputSchema).max(MAX_FOLLOW_UP_QUESTIONS).optional(),
	})
	.superRefine((value, ctx) => {
		if (!value.enabled) return
		if (!value.actionPlanPrompt)
			ctx.addIssue({ code: 'custom', path: ['actionPlanPrompt'], message: 'Write what the action plan asks' })
		if (!value.reflectionPrompt)
			ctx.addIssue({ code: 'custom', path: ['reflectionPrompt'], message: 'Write what the 30-day reflection asks' })
		if (toStoredQuestions(value.questions ?? []).length === 0)
			ctx.addIssue({ code: 'custom', path: ['questions'], message: 'Add at least one retrieval question' })
	})
export type FollowUpSettingsInput = z.input<typeof FollowUpSettingsSchema>

const longText = (what: string, max: number) =>
	multilineText({ error: `Write ${what}` })
		.refine((v) => v.trim().length > 0, `Write ${what}`)
		.refine((v) => v.length <= max, `Keep this to ${max.toLocaleString('en-GB')} characters`)

/** The action plan written at the end of the course ("Now what?"). */
export const ActionPlanSchema = z.object({ actionPlan: longText('your action plan', 5000) })

/** The 30-day reflection on what changed in practice ("So what?" after a month). */
export const FollowUpReflectionSchema = z.object({ reflection: longText('what changed in your practice', 5000) })

/** A retrieval check's answers: one chosen option index per question, named q0, q1, … */
export function checkAnswersSchema(questionCount: number) {
	const shape: Record<string, z.ZodType<string>> = {}
	for (let i = 0; i < questionCount; i++) {
		shape[`q${i}`] = z.string({ error: 'Choose an answer' }).regex(/^\d$/, 'Choose an answer')
	}
	return z.object({ day: z.enum(['7', '30']), ...shape })
}

/** Sending the action plan and reflection to a manager for sign-off. */
export const SendToManagerSchema = z.object({
	managerId: z.string({ error: 'Choose the manager to send it to' }).min(1, 'Choose the manager to send it to'),
})

/** A manager's sign-off, with an optional comment back to the learner. */
export const SignOffSchema = z.object({
	comment: multilineText()
		.refine((v) => v.length <= 2000, 'Keep this to 2,000 characters')
		.optional(),
})

/** One answered retrieval question, as kept on the response. */
export type CheckAnswer = { prompt: string; chosen: string; correct: string; isCorrect: boolean }

/**
 * Marks a retrieval check: the chosen option of each question against its right one. Pure, so the
 * learner's page and the tests use the same rule. An index out of range counts as wrong.
 */
export function markCheck(questions: FollowUpQuestion[], chosen: number[]): CheckAnswer[] {
	return questions.map((question, index) => {
		const pick = question.options[chosen[index] ?? -1]
		const right = question.options.find((o) => o.isCorrect)
		return {
			prompt: question.prompt,
			chosen: pick?.text ?? '',
			correct: right?.text ?? '',
			isCorrect: Boolean(pick?.isCorrect),
		}
	})
}

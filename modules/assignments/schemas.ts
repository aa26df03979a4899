import { z } from 'zod'
import { singleLineText } from '#modules/validation/text.ts'

// Shared by the server and the browser (Conform's client-side validation): zod and types only.

export const ASSIGNMENT_TARGETS = ['TEAM', 'PERSON', 'EVERYONE'] as const
export const ASSIGNMENT_TARGET_LABELS = {
	TEAM: 'A team (and its sub-teams)',
	PERSON: 'One person',
	EVERYONE: 'Everyone in the organisation',
} as const

const optionalText = (message: string) =>
	z.preprocess(
		(value) => (value === '' ? undefined : value),
		singleLineText({ error: message }).max(100, message).optional(),
	)

/**
 * The "Assign a course" form. The due date is a fixed date and/or a number of days after joining;
 * whom it is for depends on `target`. A due date in the past is refused by createAssignment, which
 * knows today.
 */
export const CreateAssignmentSchema = z
	.object({
		intent: z.literal('create'),
		courseId: singleLineText({ error: 'Choose a course' }).min(1, 'Choose a course').max(100, 'Choose a course'),
		target: z.enum(ASSIGNMENT_TARGETS, { error: 'Choose whom to assign it to' }),
		teamId: optionalText('Choose a team'),
		userId: optionalText('Choose a person'),
		dueOn: z.preprocess(
			(value) => (value === '' ? undefined : value),
			z
				.string({ error: 'Enter a due date' })
				.regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date such as 31/01/2027')
				.refine(
					(value) =>
						!Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
						new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
					'Enter a real date',
				)
				.optional(),
		),
		newStarterDays: z.preprocess(
			(value) => (value === '' ? undefined : value),
			z.coerce
				.number({ error: 'Enter a whole number of days' })
				.int('Enter a whole number of days')
				.min(1, 'Enter between 1 and 365 days')
				.max(365, 'Enter between 1 and 365 days')
				.optional(),
		),
	})
	.superRefine((value, ctx) => {
		if (value.target === 'TEAM' && !value.teamId)
			ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'Choose a team' })
		if (value.target === 'PERSON' && !value.userId)
			ctx.addIssue({ code: 'custom', path: ['userId'], message: 'Choose a person' })
		if (!value.dueOn && value.newStarterDays === undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['dueOn'],
				message: 'Enter a due date, or a number of days after joining (or both)',
			})
		}
	})

export const WithdrawAssignmentSchema = z.object({
	intent: z.literal('withdraw'),
	assignmentId: singleLineText().min(1).max(100),
})

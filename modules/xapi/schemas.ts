import { z } from 'zod'
import { singleLineText } from '#modules/validation/text.ts'

// Shared by the server and the browser: zod and types only. Whether the address may be http is
// decided on the server (checkLrsEndpoint), where the environment is known.

const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === 'true')

export const LrsConnectionSchema = z.object({
	intent: z.literal('save'),
	endpoint: singleLineText({ error: (issue) => (issue.input === undefined ? 'Enter the LRS address' : undefined) })
		.min(1, 'Enter the LRS address')
		.max(500, 'The LRS address must be 500 characters or fewer'),
	authKey: singleLineText({ error: (issue) => (issue.input === undefined ? 'Enter the key' : undefined) })
		.min(1, 'Enter the key')
		.max(255, 'The key must be 255 characters or fewer'),
	authSecret: singleLineText().max(1000, 'The secret must be 1000 characters or fewer').optional(),
	actorFormat: z.enum(['MBOX', 'ACCOUNT'], { error: 'Choose how people are identified' }),
	enabled: checkbox,
})

export const LrsIntentSchema = z.object({ intent: z.enum(['test', 'resend-failed']) })

import { z } from 'zod'
import { singleLineText } from '#modules/validation/text.ts'

// The provisioning settings page's forms (shared with the browser for Conform's validation).

export const CreateScimTokenSchema = z.object({
	intent: z.literal('create'),
	name: singleLineText({ error: 'Give the token a name, such as the identity provider it is for' })
		.min(1, 'Give the token a name, such as the identity provider it is for')
		.max(80, 'Keep the name to 80 characters or fewer'),
})

export const RevokeScimTokenSchema = z.object({
	intent: z.literal('revoke'),
	tokenId: z.string().min(1).max(40),
})
